package vn.hoinghi.cluster;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Rows of one INSERT, queued from any thread and written as one batch at a time (at most {@code max} rows), then one
 * NOTIFY per distinct channel payload of the batch. A burst of forwarded commands (thousands of ballots in seconds)
 * thus costs a few statements instead of an INSERT and a NOTIFY each, and the rows of one node keep their order.
 */
final class RowBatcher {
  /** A row, the payload to notify once it is written, and what to do if its batch fails. */
  record Row(Tuple values, String notifyPayload, Consumer<Throwable> failed) {}

  private final Pool pool;
  private final String sql;
  private final int max;
  private final Consumer<String> notify;
  private final ConcurrentLinkedQueue<Row> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();

  RowBatcher(Pool pool, String sql, int max, Consumer<String> notify) {
    this.pool = pool;
    this.sql = sql;
    this.max = max;
    this.notify = notify;
  }

  void add(Row row) {
    queue.add(row);
    flush();
  }

  private void flush() {
    if (!writing.compareAndSet(false, true)) return;
    List<Row> batch = new ArrayList<>();
    for (Row r; batch.size() < max && (r = queue.poll()) != null; ) batch.add(r);
    if (batch.isEmpty()) {
      writing.set(false);
      // A row added between the poll and the reset would otherwise wait for the next one.
      if (!queue.isEmpty()) flush();
      return;
    }
    List<Tuple> values = new ArrayList<>(batch.size());
    for (Row r : batch) values.add(r.values());
    pool.preparedQuery(sql).executeBatch(values).onComplete(ar -> {
      if (ar.succeeded()) {
        Set<String> payloads = new LinkedHashSet<>();
        for (Row r : batch) payloads.add(r.notifyPayload());
        payloads.forEach(notify);
      } else {
        for (Row r : batch) r.failed().accept(ar.cause());
      }
      writing.set(false);
      flush();
    });
  }
}
