package vn.hoinghi.store.sqlite;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.hoinghi.store.StoreUnavailable;

/**
 * The reading threads, each with its own read-only connection (WAL), so reads never wait for the writer. A
 * connection that failed is dropped and opened again by the next read on that thread.
 */
final class ReaderPool {
  private static final int READERS = 2;

  private final Vertx vertx;
  private final SqliteFile file;
  private final ExecutorService readers;
  private final ThreadLocal<Connection> readConnection = new ThreadLocal<>();
  private final List<Connection> readConnections = new ArrayList<>();

  ReaderPool(Vertx vertx, SqliteFile file) {
    this.vertx = vertx;
    this.file = file;
    AtomicInteger n = new AtomicInteger();
    this.readers = Executors.newFixedThreadPool(READERS, r -> {
      Thread t = new Thread(r, "sqlite-reader-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Runs the work on a reader thread; the result comes back on the caller's context. */
  <T> Future<T> run(SqlWork<T> work) {
    Context ctx = vertx.getOrCreateContext();
    Promise<T> promise = Promise.promise();
    try {
      readers.execute(() -> {
        try {
          T result = work.run(readerConnection());
          ctx.runOnContext(v -> promise.tryComplete(result));
        } catch (Exception e) {
          Connection c = readConnection.get();
          readConnection.remove();
          if (c != null) try { c.close(); } catch (SQLException ignored) { }
          ctx.runOnContext(v -> promise.tryFail(new StoreUnavailable("SQLite read failed: " + e.getMessage(), e)));
        }
      });
    } catch (RuntimeException rejected) {
      promise.fail(new StoreUnavailable("store is closed", rejected));
    }
    return promise.future();
  }

  private Connection readerConnection() throws SQLException {
    Connection c = readConnection.get();
    if (c == null) {
      c = file.connect(false);
      readConnection.set(c);
      synchronized (readConnections) {
        readConnections.add(c);
      }
    }
    return c;
  }

  /** Stops the threads (waiting up to 5 s for reads under way) and closes every connection. Blocking. */
  void close() {
    readers.shutdown();
    try {
      readers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (readConnections) {
      for (Connection c : readConnections) {
        try { c.close(); } catch (SQLException ignored) { }
      }
    }
  }
}
