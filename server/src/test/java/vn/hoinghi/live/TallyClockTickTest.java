package vn.hoinghi.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoinghi.domain.Event;
import vn.hoinghi.report.PlayedSession;
import vn.hoinghi.testing.MutableClock;

/**
 * The tally clock on its own: a replica of a played session, a clock the test moves, and a stand-in for the
 * subscribers ({@link TallyClock.Watchers}) that records what would be sent. No writer is involved.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("The tally clock, apart from the writer")
class TallyClockTickTest {

  /** Records broadcasts instead of sending them. */
  private static final class Recorded implements TallyClock.Watchers {
    final List<JsonObject> toEveryone = new ArrayList<>();
    final List<JsonObject> toModerators = new ArrayList<>();

    @Override public int subscriberCount() { return 15_000; }
    @Override public boolean isModerator(Subscriber s) { return false; }

    @Override
    public void broadcast(Buffer everyone, Buffer moderators) {
      toEveryone.add(new JsonObject(everyone));
      toModerators.add(new JsonObject(moderators));
    }
  }

  @Test
  @DisplayName("ballots mark their vote; during a burst one frame, then the final one 150 ms after the last ballot;"
      + " the per-endpoint detail to moderators only")
  void tick(Vertx vertx) throws Exception {
    PlayedSession story = PlayedSession.story();
    Context ctx = vertx.getOrCreateContext();
    Replica replica = StoryReplica.load(story, ctx);

    MutableClock clock = WriterFixtures.clock();
    Recorded watchers = new Recorded();
    TallyClock tallies = new TallyClock(replica, watchers, WriterClock.manual(clock));
    List<Entry> ballots = new ArrayList<>();
    for (Entry e : replica.window()) {
      if (e.recorded().event() instanceof Event.BallotCast b && b.voteId().equals(story.namedVote)) ballots.add(e);
    }
    assertThat(ballots).isNotEmpty();

    WriterFixtures.on(ctx, () -> {
      tallies.noteAll(ballots);
      tallies.tick();
      return Future.succeededFuture(null);
    });
    assertThat(watchers.toEveryone).as("the first tally of a burst goes out on the next tick").hasSize(1);

    WriterFixtures.on(ctx, () -> {
      WriterFixtures.advance(clock, 100);
      tallies.noteAll(ballots); // ballots keep arriving
      WriterFixtures.advance(clock, TallyClock.QUIET_MS - 1);
      tallies.tick();
      return Future.succeededFuture(null);
    });
    assertThat(watchers.toEveryone).as("149 ms after the last ballot, 15,000 watching: the flow may go on").hasSize(1);

    WriterFixtures.on(ctx, () -> {
      WriterFixtures.advance(clock, 1);
      tallies.tick();
      tallies.tick();
      return Future.succeededFuture(null);
    });
    assertThat(watchers.toEveryone).as("150 ms quiet: the final count, once").hasSize(2);
    JsonObject everyone = watchers.toEveryone.get(0);
    assertThat(everyone.getString("voteId")).isEqualTo(story.namedVote);
    assertThat(everyone.getLong("asOf")).isEqualTo(replica.committed());
    JsonObject article = everyone.getJsonArray("articles").getJsonObject(0);
    assertThat(article.containsKey("byEndpoint")).isFalse();
    assertThat(watchers.toModerators.get(0).getJsonArray("articles").getJsonObject(0).containsKey("byEndpoint"))
        .isTrue();
  }
}
