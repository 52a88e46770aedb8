package vn.hoinghi.live;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.live.WriterFixtures.CONFERENCE;
import static vn.hoinghi.live.WriterFixtures.addEndpoint;
import static vn.hoinghi.live.WriterFixtures.advance;
import static vn.hoinghi.live.WriterFixtures.create;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.testing.MutableClock;

/** The round committer alone, on one Vert.x context, with an in-memory store and a clock the test moves. */
@ExtendWith(VertxExtension.class)
@DisplayName("Group commit (RoundCommitter)")
class RoundCommitterTest {
  private final FakeEventStore store = new FakeEventStore();
  private final MutableClock clock = WriterFixtures.clock();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private Context ctx;
  private Replica replica;
  private RoundCommitter committer;

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    ctx = vertx.getOrCreateContext();
    replica = new Replica(CONFERENCE, store, WriterFixtures.SEALER);
    committer = new RoundCommitter(replica, store, WriterClock.manual(clock), new RoundCommitter.Rounds() {
      @Override public void reached(long committed) { log.add("reached " + committed); }
      @Override public void committed(List<Entry> entries, Instant at) { log.add("committed " + entries.size()); }
      @Override public void broken(List<Entry> tentative) { log.add("broken " + tentative.size()); }
      @Override public void idle() { committer.round(); }
    });
    WriterFixtures.on(ctx, replica::load);
    assertThat(outcome(submit(create("c-1")))).isInstanceOf(Outcome.Acked.class);
  }

  private Future<Outcome> submit(CommandEnvelope envelope) {
    Promise<Outcome> p = Promise.promise();
    ctx.runOnContext(v -> {
      if (committer.enqueue(new Pending(envelope, null, p, null, clock.millis()))) committer.round();
    });
    return p.future();
  }

  private static Outcome outcome(Future<Outcome> f) throws Exception {
    return WriterFixtures.await(f);
  }

  @Test
  @DisplayName("commands that queue behind an append go out together in the next round: one append, acks in order")
  void groupCommit() throws Exception {
    store.holdAppends();
    Future<Outcome> first = submit(addEndpoint("c-2", "TW"));
    List<Future<Outcome>> behind = new ArrayList<>();
    List<Integer> answered = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 3; i++) {
      int n = i;
      Future<Outcome> f = submit(addEndpoint("c-" + (3 + i), "T" + i));
      f.onComplete(ar -> answered.add(n));
      behind.add(f);
    }
    WriterFixtures.on(ctx, () -> Future.succeededFuture(null)); // the submissions have reached the context
    assertThat(store.appendSizes()).as("the create, then the first endpoint, still held").containsExactly(1, 1);
    assertThat(behind).noneMatch(Future::isComplete);

    store.release();
    Outcome.Acked a = (Outcome.Acked) outcome(first);
    assertThat(List.of(a.firstSeq(), a.lastSeq())).containsExactly(2L, 2L);
    List<Long> seqs = new ArrayList<>();
    for (Future<Outcome> f : behind) seqs.add(((Outcome.Acked) outcome(f)).firstSeq());
    assertThat(store.appendSizes()).as("the three queued commands in one append").containsExactly(1, 1, 3);
    assertThat(seqs).containsExactly(3L, 4L, 5L);
    assertThat(answered).as("answered in the order they came").containsExactly(0, 1, 2);
    assertThat(store.log(CONFERENCE)).hasSize(5);
    assertThat(log).containsSubsequence("reached 2", "committed 1", "reached 5", "committed 3");
  }

  @Test
  @DisplayName("a refused command in a round is answered at once and takes no sequence; the others commit")
  void refusedInARound() throws Exception {
    store.holdAppends();
    Future<Outcome> first = submit(addEndpoint("c-2", "TW"));
    Future<Outcome> again = submit(create("c-3"));
    Future<Outcome> next = submit(addEndpoint("c-4", "DTP"));
    WriterFixtures.on(ctx, () -> Future.succeededFuture(null));
    store.release();
    assertThat(outcome(first)).isInstanceOf(Outcome.Acked.class);
    assertThat(outcome(again)).as("the conference exists already").isInstanceOf(Outcome.Refused.class);
    assertThat(((Outcome.Acked) outcome(next)).firstSeq()).isEqualTo(3);
    assertThat(store.appendSizes()).containsExactly(1, 1, 1);
  }

  @Test
  @DisplayName("an append unanswered for 5 s fails its round (it may have been saved); new commands then fail at once")
  void stall() throws Exception {
    store.neverAnswer();
    Future<Outcome> inFlight = submit(addEndpoint("c-2", "TW"));
    Future<Outcome> queued = submit(addEndpoint("c-3", "DTP"));
    WriterFixtures.on(ctx, () -> Future.succeededFuture(null));

    advance(clock, RoundCommitter.STORE_TIMEOUT_MS - 1);
    stallTick();
    assertThat(inFlight.isComplete()).as("4.999 s: still waiting for the store").isFalse();
    assertThat(queued.isComplete()).isFalse();

    advance(clock, 1);
    stallTick();
    assertThat(outcome(inFlight)).isEqualTo(new Outcome.Failed("STORE_UNAVAILABLE", RoundCommitter.MAYBE_SAVED));
    assertThat(outcome(queued)).isEqualTo(new Outcome.Failed("STORE_UNAVAILABLE", RoundCommitter.NOT_ANSWERING));
    assertThat(outcome(submit(addEndpoint("c-4", "HNI"))))
        .isEqualTo(new Outcome.Failed("STORE_UNAVAILABLE", RoundCommitter.NOT_ANSWERING));
    assertThat(store.appendSizes()).as("nothing more was sent to the silent store").containsExactly(1, 1);
  }

  @Test
  @DisplayName("a command queued behind appends that do come back is not stalled, however long it waited in all")
  void longQueueIsNotAStall() throws Exception {
    store.holdAppends();
    Future<Outcome> first = submit(addEndpoint("c-2", "TW"));
    Future<Outcome> queued = submit(addEndpoint("c-3", "DTP"));
    advance(clock, RoundCommitter.STORE_TIMEOUT_MS - 1);
    stallTick();
    store.answerHeld(true); // the first commits; the queued one's own append now waits
    assertThat(outcome(first)).isInstanceOf(Outcome.Acked.class);
    WriterFixtures.on(ctx, () -> Future.succeededFuture(null));
    assertThat(store.appendSizes()).containsExactly(1, 1, 1);
    advance(clock, RoundCommitter.STORE_TIMEOUT_MS - 1);
    stallTick();
    assertThat(queued.isComplete()).as("queued 9.998 s ago, its append 4.999 s old").isFalse();
    store.release();
    assertThat(outcome(queued)).isInstanceOf(Outcome.Acked.class);
  }

  private void stallTick() throws Exception {
    WriterFixtures.on(ctx, () -> {
      committer.stallTick(true);
      return Future.succeededFuture(null);
    });
  }
}
