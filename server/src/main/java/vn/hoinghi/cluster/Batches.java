package vn.hoinghi.cluster;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Rows bound for one table, written in batches: per key at most one statement in flight; what arrives meanwhile
 * waits and goes in the next statement (up to {@link #MAX} rows). An idle key writes a lone row at once, so a quiet
 * cluster adds no delay; under a burst the number of statements stays bounded by the database's round trip.
 */
final class Batches<T> {
  static final int MAX = 500;

  private final BiFunction<String, List<T>, Future<?>> write;
  private final Map<String, ArrayDeque<T>> queued = new HashMap<>();
  private final Set<String> inFlight = new HashSet<>();

  /** {@code write(key, rows)} writes one batch; its failure is the writer's to report (the rows are not retried). */
  Batches(BiFunction<String, List<T>, Future<?>> write) {
    this.write = write;
  }

  void add(String key, T row) {
    synchronized (this) {
      queued.computeIfAbsent(key, k -> new ArrayDeque<>()).add(row);
      if (!inFlight.add(key)) return;
    }
    flush(key);
  }

  private void flush(String key) {
    List<T> batch = new ArrayList<>();
    synchronized (this) {
      ArrayDeque<T> q = queued.get(key);
      while (q != null && !q.isEmpty() && batch.size() < MAX) batch.add(q.poll());
      if (q != null && q.isEmpty()) queued.remove(key);
      if (batch.isEmpty()) {
        inFlight.remove(key);
        return;
      }
    }
    Future<?> done;
    try {
      done = write.apply(key, batch);
    } catch (RuntimeException e) {
      done = Future.failedFuture(e);
    }
    done.onComplete(ar -> flush(key));
  }

  /** Rows waiting for a statement (not those in flight). */
  synchronized int waiting() {
    int n = 0;
    for (ArrayDeque<T> q : queued.values()) n += q.size();
    return n;
  }
}
