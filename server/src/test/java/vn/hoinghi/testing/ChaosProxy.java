package vn.hoinghi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy for tests that breaks the links passing through it, at random but from a seed: each accepted
 * connection draws its fate from {@code Random(seed, connection number)}:
 * <ul>
 *   <li><b>drop</b>: after a random lifetime both sides are reset (RST, no close handshake);</li>
 *   <li><b>cut</b>: after a random number of bytes in one direction the proxy forwards only part of the chunk in hand
 *       (so usually in the middle of a WebSocket frame) and resets both sides;</li>
 *   <li><b>long</b>: lives about a second or two, then is dropped.</li>
 * </ul>
 * and every chunk may be held back a few milliseconds (latency). {@link #heal()} stops all of it: connections then
 * live and pass data untouched. Thread scheduling is not seeded, so a run is reproducible in its fates, not to the
 * microsecond.
 */
public final class ChaosProxy implements AutoCloseable {
  private final InetSocketAddress upstream;
  private final long seed;
  private final ServerSocket listener;
  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, r -> daemon(r, "chaos-timer"));
  private final AtomicBoolean chaos = new AtomicBoolean(true);
  private volatile boolean closed;

  public final AtomicLong connections = new AtomicLong();
  /** Connections reset by the proxy after their lifetime. */
  public final AtomicLong drops = new AtomicLong();
  /** Connections reset in the middle of a chunk of data. */
  public final AtomicLong cuts = new AtomicLong();
  /** Chunks held back before being forwarded. */
  public final AtomicLong delays = new AtomicLong();
  public final AtomicLong bytes = new AtomicLong();

  public ChaosProxy(String upstreamHost, int upstreamPort, long seed) {
    this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
    this.seed = seed;
    try {
      listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    daemon(this::acceptLoop, "chaos-accept").start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Disconnects the proxy caused (drops and cuts). */
  public long disconnects() {
    return drops.get() + cuts.get();
  }

  /** Stops injecting faults; connections open now and later are left alone. */
  public void heal() {
    chaos.set(false);
  }

  private static Thread daemon(Runnable r, String name) {
    return Sockets.daemon(r, name);
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      long n = connections.incrementAndGet();
      // SplittableRandom mixes the bits: java.util.Random's first draws from neighbouring seeds are nearly equal.
      Random random = new Random(new SplittableRandom(seed + n * 0x9E3779B97F4A7C15L).nextLong());
      daemon(() -> open(client, random), "chaos-conn-" + n).start();
    }
  }

  private enum Fate { DROP, CUT_DOWN, CUT_UP, LONG }

  /** One proxied connection: its two sockets and what will happen to it. */
  private final class Link {
    final Socket client;
    final Socket server;
    final Random random;
    final AtomicBoolean done = new AtomicBoolean();
    final Fate fate;
    /** Bytes left before the cut, in the cut's direction. */
    long budget;

    Link(Socket client, Socket server, Random random) {
      this.client = client;
      this.server = server;
      this.random = random;
      double f = random.nextDouble();
      fate = f < 0.45 ? Fate.DROP : f < 0.70 ? Fate.CUT_DOWN : f < 0.90 ? Fate.CUT_UP : Fate.LONG;
      budget = 1 + random.nextInt(fate == Fate.CUT_DOWN ? 4_000 : 600);
    }

    /** RST both ends: SO_LINGER 0 makes close() abort the connection. */
    void reset(AtomicLong counter) {
      if (!done.compareAndSet(false, true)) return;
      if (counter != null) counter.incrementAndGet();
      abort(client);
      abort(server);
    }

    synchronized int delay() {
      return random.nextInt(100) < 15 ? 1 + random.nextInt(30) : 0;
    }

    /** How much of a chunk of {@code n} bytes may pass before the cut; n when no cut is due. */
    synchronized int allowance(boolean down, int n) {
      boolean cutsHere = (fate == Fate.CUT_DOWN && down) || (fate == Fate.CUT_UP && !down);
      if (!cutsHere || !chaos.get()) return n;
      if (budget >= n) {
        budget -= n;
        return n;
      }
      return (int) budget;
    }
  }

  private static void abort(Socket s) {
    Sockets.abort(s);
  }

  private void open(Socket client, Random random) {
    Socket server = new Socket();
    try {
      client.setTcpNoDelay(true);
      server.setTcpNoDelay(true);
      server.connect(upstream, 5_000);
    } catch (IOException e) {
      abort(client);
      abort(server);
      return;
    }
    Link link = new Link(client, server, random);
    if (chaos.get()) {
      long lifetime = switch (link.fate) {
        case DROP -> 10 + random.nextInt(300);
        case LONG -> 800 + random.nextInt(1_200);
        // A cut waits for its bytes; if the line stays quiet, it is dropped after a while instead.
        case CUT_DOWN, CUT_UP -> 1_000 + random.nextInt(1_000);
      };
      timers.schedule(() -> {
        if (chaos.get()) link.reset(drops);
      }, lifetime, TimeUnit.MILLISECONDS);
    }
    daemon(() -> pump(link, client, server, false), "chaos-up").start();
    pump(link, server, client, true);
  }

  private void pump(Link link, Socket from, Socket to, boolean down) {
    byte[] buf = new byte[8192];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (chaos.get()) {
          int wait = link.delay();
          if (wait > 0) {
            delays.incrementAndGet();
            Thread.sleep(wait);
          }
        }
        int pass = link.allowance(down, n);
        if (pass > 0) out.write(buf, 0, pass);
        bytes.addAndGet(pass);
        if (pass < n) {
          out.flush();
          link.reset(cuts);
          return;
        }
      }
      // An orderly end on one side ends the link (WebSocket peers close both ways anyway).
      link.reset(null);
    } catch (IOException | InterruptedException e) {
      link.reset(null);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing
    }
    timers.shutdownNow();
  }
}
