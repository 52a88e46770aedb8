package vn.hoinghi.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.store.sqlite.SqliteEventStore;

@DisplayName("Embedded SQLite event store")
class SqliteEventStoreTest extends EventStoreContract {
  private Path dir;

  @Override
  protected EventStore openFresh() {
    try {
      dir = Files.createTempDirectory("hoinghi-sqlite");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SqliteEventStore.open(vertx, dir);
  }

  @Override
  protected EventStore reopen() {
    return SqliteEventStore.open(vertx, dir);
  }

  @Override
  protected void dispose() {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temp dir
    }
  }

  @Test
  @DisplayName("appends that arrive together share one transaction (group commit)")
  void groupCommit() {
    SqliteEventStore sqlite = (SqliteEventStore) store;
    int before = sqlite.groupCommits();
    List<Future<List<StoredEvent>>> all = new ArrayList<>();
    for (int i = 0; i < 200; i++) all.add(store.append("g" + i, 0, List.of(event("e", "{}"))));
    for (var f : all) vn.hoinghi.testing.Await.of(f);
    int commits = sqlite.groupCommits() - before;
    assertThat(commits).as("200 appends must share far fewer than 200 commits").isLessThan(100);
  }

  @Test
  @DisplayName("the file is in WAL mode as soon as the store is open, before any reader or the writer connects")
  void walBeforeFirstConnection() throws Exception {
    // Readers and the writer that raced to switch a fresh file to WAL could fail at once with
    // SQLITE_BUSY (a lock upgrade that the busy handler does not wait for): seen in CI.
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hoinghi.db"));
         java.sql.Statement s = c.createStatement();
         java.sql.ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  @DisplayName("a second store on the same data directory is refused with a clear error, and allowed once the first closed")
  void oneServerPerDataDir() {
    long before = vn.hoinghi.testing.Await.of(store.append("c1", 0, events(1, "a"))).size();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SqliteEventStore.open(vertx, dir))
        .isInstanceOf(StoreUnavailable.class).hasMessageContaining("in use by another");
    // The first store is untouched and goes on.
    assertThat(vn.hoinghi.testing.Await.of(store.append("c1", before, events(1, "b")))).hasSize(1);
    vn.hoinghi.testing.Await.of(store.close());
    store = SqliteEventStore.open(vertx, dir);
    assertThat(vn.hoinghi.testing.Await.of(store.latestSeq("c1"))).isEqualTo(2L);
  }

  @Test
  @DisplayName("the database file lives in the data directory")
  void fileInDataDir() {
    assertThat(dir.resolve("hoinghi.db")).exists();
    assertThat(store.describe()).contains(dir.toAbsolutePath().toString());
  }
}
