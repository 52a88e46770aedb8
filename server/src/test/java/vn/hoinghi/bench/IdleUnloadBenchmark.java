package vn.hoinghi.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import vn.hoinghi.app.Application;
import vn.hoinghi.config.ServerConfig;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.EndpointLevel;
import vn.hoinghi.domain.demo.DemoConference;
import vn.hoinghi.live.ConferenceWriter;
import vn.hoinghi.live.Conferences;
import vn.hoinghi.live.Outcome;
import vn.hoinghi.testing.TestServer;

/**
 * Many conferences in one server (embedded store): N demo-size conferences are created and each touched with a
 * command, first with idle unloading off (every conference stays in memory), then, on the same data directory, with
 * it on (each is loaded by its touch and unloaded after the quiet period). Live heap is read after a full GC
 * (System.gc() twice) in both; then idle conferences are read again one at a time, timing each reload to its first
 * answer. Run:
 * {@code mvn -o -q -pl server exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=vn.hoinghi.bench.IdleUnloadBenchmark -Dexec.args="10000 2 500"}
 * (conferences, quiet seconds, reloads sampled).
 */
public final class IdleUnloadBenchmark {
  /** Conferences created or touched at once. */
  static final int IN_FLIGHT = 32;

  private IdleUnloadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int quiet = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int samples = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    Path dir = Files.createTempDirectory("hoinghi-idle-bench");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) ids.add(String.format("bench-%05d", i));
    List<CommandEnvelope> demo = DemoConference.commands();
    System.out.printf("%d demo-size conferences (%d commands each), quiet period %d s, %d reloads sampled%n", n,
        demo.size(), quiet, samples);

    Application off = start(dir, 0);
    double baseOff;
    double heapOff;
    try {
      baseOff = liveHeapMb();
      long t0 = System.nanoTime();
      each(ids, id -> off.conferences().writer(id).compose(w -> submitAll(w, demo, 0)));
      System.out.printf("created in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      each(ids, id -> touch(off.conferences(), id, "T1"));
      heapOff = liveHeapMb();
      System.out.printf("unloading off: %d loaded, live heap %.1f MB (%.1f MB at start): %.1f KB per conference%n",
          off.conferences().loaded(), heapOff, baseOff, (heapOff - baseOff) * 1024 / n);
    } finally {
      off.stop();
    }

    Application on = start(dir, quiet);
    try {
      Conferences conferences = on.conferences();
      double baseOn = liveHeapMb();
      long t0 = System.nanoTime();
      each(ids, id -> touch(conferences, id, "T2"));
      System.out.printf("touched (each loaded from its log) in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(quiet + 120L);
      while (conferences.loaded() > 0 && System.nanoTime() < deadline) Thread.sleep(100);
      double heapOn = liveHeapMb();
      System.out.printf("unloading on: %d loaded, %d unloaded, live heap %.1f MB (%.1f MB at start, %+.1f MB)%n",
          conferences.loaded(), conferences.unloadedCount(), heapOn, baseOn, heapOn - baseOn);

      List<String> sample = new ArrayList<>(ids);
      Collections.shuffle(sample, new Random(7));
      sample = sample.subList(0, Math.min(samples, sample.size()));
      long[] micros = new long[sample.size()];
      long[] gcs = new long[sample.size()];
      for (int i = 0; i < sample.size(); i++) {
        String id = sample.get(i);
        long g = gcCount();
        long s = System.nanoTime();
        conferences.caughtUp(id).compose(w -> w.query(c -> c.version())).await(30, TimeUnit.SECONDS);
        micros[i] = (System.nanoTime() - s) / 1_000;
        gcs[i] = gcCount() - g;
      }
      // What held the slowest samples: their place in the run (the first reloads run cold code) and any collection.
      Integer[] order = new Integer[micros.length];
      for (int i = 0; i < order.length; i++) order[i] = i;
      Arrays.sort(order, (a, b) -> Long.compare(micros[b], micros[a]));
      StringBuilder slowest = new StringBuilder();
      for (int k = 0; k < Math.min(5, order.length); k++) {
        int i = order[k];
        slowest.append(String.format(" #%d %.1f ms (%d GC)", i + 1, micros[i] / 1e3, gcs[i]));
      }
      System.out.println("slowest reloads (sample number, time, collections during it):" + slowest);
      Arrays.sort(micros);
      System.out.printf("reload of an idle conference to its first answer (%d samples): p50 %.1f ms, p99 %.1f ms,"
          + " max %.1f ms%n", micros.length, at(micros, 0.50) / 1e3, at(micros, 0.99) / 1e3,
          micros[micros.length - 1] / 1e3);
      System.out.printf("summary: N=%d off=%.1f MB on=%.1f MB (base %.1f / %.1f MB)%n", n, heapOff, heapOn, baseOff,
          baseOn);
    } finally {
      on.stop();
      try (var files = Files.walk(dir)) {
        files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long gcCount() {
    long n = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionCount());
    return n;
  }

  private static Application start(Path dir, int quietSeconds) {
    JsonObject c = TestServer.defaults().put("http.host", "127.0.0.1").put("http.port", 0).put("http.instances", 1)
        .put("data.dir", dir.toString()).put("demo.seed", false).put("organizer.username", "")
        .put("conferences.idle.unload.seconds", quietSeconds);
    return Application.start(Application.newVertx(), ServerConfig.from(c));
  }

  /** One command to the conference (a hall {@code code} added): loads it if it is not in memory. */
  private static Future<Void> touch(Conferences conferences, String id, String code) {
    CommandEnvelope env = new CommandEnvelope("touch-" + code, DemoConference.ORGANIZER,
        new Command.AddEndpoint(code, "Điểm cầu thử " + code, "Nam", EndpointLevel.PROVINCIAL));
    return conferences.existing(id).compose(w -> w.submit(env, null)).compose(IdleUnloadBenchmark::acked);
  }

  private static Future<Void> submitAll(ConferenceWriter w, List<CommandEnvelope> all, int from) {
    if (from == all.size()) return Future.succeededFuture();
    return w.submit(all.get(from), null).compose(IdleUnloadBenchmark::acked).compose(v -> submitAll(w, all, from + 1));
  }

  private static Future<Void> acked(Outcome o) {
    return o instanceof Outcome.Acked ? Future.succeededFuture() : Future.failedFuture("not acknowledged: " + o);
  }

  /** Runs {@code work} for every id, {@link #IN_FLIGHT} at a time; fails on the first failure. */
  private static void each(List<String> ids, Function<String, Future<Void>> work)
      throws InterruptedException {
    Semaphore slots = new Semaphore(IN_FLIGHT);
    AtomicReference<Throwable> failed = new AtomicReference<>();
    for (String id : ids) {
      slots.acquire();
      if (failed.get() != null) break;
      work.apply(id).onComplete(ar -> {
        if (ar.failed()) failed.compareAndSet(null, ar.cause());
        slots.release();
      });
    }
    slots.acquire(IN_FLIGHT);
    if (failed.get() != null) throw new IllegalStateException("a conference failed", failed.get());
  }

  /** Heap in use after two full collections, in MB. */
  private static double liveHeapMb() throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 2; i++) {
      System.gc();
      Thread.sleep(300);
    }
    return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  private static long at(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }
}
