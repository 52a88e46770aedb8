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
  private final Set<Socket> backends = ConcurrentHashMap.newKeySet();
  /** Backend sides kept open after {@link #cutServerSideOnly()}, until {@link #close()}. */
  private final Set<Socket> lingering = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean refusing;
  private volatile boolean holdRequests;
  private volatile boolean holdReplies;
  private volatile boolean closed;
  private volatile boolean holdRepliesFromCommit;

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

  /**
   * Like {@link #cut()}, but only the server's side of each connection is reset: the backend's sessions stay open, as
   * when a link fails and the database does not notice (it keeps the sessions, and their locks, until TCP gives up).
   */
  public void cutServerSideOnly() {
    refusing = true;
    for (Socket s : backends) {
      lingering.add(s);
      sockets.remove(s);
    }
    backends.clear();
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

  /**
   * The next transaction's COMMIT reaches the backend, but from then on nothing comes back: the commit happens and the
   * server never learns it (the PostgreSQL protocol sends COMMIT as a plain-text query, so the proxy can see it).
   */
  public void pauseRepliesFromNextCommit() {
    holdRepliesFromCommit = true;
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
    holdRepliesFromCommit = false;
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
        backends.add(backend);
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
      // Not try-with-resources: closing a socket's stream closes the socket, and a lingering backend must stay open.
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        int n;
        while ((n = in.read(buf)) >= 0) {
          if (request && holdRepliesFromCommit && contains(buf, n, COMMIT)) {
            // Held before the COMMIT goes up, so its answer cannot slip through.
            holdReplies = true;
            holdRepliesFromCommit = false;
          }
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
        for (Socket s : new Socket[] {from, to}) {
          if (!lingering.contains(s)) abort(s);
          sockets.remove(s);
          backends.remove(s);
        }
      }
    }, "tcp-proxy-" + (request ? "up" : "down"));
    t.setDaemon(true);
    t.start();
  }

  private static final byte[] COMMIT = "COMMIT".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static boolean contains(byte[] buf, int n, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= n; i++) {
      for (int j = 0; j < what.length; j++) {
        if (buf[i + j] != what[j]) continue outer;
      }
      return true;
    }
    return false;
  }

  private static void abort(Socket s) {
    Sockets.abort(s);
  }

  @Override
  public void close() {
    closed = true;
    cut();
    for (Socket s : lingering) abort(s);
    lingering.clear();
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
