package vn.hoinghi.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;

/** How many conferences this node holds in memory, how many it unloaded as idle, and how long a load takes. */
final class ResidencyMetrics {
  private final Counter unloaded;
  private final Timer load;

  /**
   * {@code loaded}: the conferences in memory now (held weakly by the gauge: a stopped server's writers are not kept
   * alive by a registry that outlives it). A null registry counts for nobody (tests, tools).
   */
  ResidencyMetrics(MeterRegistry registry, Map<String, ?> loaded) {
    MeterRegistry r = registry == null ? new SimpleMeterRegistry() : registry;
    Gauge.builder("hoinghi.conferences.loaded", loaded, Map::size).description("Conferences held in memory on this node")
        .register(r);
    unloaded = Counter.builder("hoinghi.conferences.unloaded")
        .description("Conferences unloaded from this node after their quiet period").register(r);
    load = Timer.builder("hoinghi.conferences.load")
        .description("Time to load a conference on this node (snapshot and log tail), first load or reload")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(r);
  }

  void unloaded() {
    unloaded.increment();
  }

  long unloadedCount() {
    return (long) unloaded.count();
  }

  void loaded(long startNanos) {
    load.record(Duration.ofNanos(System.nanoTime() - startNanos));
  }
}
