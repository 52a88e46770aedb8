package vn.hoinghi.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/** What the gateway counts: sessions, frames out, commands in, slow consumers closed. */
public final class GatewayMetrics {
  private final AtomicInteger sessions = new AtomicInteger();
  private final Counter framesOut;
  private final Counter commandsIn;
  private final Counter slowClosed;

  public GatewayMetrics(MeterRegistry registry) {
    MeterRegistry r = registry == null ? new SimpleMeterRegistry() : registry;
    Gauge.builder("hoinghi.ws.sessions", sessions, AtomicInteger::get).register(r);
    framesOut = Counter.builder("hoinghi.ws.frames.out").register(r);
    commandsIn = Counter.builder("hoinghi.ws.commands.in").register(r);
    slowClosed = Counter.builder("hoinghi.ws.closed.slow").register(r);
  }

  void sessionOpened() { sessions.incrementAndGet(); }
  void sessionClosed() { sessions.decrementAndGet(); }
  void framesOut() { framesOut.increment(); }
  void commandIn() { commandsIn.increment(); }
  void slowClosed() { slowClosed.increment(); }

  /** How many clients were closed as too slow (4008). */
  long slowClosedCount() {
    return (long) slowClosed.count();
  }

  public int sessions() {
    return sessions.get();
  }
}
