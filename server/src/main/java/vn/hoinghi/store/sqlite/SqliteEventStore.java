package vn.hoinghi.store.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.store.NewEvent;
import vn.hoinghi.store.Snapshot;
import vn.hoinghi.store.StoredEvent;

/**
 * {@link EventStore} on an SQLite file: the statements of each operation, run by the one writer thread doing group
 * commit ({@link GroupCommitWriter}) or by the reader threads ({@link ReaderPool}), on the file {@link SqliteFile}
 * opens and migrates.
 */
public final class SqliteEventStore implements EventStore {
  private final SqliteFile file;
  private final GroupCommitWriter writer;
  private final ReaderPool readers;

  private SqliteEventStore(Vertx vertx, SqliteFile file) {
    this.file = file;
    this.writer = new GroupCommitWriter(vertx, file);
    this.readers = new ReaderPool(vertx, file);
  }

  /**
   * Opens (creating when absent) {@code dataDir/hoinghi.db} and migrates it with Flyway. Blocking:
   * call it at start-up, off the event loop.
   */
  public static SqliteEventStore open(Vertx vertx, Path dataDir) {
    SqliteEventStore store = new SqliteEventStore(vertx, SqliteFile.open(dataDir));
    store.writer.start();
    return store;
  }

  @Override
  public String describe() {
    return "embedded SQLite at " + file.path().toAbsolutePath();
  }

  /** How many transactions the writer has committed (each holding one or more appends). */
  public int groupCommits() {
    return writer.groupCommits();
  }

  @Override
  public Future<List<StoredEvent>> append(String conferenceId, long expectedLastSeq, List<NewEvent> events) {
    if (events.isEmpty() || events.size() > MAX_BATCH) {
      return Future.failedFuture(
          new IllegalArgumentException("batch size must be 1.." + MAX_BATCH + ", got " + events.size()));
    }
    if (expectedLastSeq < 0) return Future.failedFuture(new IllegalArgumentException("expectedLastSeq must be >= 0"));
    return writer.append(conferenceId, expectedLastSeq, events);
  }

  @Override
  public Future<List<StoredEvent>> read(String conferenceId, long afterSeq, int limit) {
    return readers.run(c -> {
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
                rs.getString(4), rs.getString(5), Micros.toInstant(rs.getLong(6))));
          }
        }
        return out;
      }
    });
  }

  @Override
  public Future<Long> latestSeq(String conferenceId) {
    return readers.run(c -> {
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
    return readers.run(c -> {
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
    return writer.run(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT OR REPLACE INTO snapshots(conference_id, seq, payload, at_micros) VALUES (?,?,?,?)")) {
        ps.setString(1, s.conferenceId());
        ps.setLong(2, s.seq());
        ps.setString(3, s.payload());
        ps.setLong(4, Micros.of(s.at()));
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
    return readers.run(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT seq, payload, at_micros FROM snapshots WHERE conference_id = ? ORDER BY seq DESC LIMIT 1")) {
        ps.setString(1, conferenceId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) return Optional.<Snapshot>empty();
          return Optional.of(new Snapshot(conferenceId, rs.getLong(1), rs.getString(2), Micros.toInstant(rs.getLong(3))));
        }
      }
    });
  }

  @Override
  public Future<Void> ping() {
    return readers.run(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
        rs.next();
        return null;
      }
    });
  }

  @Override
  public Future<Void> close() {
    return writer.stop().andThen(v -> {
      readers.close();
      file.unlockDataDir();
    });
  }
}
