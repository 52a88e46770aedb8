package vn.hoinghi.testing;

import java.io.IOException;
import java.net.Socket;

/** Socket helpers shared by the test proxies. */
public final class Sockets {
  private Sockets() {}

  /** Closes with a TCP reset (SO_LINGER 0), as a broken link or a killed peer would; quiet if already closed. */
  public static void abort(Socket s) {
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

  /** A daemon thread, not started: a proxy's pumps must never keep a test JVM alive. */
  public static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
