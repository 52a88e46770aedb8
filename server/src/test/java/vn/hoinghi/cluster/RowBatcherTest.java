package vn.hoinghi.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestPostgres;

/**
 * Forwarded commands and their outcomes go to PostgreSQL in batches: a burst from many threads becomes a few
 * multi-row inserts, each followed by one notification per target, with one sender's rows in the order it added them;
 * a batch that cannot be written tells every one of its rows.
 */
@DisplayName("Rows written in batches (forwarded commands and outcomes)")
class RowBatcherTest {
  private Vertx vertx;
  private Pool pool;
  private String schema;

  @BeforeEach
  void setUp() throws Exception {
    TestPostgres.assumeReachable();
    schema = TestPostgres.newSchemaName();
    try (var c = TestPostgres.jdbc(); var s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
      s.execute("CREATE TABLE " + schema + ".rows_in(id bigserial PRIMARY KEY, target text, sender int, n int)");
    }
    vertx = Vertx.vertx();
    PgConnectOptions o = PgConnectOptions.fromUri(TestPostgres.URL);
    o.setProperties(Map.of("search_path", schema));
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(o).using(vertx).build();
  }

  @AfterEach
  void tearDown() {
    if (vertx != null) vertx.close().await();
    if (schema != null) TestPostgres.dropSchema(schema);
  }

  @Test
  @DisplayName("4,000 rows from 4 threads: all written, each sender's in order, a few statements and notifications")
  void burst() throws Exception {
    Map<String, AtomicInteger> notified = new ConcurrentHashMap<>();
    AtomicInteger failures = new AtomicInteger();
    RowBatcher b = new RowBatcher(pool, "INSERT INTO rows_in(target, sender, n) VALUES ($1, $2, $3)", 500,
        p -> notified.computeIfAbsent(p, k -> new AtomicInteger()).incrementAndGet());
    List<Thread> senders = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int sender = t;
      Thread th = new Thread(() -> {
        for (int n = 0; n < 1_000; n++) {
          String target = "conf-" + (n % 2);
          b.add(new RowBatcher.Row(Tuple.of(target, sender, n), target, e -> failures.incrementAndGet()));
        }
      });
      th.start();
      senders.add(th);
    }
    for (Thread t : senders) t.join();
    List<Row> rows = new ArrayList<>();
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      rows.clear();
      pool.query("SELECT sender, n FROM rows_in ORDER BY id").execute().await().forEach(rows::add);
      if (rows.size() == 4_000) break;
      Thread.sleep(50);
    }
    assertThat(rows).hasSize(4_000);
    assertThat(failures).hasValue(0);
    int[] last = {-1, -1, -1, -1};
    for (Row r : rows) {
      int s = r.getInteger(0);
      assertThat(r.getInteger(1)).as("sender %s in order", s).isEqualTo(last[s] + 1);
      last[s] = r.getInteger(1);
    }
    // One notification per target and batch: at least 8 batches of 500, far fewer than one per row.
    int notifications = notified.values().stream().mapToInt(AtomicInteger::get).sum();
    assertThat(notified.keySet()).containsExactlyInAnyOrder("conf-0", "conf-1");
    assertThat(notifications).isBetween(2, 400);
  }

  @Test
  @DisplayName("a batch that cannot be written reports the failure to each of its rows and notifies nobody")
  void failure() throws Exception {
    AtomicInteger notified = new AtomicInteger();
    CountDownLatch failed = new CountDownLatch(50);
    RowBatcher b = new RowBatcher(pool, "INSERT INTO no_such_table(target) VALUES ($1)", 500, p -> notified.incrementAndGet());
    for (int n = 0; n < 50; n++) b.add(new RowBatcher.Row(Tuple.of("x"), "x", e -> failed.countDown()));
    assertThat(failed.await(10, TimeUnit.SECONDS)).as("every row told").isTrue();
    // And the batcher goes on: a good statement after a failed one is written.
    RowBatcher good = new RowBatcher(pool, "INSERT INTO rows_in(target, sender, n) VALUES ($1, $2, $3)", 500,
        p -> notified.incrementAndGet());
    good.add(new RowBatcher.Row(Tuple.of("t", 0, 0), "t", e -> { }));
    long deadline = System.currentTimeMillis() + 10_000;
    while (notified.get() == 0 && System.currentTimeMillis() < deadline) Thread.sleep(20);
    assertThat(notified).hasValue(1);
  }
}
