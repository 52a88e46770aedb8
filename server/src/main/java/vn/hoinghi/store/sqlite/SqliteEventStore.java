package vn.hoinghi.store.sqlite;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.store.AppendConflict;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.store.NewEvent;
import vn.hoinghi.store.Snapshot;
import vn.hoinghi.store.StoreUnavailable;
import vn.hoinghi.store.StoredEvent;

/** {@link EventStore} on an SQLite file, with one writer thread doing group commit. */
public final class SqliteEventStore implements EventStore {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteEventStore.class);
  /** Appends that wait together are committed together, up to this many per transaction. */
  private static final int MAX_GROUP = 512;
  private static final int READERS = 2;

  private final Vertx vertx;
  private final Path file;
  private final String url;
  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final ExecutorService readers;
  private final ThreadLocal<Connection> readConnection = new ThreadLocal<>();
  private final List<Connection> readConnections = new ArrayList<>();
  private volatile boolean closing;
  private final Promise<Void> writerDone = Promise.promise();
  private final AtomicInteger groupCommits = new AtomicInteger();

  private record Append(String conferenceId, long expected, List<NewEvent> events, Context ctx,
      Promise<List<StoredEvent>> promise) {}

  private record Task(SqlWork<Object> work, Context ctx, Promise<Object> promise) {}

  private static final Object STOP = new Object();

  private SqliteEventStore(Vertx vertx, Path file) {
    this.vertx = vertx;
    this.file = file;
    this.url = "jdbc:sqlite:" + file.toAbsolutePath();
    AtomicInteger n = new AtomicInteger();
    this.readers = Executors.newFixedThreadPool(READERS, r -> {
      Thread t = new Thread(r, "sqlite-reader-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.writer = new Thread(this::writeLoop, "sqlite-writer");
    this.writer.setDaemon(true);
  }

  /**
   * Opens (creating when absent) {@code dataDir/hoinghi.db} and migrates it with Flyway. Blocking:
   * call it at start-up, off the event loop.
   */
  public static SqliteEventStore open(Vertx vertx, Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (Exception e) {
      throw new StoreUnavailable("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
    }
    Path file = dataDir.resolve("hoinghi.db");
    SqliteEventStore store = new SqliteEventStore(vertx, file);
    store.lockDataDir(dataDir);
    try {
      store.migrate();
      store.enableWal();
    } catch (RuntimeException e) {
      store.unlockDataDir();
      throw e;
    }
    store.writer.start();
    return store;
  }

  private java.nio.channels.FileChannel lockChannel;
  private java.nio.channels.FileLock dataDirLock;

  /**
   * One server process per data directory: the embedded store has a single writer (this process's), and a second
   * server on the same file would interleave its own sequence numbers with ours. The lock is the operating system's
   * ({@code hoinghi.lock} beside the database), so a killed process releases it.
   */
  private void lockDataDir(Path dataDir) {
    Path lockFile = dataDir.resolve("hoinghi.lock");
    try {
      lockChannel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.WRITE);
      try {
        dataDirLock = lockChannel.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException e) {
        dataDirLock = null;
      }
    } catch (java.io.IOException e) {
      unlockDataDir();
      throw new StoreUnavailable("cannot lock data directory " + dataDir + ": " + e.getMessage(), e);
    }
    if (dataDirLock == null) {
      unlockDataDir();
      throw new StoreUnavailable("data directory " + dataDir.toAbsolutePath()
          + " is in use by another Hội Nghị server (one server per data.dir)", null);
    }
  }

  private void unlockDataDir() {
    try {
      if (dataDirLock != null) dataDirLock.release();
      if (lockChannel != null) lockChannel.close();
    } catch (java.io.IOException ignored) {
      // closing anyway
    }
    dataDirLock = null;
    lockChannel = null;
  }

  /** WAL is persistent in the file: set here once, before any reader or the writer opens. */
  private void enableWal() {
    try (Connection c = connect(true)) {
      // connect(true) has switched the file to WAL.
    } catch (SQLException e) {
      throw new StoreUnavailable("cannot open SQLite store at " + file + ": " + e.getMessage(), e);
    }
  }

  private void migrate() {
    try {
      Flyway.configure()
          .dataSource(url, null, null)
          .locations("classpath:db/migration/sqlite")
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new StoreUnavailable("cannot migrate SQLite store at " + file + ": " + rootMessage(e), e);
    }
  }

  /**
   * Opens a connection. The busy timeout comes first: every later statement, the pragmas included,
   * waits for a lock instead of failing at once with SQLITE_BUSY. WAL mode is a property of the
   * database file, set once at {@link #open}; a reader that asked for it again could meet a lock
   * held by the writer's checkpoint.
   */
  private Connection connect(boolean writer) throws SQLException {
    Connection c = DriverManager.getConnection(url);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout=10000");
      if (writer) s.execute("PRAGMA journal_mode=WAL");
      // FULL: an acknowledged append survives a power cut, not only a process crash.
      s.execute("PRAGMA synchronous=FULL");
      if (!writer) s.execute("PRAGMA query_only=1");
    } catch (SQLException e) {
      try { c.close(); } catch (SQLException ignored) { }
      throw e;
    }
    return c;
  }

  @Override
  public String describe() {
    return "embedded SQLite at " + file.toAbsolutePath();
  }

  public int groupCommits() {
    return groupCommits.get();
  }

  // ---------------------------------------------------------------- appends

  @Override
  public Future<List<StoredEvent>> append(String conferenceId, long expectedLastSeq, List<NewEvent> events) {
    Context ctx = vertx.getOrCreateContext();
    Promise<List<StoredEvent>> promise = Promise.promise();
    if (events.isEmpty() || events.size() > MAX_BATCH) {
      promise.fail(new IllegalArgumentException("batch size must be 1.." + MAX_BATCH + ", got " + events.size()));
    } else if (expectedLastSeq < 0) {
      promise.fail(new IllegalArgumentException("expectedLastSeq must be >= 0"));
    } else if (closing) {
      promise.fail(new StoreUnavailable("store is closing", null));
    } else {
      queue.add(new Append(conferenceId, expectedLastSeq, List.copyOf(events), ctx, promise));
    }
    return promise.future();
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
          if (conn == null) conn = openWriterQuietly(batch);
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
      writerDone.tryComplete();
    }
  }

  private Connection openWriterQuietly(List<Object> batch) {
    try {
      Connection c = connect(true);
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
          insert.setLong(7, toMicros(at));
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

  /** Runs a write outside the event log (snapshots) on the writer thread, inside its group. */
  @SuppressWarnings("unchecked")
  private <T> Future<T> onWriter(SqlWork<T> work) {
    Context ctx = vertx.getOrCreateContext();
    Promise<Object> promise = Promise.promise();
    if (closing) {
      promise.fail(new StoreUnavailable("store is closing", null));
    } else {
      queue.add(new Task((SqlWork<Object>) work, ctx, promise));
    }
    return (Future<T>) promise.future();
  }

  // ---------------------------------------------------------------- reads

  private <T> Future<T> onReader(SqlWork<T> work) {
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

  /** Work on one JDBC connection, run on a store thread. */
  private interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  private Connection readerConnection() throws SQLException {
    Connection c = readConnection.get();
    if (c == null) {
      c = connect(false);
      readConnection.set(c);
      synchronized (readConnections) {
        readConnections.add(c);
      }
    }
    return c;
  }

  @Override
  public Future<List<StoredEvent>> read(String conferenceId, long afterSeq, int limit) {
    return onReader(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT seq, type, payload, actor, command_id, at_micros FROM events "
              + "WHERE conference_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
        ps.setString(1, conferenceId);
        ps.setLong(2, afterSeq);
        ps.setInt(3, Math.max(0, limit));
        List<StoredEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new StoredEvent(conferenceId, rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), fromMicros(rs.getLong(6))));
          }
        }
        return out;
      }
    });
  }

  @Override
  public Future<Long> latestSeq(String conferenceId) {
    return onReader(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM streams WHERE conference_id = ?")) {
        ps.setString(1, conferenceId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    });
  }

  @Override
  public Future<List<String>> conferences() {
    return onReader(c -> {
      List<String> out = new ArrayList<>();
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT conference_id FROM streams WHERE last_seq > 0 ORDER BY conference_id")) {
        while (rs.next()) out.add(rs.getString(1));
      }
      return out;
    });
  }

  @Override
  public Future<Void> saveSnapshot(Snapshot s) {
    // Runs inside the writer's open transaction, committed with its group.
    return onWriter(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT OR REPLACE INTO snapshots(conference_id, seq, payload, at_micros) VALUES (?,?,?,?)")) {
        ps.setString(1, s.conferenceId());
        ps.setLong(2, s.seq());
        ps.setString(3, s.payload());
        ps.setLong(4, toMicros(s.at()));
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM snapshots WHERE conference_id = ? AND seq < ?")) {
        ps.setString(1, s.conferenceId());
        ps.setLong(2, s.seq());
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Future<Optional<Snapshot>> latestSnapshot(String conferenceId) {
    return onReader(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT seq, payload, at_micros FROM snapshots WHERE conference_id = ? ORDER BY seq DESC LIMIT 1")) {
        ps.setString(1, conferenceId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) return Optional.<Snapshot>empty();
          return Optional.of(new Snapshot(conferenceId, rs.getLong(1), rs.getString(2), fromMicros(rs.getLong(3))));
        }
      }
    });
  }

  @Override
  public Future<Void> ping() {
    return onReader(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
        rs.next();
        return null;
      }
    });
  }

  @Override
  public Future<Void> close() {
    if (!closing) {
      closing = true;
      queue.add(STOP);
    }
    return writerDone.future().andThen(v -> {
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
      unlockDataDir();
    });
  }

  static long toMicros(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
  }

  static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) r = r.getCause();
    return r.getMessage() == null ? r.toString() : r.getMessage();
  }
}
