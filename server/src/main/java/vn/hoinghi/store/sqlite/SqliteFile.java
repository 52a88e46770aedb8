package vn.hoinghi.store.sqlite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import vn.hoinghi.store.StoreUnavailable;

/**
 * The database file in the data directory: locked for this process, migrated, switched to WAL, and the source of
 * every connection the writer and the readers use.
 */
final class SqliteFile {
  private final Path dataDir;
  private final Path file;
  private final String url;
  private FileChannel lockChannel;
  private FileLock dataDirLock;

  private SqliteFile(Path dataDir) {
    this.dataDir = dataDir;
    this.file = dataDir.resolve("hoinghi.db");
    this.url = "jdbc:sqlite:" + file.toAbsolutePath();
  }

  /**
   * Creates the data directory when absent, locks it, migrates {@code hoinghi.db} with Flyway and turns on WAL.
   * Blocking: call it at start-up, off the event loop.
   */
  static SqliteFile open(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (Exception e) {
      throw new StoreUnavailable("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
    }
    SqliteFile f = new SqliteFile(dataDir);
    f.lockDataDir();
    try {
      f.migrate();
      f.enableWal();
    } catch (RuntimeException e) {
      f.unlockDataDir();
      throw e;
    }
    return f;
  }

  Path path() {
    return file;
  }

  /**
   * One server process per data directory: the embedded store has a single writer (this process's), and a second
   * server on the same file would interleave its own sequence numbers with ours. The lock is the operating system's
   * ({@code hoinghi.lock} beside the database), so a killed process releases it.
   */
  private void lockDataDir() {
    Path lockFile = dataDir.resolve("hoinghi.lock");
    try {
      lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        dataDirLock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        dataDirLock = null;
      }
    } catch (IOException e) {
      unlockDataDir();
      throw new StoreUnavailable("cannot lock data directory " + dataDir + ": " + e.getMessage(), e);
    }
    if (dataDirLock == null) {
      unlockDataDir();
      throw new StoreUnavailable("data directory " + dataDir.toAbsolutePath()
          + " is in use by another Hội Nghị server (one server per data.dir)", null);
    }
  }

  void unlockDataDir() {
    try {
      if (dataDirLock != null) dataDirLock.release();
      if (lockChannel != null) lockChannel.close();
    } catch (IOException ignored) {
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
  Connection connect(boolean writer) throws SQLException {
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

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) r = r.getCause();
    return r.getMessage() == null ? r.toString() : r.getMessage();
  }
}
