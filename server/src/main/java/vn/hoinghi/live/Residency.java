package vn.hoinghi.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Whether a conference stays in this node's memory. A writer that has received nothing for the quiet period and has
 * nothing under way (see {@link ConferenceWriter}'s {@code busy}) asks its {@link Host} to unload it; from then on it
 * is retiring: whatever still reaches it (a caller that held on to it) goes to the conference's next writer on this
 * node, which loads the conference again from the snapshot and the log. Used on the writer's context only.
 */
final class Residency {
  /** Where the writers live ({@link Conferences}). */
  interface Host {
    /** The writer is idle: unload it (undeploy, then forget it). */
    void idle(ConferenceWriter writer);

    /** The conference's writer on this node after this one, loaded again once the unload has finished. */
    Future<ConferenceWriter> successor(String conferenceId);
  }

  /** Never unloaded: a writer deployed on its own (tests, tools). */
  static final Host PINNED = new Host() {
    @Override
    public void idle(ConferenceWriter writer) {
    }

    @Override
    public Future<ConferenceWriter> successor(String conferenceId) {
      return Future.failedFuture(new IllegalStateException("conference " + conferenceId + " is not loaded"));
    }
  };

  /** How often a writer looks whether it is idle, at most; shorter quiet periods (tests) look more often. */
  static final long CHECK_MS = 1_000;

  private final String conferenceId;
  private final Host host;
  private final WriterClock clock;
  private final long quietMs;
  private long lastActivity;
  private boolean retiring;

  /** {@code quietMs}: how long nothing must arrive before the conference is unloaded; 0: never. */
  Residency(String conferenceId, Host host, WriterClock clock, long quietMs) {
    this.conferenceId = conferenceId;
    this.host = host;
    this.clock = clock;
    this.quietMs = Math.max(0, quietMs);
    this.lastActivity = clock.ticks();
  }

  /** How often to look, for a quiet period of {@code quietMs} (0: never, no timer). */
  static long checkEveryMs(long quietMs) {
    return quietMs <= 0 ? 0 : Math.max(20, Math.min(CHECK_MS, quietMs / 4));
  }

  long checkEveryMs() {
    return checkEveryMs(quietMs);
  }

  /** Something arrived for the conference (a command, a read, a client): the quiet period starts again. */
  void touch() {
    lastActivity = clock.ticks();
  }

  /** Whether to unload now: unloading is on, the quiet period has passed, and nothing is under way. */
  boolean due(boolean busy) {
    return quietMs > 0 && !retiring && !busy && clock.ticks() - lastActivity >= quietMs;
  }

  /** Unloads {@code writer}: from now on it hands everything to its successor. */
  void retire(ConferenceWriter writer) {
    retiring = true;
    host.idle(writer);
  }

  boolean retiring() {
    return retiring;
  }

  /**
   * Runs {@code here} on the writer's context {@code ctx} (something arrived: the quiet period starts again). Once the
   * writer is retiring, {@code there} runs on the conference's next writer on this node instead, loaded again; the
   * future then fails if it cannot be loaded.
   */
  <T> Future<T> routed(Context ctx, Function<ConferenceWriter, Future<T>> there, Supplier<Future<T>> here) {
    Promise<T> p = Promise.promise();
    ctx.runOnContext(v -> {
      if (retiring) {
        host.successor(conferenceId).compose(there).onComplete(p);
        return;
      }
      touch();
      Future<T> f;
      try {
        f = here.get();
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      f.onComplete(p);
    });
    return p.future();
  }
}
