package vn.hoinghi.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.store.NewEvent;
import vn.hoinghi.store.postgres.PgEventStore;
import vn.hoinghi.store.sqlite.SqliteEventStore;
import vn.hoinghi.testing.TestPostgres;

/**
 * Event appends per second on both adapters: one appender waiting for each commit, then many
 * concurrent appenders (one per conference, as the per-conference writers do), which is where
 * group commit pays. Run:
 * {@code mvn -q -pl server test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=vn.hoinghi.bench.StoreAppendBenchmark [-Dexec.args="2000 64 20000"]}
 */
public final class StoreAppendBenchmark {
  private static final String PAYLOAD =
      "{\"voteId\":\"v-12\",\"articleId\":\"d5\",\"choice\":\"OTHER\",\"text\":\"Đề nghị bổ sung cụm từ "
          + "\\\"theo quy định của Ban Bí thư\\\" vào cuối khoản 2\"}";

  public static void main(String[] args) throws Exception {
    int sequential = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int appenders = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int concurrentTotal = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    Vertx vertx = Vertx.vertx();
    System.out.printf("%-10s %-28s %10s %12s %10s %10s%n", "store", "scenario", "appends", "appends/s", "p50 ms", "p99 ms");
    try {
      Path dir = Files.createTempDirectory("hoinghi-bench");
      run(vertx, "sqlite", SqliteEventStore.open(vertx, dir), sequential, appenders, concurrentTotal);
      String schema = TestPostgres.newSchemaName();
      try {
        run(vertx, "postgresql", PgEventStore.open(vertx, TestPostgres.URL, schema, 16), sequential, appenders,
            concurrentTotal);
      } finally {
        TestPostgres.dropSchema(schema);
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static void run(Vertx vertx, String name, EventStore store, int sequential, int appenders, int total)
      throws Exception {
    // Warm-up, not reported.
    drive(vertx, store, "warm", 8, 800);
    report(name, "1 appender, 1 event each", drive(vertx, store, "seq", 1, sequential), sequential);
    report(name, appenders + " appenders, 1 event each", drive(vertx, store, "conc", appenders, total), total);
    store.close().await(30, TimeUnit.SECONDS);
  }

  private record Result(long nanos, Histogram latency) {}

  /** {@code conferences} appenders, each appending one event at a time to its own conference. */
  private static Result drive(Vertx vertx, EventStore store, String prefix, int conferences, int total)
      throws Exception {
    Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
    int perConference = total / conferences;
    Promise<Void> done = Promise.promise();
    long start = System.nanoTime();
    vertx.runOnContext(v -> {
      List<Future<Void>> all = new ArrayList<>();
      for (int c = 0; c < conferences; c++) {
        all.add(loop(store, prefix + "-" + c, 0, perConference, h));
      }
      Future.all(all).onComplete(ar -> {
        if (ar.succeeded()) done.complete();
        else done.fail(ar.cause());
      });
    });
    done.future().await(10, TimeUnit.MINUTES);
    return new Result(System.nanoTime() - start, h);
  }

  private static Future<Void> loop(EventStore store, String conference, long last, int remaining, Histogram h) {
    if (remaining == 0) return Future.succeededFuture();
    long t0 = System.nanoTime();
    return store.append(conference, last, List.of(new NewEvent("BallotCast", PAYLOAD, "p-1", "c-" + last, Instant.now())))
        .compose(stored -> {
          h.recordValue(System.nanoTime() - t0);
          return loop(store, conference, last + 1, remaining - 1, h);
        });
  }

  private static void report(String store, String scenario, Result r, int appends) {
    double perSecond = appends / (r.nanos() / 1e9);
    System.out.printf("%-10s %-28s %10d %12.0f %10.2f %10.2f%n", store, scenario, appends, perSecond,
        r.latency().getValueAtPercentile(50) / 1e6, r.latency().getValueAtPercentile(99) / 1e6);
  }
}
