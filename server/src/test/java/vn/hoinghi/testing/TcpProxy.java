package vn.hoinghi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy between the server and a backend (PostgreSQL) that a test can break: {@link #cut()} closes every
 * proxied connection and refuses new ones until {@link #restore()}; {@link #pauseReplies()} and {@link #pauseAll()} keep
 * connections open but forward nothing back (or nothing at all) — a black hole — until {@link #resume()}, when what was
 * held flows on, as after a healed network partition. Bytes are never dropped or reordered, only held or cut.
 */
public final class TcpProxy implements AutoCloseable {
  private final String targetHost;
  private final int targetPort;
  private final ServerSocket listener;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean refusing;
  private volatile boolean holdRequests;
  private volatile boolean holdReplies;
  private volatile boolean closed;

  public TcpProxy(String targetHost, int targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    try {
      listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread t = new Thread(this::acceptLoop, "tcp-proxy-accept-" + port());
    t.setDaemon(true);
    t.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Connections the proxy passed on, and those it refused while cut. */
  public int accepted() {
    return accepted.get();
  }

  public int refused() {
    return refused.get();
  }

  /** Closes every proxied connection (with a reset) and refuses new ones: the database is gone. */
  public void cut() {
    refusing = true;
    for (Socket s : sockets) abort(s);
    sockets.clear();
  }

  /** Accepts and forwards again. */
  public void restore() {
    refusing = false;
    resume();
  }

  /** Requests still reach the backend, but nothing comes back: commits may happen without the server knowing. */
  public void pauseReplies() {
    holdReplies = true;
  }

  /** Nothing flows either way; connections stay open. */
  public void pauseAll() {
    holdRequests = true;
    holdReplies = true;
  }

  /** What was held flows on. */
  public void resume() {
    holdRequests = false;
    holdReplies = false;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      if (refusing) {
        refused.incrementAndGet();
        abort(client);
        continue;
      }
      try {
        Socket backend = new Socket();
        backend.connect(new InetSocketAddress(targetHost, targetPort), 3_000);
        client.setTcpNoDelay(true);
        backend.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(backend);
        accepted.incrementAndGet();
        pump(client, backend, true);
        pump(backend, client, false);
      } catch (IOException e) {
        abort(client);
      }
    }
  }

  private void pump(Socket from, Socket to, boolean request) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          // Held bytes wait here (and TCP back-pressure stops the sender): delivered on resume, lost on cut.
          while (request ? holdRequests : holdReplies) {
            if (from.isClosed() || to.isClosed()) return;
            Thread.sleep(5);
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // cut or closed
      } finally {
        abort(from);
        abort(to);
        sockets.remove(from);
        sockets.remove(to);
      }
    }, "tcp-proxy-" + (request ? "up" : "down"));
    t.setDaemon(true);
    t.start();
  }

  private static void abort(Socket s) {
    try {
      s.setSoLinger(true, 0);
    } catch (IOException ignored) {
      // already closed
    }
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    cut();
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
