package vn.hoinghi.store.sqlite;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.store.AppendConflict;
import vn.hoinghi.store.NewEvent;
import vn.hoinghi.store.StoreUnavailable;
import vn.hoinghi.store.StoredEvent;

/**
 * SQLite's one writer: a thread that takes every append and write task waiting in its queue (up to
 * {@value #MAX_GROUP}) and commits them in one transaction — group commit — then answers each on its caller's
 * context. Conflicting appends are refused individually; the rest of the group still commits.
 */
final class GroupCommitWriter {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  /** Appends that wait together are committed together, up to this many per transaction. */
  private static final int MAX_GROUP = 512;
  private static final Object STOP = new Object();

  private final Vertx vertx;
  private final SqliteFile file;
  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closing;
  private final Promise<Void> done = Promise.promise();
  private final AtomicInteger groupCommits = new AtomicInteger();

  private record Append(String conferenceId, long expected, List<NewEvent> events, Context ctx,
      Promise<List<StoredEvent>> promise) {}

  private record Task(SqlWork<Object> work, Context ctx, Promise<Object> promise) {}

  GroupCommitWriter(Vertx vertx, SqliteFile file) {
    this.vertx = vertx;
    this.file = file;
    this.thread = new Thread(this::writeLoop, "sqlite-writer");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  int groupCommits() {
    return groupCommits.get();
  }

  /** Queues an append already checked by the store; the answer comes back on the caller's context. */
  Future<List<StoredEvent>> append(String conferenceId, long expectedLastSeq, List<NewEvent> events) {
    Context ctx = vertx.getOrCreateContext();
    Promise<List<StoredEvent>> promise = Promise.promise();
    if (closing) {
      promise.fail(new StoreUnavailable("store is closing", null));
    } else {
      queue.add(new Append(conferenceId, expectedLastSeq, List.copyOf(events), ctx, promise));
    }
    return promise.future();
  }

  /** Runs a write outside the event log (snapshots) on the writer thread, inside its group. */
  @SuppressWarnings("unchecked")
  <T> Future<T> run(SqlWork<T> work) {
    Context ctx = vertx.getOrCreateContext();
    Promise<Object> promise = Promise.promise();
    if (closing) {
      promise.fail(new StoreUnavailable("store is closing", null));
    } else {
      queue.add(new Task((SqlWork<Object>) work, ctx, promise));
    }
    return (Future<T>) promise.future();
  }

  /** Refuses new work, commits what is queued, then stops; completes when the thread has ended. */
  Future<Void> stop() {
    if (!closing) {
      closing = true;
      queue.add(STOP);
    }
    return done.future();
  }

  private void writeLoop() {
    Connection conn = null;
    Map<String, Long> lastSeqs = new HashMap<>();
    List<Object> batch = new ArrayList<>();
    try {
      while (true) {
        batch.clear();
        Object first = queue.take();
        batch.add(first);
        queue.drainTo(batch, MAX_GROUP - 1);
        boolean stop = batch.remove(STOP);
        if (!batch.isEmpty()) {
          if (conn == null) conn = openQuietly(batch);
          if (conn != null) {
            commitGroup(conn, batch, lastSeqs);
            if (conn.isClosed()) conn = null;
          }
        }
        if (stop && queue.isEmpty()) break;
        if (stop) queue.add(STOP);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      LOG.error("SQLite writer failed", e);
    } finally {
      if (conn != null) {
        try { conn.close(); } catch (SQLException ignored) { }
      }
      failRemaining();
      done.tryComplete();
    }
  }

  private Connection openQuietly(List<Object> batch) {
    try {
      Connection c = file.connect(true);
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      for (Object o : batch) failItem(o, new StoreUnavailable("cannot open SQLite store: " + e.getMessage(), e));
      return null;
    }
  }

  /**
   * Commits every append and task of the group in one transaction. Conflicting appends are
   * rejected individually; the others still commit. Acknowledgements go out only after COMMIT.
   */
  private void commitGroup(Connection conn, List<Object> batch, Map<String, Long> lastSeqs) throws SQLException {
    Map<String, Long> tentative = new HashMap<>();
    List<Runnable> onCommit = new ArrayList<>();
    try (PreparedStatement insert = conn.prepareStatement(
        "INSERT INTO events(conference_id, seq, type, payload, actor, command_id, at_micros) VALUES (?,?,?,?,?,?,?)");
         PreparedStatement upsert = conn.prepareStatement(
        "INSERT INTO streams(conference_id, last_seq) VALUES (?, ?) "
            + "ON CONFLICT(conference_id) DO UPDATE SET last_seq = excluded.last_seq")) {
      for (Object item : batch) {
        if (item instanceof Task t) {
          try {
            Object result = t.work().run(conn);
            onCommit.add(() -> t.ctx().runOnContext(v -> t.promise().tryComplete(result)));
          } catch (Exception e) {
            onCommit.add(() -> t.ctx().runOnContext(v -> t.promise().tryFail(e)));
          }
          continue;
        }
        Append a = (Append) item;
        long current = tentative.containsKey(a.conferenceId())
            ? tentative.get(a.conferenceId())
            : lastSeq(conn, a.conferenceId(), lastSeqs);
        if (current != a.expected()) {
          AppendConflict conflict = new AppendConflict(a.conferenceId(), a.expected(), current);
          onCommit.add(() -> a.ctx().runOnContext(v -> a.promise().tryFail(conflict)));
          continue;
        }
        List<StoredEvent> stored = new ArrayList<>(a.events().size());
        long seq = current;
        for (NewEvent e : a.events()) {
          seq++;
          Instant at = e.at().truncatedTo(ChronoUnit.MICROS);
          insert.setString(1, a.conferenceId());
          insert.setLong(2, seq);
          insert.setString(3, e.type());
          insert.setString(4, e.payload());
          insert.setString(5, e.actor());
          insert.setString(6, e.commandId());
          insert.setLong(7, Micros.of(at));
          insert.addBatch();
          stored.add(new StoredEvent(a.conferenceId(), seq, e.type(), e.payload(), e.actor(), e.commandId(), at));
        }
        tentative.put(a.conferenceId(), seq);
        onCommit.add(() -> a.ctx().runOnContext(v -> a.promise().tryComplete(stored)));
      }
      insert.executeBatch();
      for (Map.Entry<String, Long> e : tentative.entrySet()) {
        upsert.setString(1, e.getKey());
        upsert.setLong(2, e.getValue());
        upsert.addBatch();
      }
      upsert.executeBatch();
      conn.commit();
    } catch (SQLException e) {
      try { conn.rollback(); } catch (SQLException ignored) { }
      lastSeqs.clear();
      StoreUnavailable failure = new StoreUnavailable("SQLite append failed: " + e.getMessage(), e);
      for (Object o : batch) failItem(o, failure);
      try { conn.close(); } catch (SQLException ignored) { }
      return;
    }
    lastSeqs.putAll(tentative);
    groupCommits.incrementAndGet();
    onCommit.forEach(Runnable::run);
  }

  private long lastSeq(Connection conn, String conferenceId, Map<String, Long> cache) throws SQLException {
    Long cached = cache.get(conferenceId);
    if (cached != null) return cached;
    try (PreparedStatement ps = conn.prepareStatement("SELECT last_seq FROM streams WHERE conference_id = ?")) {
      ps.setString(1, conferenceId);
      try (ResultSet rs = ps.executeQuery()) {
        long v = rs.next() ? rs.getLong(1) : 0L;
        cache.put(conferenceId, v);
        return v;
      }
    }
  }

  private void failItem(Object o, Throwable t) {
    if (o instanceof Append a) a.ctx().runOnContext(v -> a.promise().tryFail(t));
    else if (o instanceof Task k) k.ctx().runOnContext(v -> k.promise().tryFail(t));
  }

  private void failRemaining() {
    List<Object> rest = new ArrayList<>();
    queue.drainTo(rest);
    for (Object o : rest) failItem(o, new StoreUnavailable("store is closed", null));
  }
}
