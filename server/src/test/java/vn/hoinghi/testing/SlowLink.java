package vn.hoinghi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One person's poor link, as a loopback TCP proxy in front of the server: every connection of the device (page,
 * scripts, REST, WebSocket) shares one link with a bandwidth per direction and a one-way delay. Data is cut into
 * segments of at most 1,460 bytes; each segment takes its transmission time on the shared link
 * ({@code size / rate}, queued behind the segments before it) and then the delay. A lost segment is not dropped (TCP
 * would send it again): it arrives one retransmission timeout later and holds up the segments behind it on its
 * connection, which is what loss costs a TCP stream. Losses are drawn from a seed.
 *
 * <p>{@link #cut()} is a link that goes dead without a word (a phone losing its signal): nothing is delivered either
 * way, connections stay open, new ones are accepted but carry nothing; {@link #restore()} lets what was held flow on.
 * Written for tests where the kernel has no {@code netem} (this machine's has none).
 */
public final class SlowLink implements AutoCloseable {
  /** A link's shape: bytes per second each way, one-way delay, the share of segments lost, the retransmission delay. */
  public record Profile(long downBytesPerSecond, long upBytesPerSecond, long oneWayDelayMs, double loss, long rtoMs) {}

  /** The 3G: 400 kbit/s each way, 300 ms round trip, 2 % loss (a loss costs a 600 ms retransmission). */
  public static final Profile G3 = new Profile(50_000, 50_000, 150, 0.02, 600);

  private static final int SEGMENT = 1460;

  private final InetSocketAddress target;
  private final Profile profile;
  private final ServerSocket listener;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Direction down;
  private final Direction up;
  private volatile boolean cut;
  private volatile boolean closed;

  public final AtomicLong connections = new AtomicLong();
  public final AtomicLong lostSegments = new AtomicLong();

  public SlowLink(int targetPort, Profile profile, long seed) {
    this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
    this.profile = profile;
    this.down = new Direction(profile.downBytesPerSecond(), new SplittableRandom(seed));
    this.up = new Direction(profile.upBytesPerSecond(), new SplittableRandom(seed ^ 0x5DEECE66DL));
    try {
      listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    daemon(this::acceptLoop, "slow-link-accept").start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** The base URL of the server as seen through this link. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Bytes delivered to the device, and from it. */
  public long bytesDown() {
    return down.bytes.get();
  }

  public long bytesUp() {
    return up.bytes.get();
  }

  /** The link goes dead: nothing more is delivered either way until {@link #restore()}. */
  public void cut() {
    cut = true;
  }

  public void restore() {
    cut = false;
  }

  /** One direction of the shared link: when it is next free, what it carried, and its losses. */
  private final class Direction {
    final long rate;
    final SplittableRandom random;
    final AtomicLong bytes = new AtomicLong();
    long busyUntilNanos;

    Direction(long rate, SplittableRandom random) {
      this.rate = rate;
      this.random = random;
    }

    /** When a segment of {@code size} bytes handed over now arrives at the other end. */
    synchronized long arrival(int size) {
      long now = System.nanoTime();
      long start = Math.max(now, busyUntilNanos);
      busyUntilNanos = start + size * 1_000_000_000L / rate;
      long at = busyUntilNanos + TimeUnit.MILLISECONDS.toNanos(profile.oneWayDelayMs());
      if (random.nextDouble() < profile.loss()) {
        lostSegments.incrementAndGet();
        at += TimeUnit.MILLISECONDS.toNanos(profile.rtoMs());
      }
      return at;
    }
  }

  private record Segment(byte[] data, long arrivalNanos) {}

  private void acceptLoop() {
    while (!closed) {
      Socket device;
      try {
        device = listener.accept();
      } catch (IOException e) {
        return;
      }
      try {
        Socket server = new Socket();
        server.connect(target, 3_000);
        device.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        sockets.add(device);
        sockets.add(server);
        connections.incrementAndGet();
        carry(device, server, up, "up");
        carry(server, device, down, "down");
      } catch (IOException e) {
        Sockets.abort(device);
      }
    }
  }

  /** A reader that stamps each segment with its arrival, and a writer that delivers them in order at that time. */
  private void carry(Socket from, Socket to, Direction direction, String name) {
    LinkedBlockingQueue<Segment> queue = new LinkedBlockingQueue<>();
    Segment end = new Segment(new byte[0], 0);
    daemon(() -> {
      byte[] buf = new byte[SEGMENT];
      try {
        InputStream in = from.getInputStream();
        int n;
        while ((n = in.read(buf)) >= 0) {
          queue.add(new Segment(Arrays.copyOf(buf, n), direction.arrival(n)));
        }
      } catch (IOException e) {
        // closed
      } finally {
        queue.add(end);
      }
    }, "slow-link-read-" + name).start();
    daemon(() -> {
      try {
        OutputStream out = to.getOutputStream();
        while (true) {
          Segment s = queue.take();
          if (s == end) break;
          long wait;
          while ((wait = s.arrivalNanos() - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.sleep(wait);
          while (cut && !closed) Thread.sleep(10);
          out.write(s.data());
          out.flush();
          direction.bytes.addAndGet(s.data().length);
        }
        // The sender closed its side: pass the end on once everything before it was delivered.
        to.shutdownOutput();
      } catch (IOException | InterruptedException e) {
        // closed
      } finally {
        if (from.isInputShutdown() || from.isClosed()) {
          sockets.remove(from);
        }
      }
    }, "slow-link-write-" + name).start();
  }

  private static Thread daemon(Runnable r, String name) {
    return Sockets.daemon(r, name);
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing
    }
    for (Socket s : sockets) Sockets.abort(s);
    sockets.clear();
  }
}
