package vn.hoinghi.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.EndpointLevel;
import vn.hoinghi.domain.VoteMode;
import vn.hoinghi.testing.MutableClock;

/** Commands, a sealer and a clock for the writer's unit tests. */
final class WriterFixtures {
  static final String CONFERENCE = "hn-unit";
  static final Actor ORGANIZER = Actor.organizer("acc-organizer");
  static final HmacBallotSealer SEALER = new HmacBallotSealer("a-test-secret-of-at-least-32-characters");
  static final Instant START = Instant.parse("2026-12-05T08:00:00Z");

  private WriterFixtures() {}

  static MutableClock clock() {
    return new MutableClock(START);
  }

  static void advance(MutableClock clock, long millis) {
    clock.set(clock.instant().plusMillis(millis));
  }

  static CommandEnvelope create(String commandId) {
    return new CommandEnvelope(commandId, ORGANIZER,
        new Command.CreateConference("Hội nghị lấy ý kiến dự thảo", null, null, null, VoteMode.NAMED, 0));
  }

  static CommandEnvelope addEndpoint(String commandId, String code) {
    return new CommandEnvelope(commandId, ORGANIZER,
        new Command.AddEndpoint(code, "Điểm cầu " + code, "Bắc", EndpointLevel.PROVINCIAL));
  }

  /** Runs {@code body} on {@code ctx} and waits for the future it returns. */
  static <T> T on(Context ctx, Supplier<Future<T>> body) throws Exception {
    Promise<T> p = Promise.promise();
    ctx.runOnContext(v -> body.get().onComplete(p));
    return p.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Waits for a future completed on another thread. */
  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
