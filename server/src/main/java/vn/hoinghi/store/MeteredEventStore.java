package vn.hoinghi.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Records append latency (a histogram), appended events and conflicts around any store. */
public final class MeteredEventStore implements EventStore {
  private final EventStore inner;
  private final Timer appendLatency;
  private final Counter appended;
  private final Counter conflicts;
  private final Counter failures;

  public MeteredEventStore(EventStore inner, MeterRegistry registry) {
    this.inner = inner;
    this.appendLatency = Timer.builder("hoinghi.store.append")
        .description("Time from append call to commit acknowledgement")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
    this.appended = Counter.builder("hoinghi.store.events.appended").register(registry);
    this.conflicts = Counter.builder("hoinghi.store.append.conflicts").register(registry);
    this.failures = Counter.builder("hoinghi.store.append.failures").register(registry);
  }

  @Override
  public Future<List<StoredEvent>> append(String conferenceId, long expectedLastSeq, List<NewEvent> events) {
    long start = System.nanoTime();
    return inner.append(conferenceId, expectedLastSeq, events).andThen(ar -> {
      appendLatency.record(Duration.ofNanos(System.nanoTime() - start));
      if (ar.succeeded()) appended.increment(ar.result().size());
      else if (ar.cause() instanceof AppendConflict) conflicts.increment();
      else failures.increment();
    });
  }

  @Override public Future<List<StoredEvent>> read(String c, long after, int limit) { return inner.read(c, after, limit); }
  @Override public Future<Long> latestSeq(String c) { return inner.latestSeq(c); }
  @Override public Future<List<String>> conferences() { return inner.conferences(); }
  @Override public Future<Void> saveSnapshot(Snapshot s) { return inner.saveSnapshot(s); }
  @Override public Future<Optional<Snapshot>> latestSnapshot(String c) { return inner.latestSnapshot(c); }
  @Override public Future<Void> ping() { return inner.ping(); }
  @Override public String describe() { return inner.describe(); }
  @Override public Future<Void> close() { return inner.close(); }
}
