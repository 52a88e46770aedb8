package vn.hoinghi.live;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.live.WriterFixtures.CONFERENCE;
import static vn.hoinghi.live.WriterFixtures.addEndpoint;
import static vn.hoinghi.live.WriterFixtures.advance;
import static vn.hoinghi.live.WriterFixtures.await;
import static vn.hoinghi.live.WriterFixtures.create;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Endpoint;
import vn.hoinghi.store.NewEvent;
import vn.hoinghi.store.Snapshot;
import vn.hoinghi.testing.MutableClock;
import vn.hoinghi.wire.Codec;

/**
 * The writer as its parts work together, deployed as the server deploys it (a worker verticle) but on an in-memory
 * store, a cluster the test plays, and a clock the test moves (domain time and pacing alike).
 */
@ExtendWith(VertxExtension.class)
@DisplayName("The conference writer on an in-memory store")
class ConferenceWriterTest {
  private final FakeEventStore store = new FakeEventStore();
  private final MutableClock clock = WriterFixtures.clock();

  private ConferenceWriter deploy(Vertx vertx, Cluster cluster) throws Exception {
    ConferenceWriter w = new ConferenceWriter(CONFERENCE, store, WriterFixtures.SEALER, WriterClock.manual(clock),
        cluster);
    await(vertx.deployVerticle(w, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
    return w;
  }

  private static List<String> endpointCodes(ConferenceWriter w) throws Exception {
    return await(w.query(c -> c.endpoints().stream().map(Endpoint::code).toList()));
  }

  private static NewEvent stored(Object event) {
    return new NewEvent(Codec.typeOf((vn.hoinghi.domain.Event) event), Codec.encode(event), "org:other", "other-node",
        WriterFixtures.START);
  }

  @Test
  @DisplayName("an append that met another node's event fails with STORE_CONFLICT; the writer reloads from the latest"
      + " snapshot and the log after it, and the command sent again is applied on top")
  void reloadFromSnapshotAndLog(Vertx vertx) throws Exception {
    ConferenceWriter w = deploy(vertx, Cluster.single());
    await(w.submit(create("c-1"), null));
    await(w.submit(addEndpoint("c-2", "TW"), null));
    String json = await(w.query(c -> Codec.encode(c.snapshot())));
    await(store.saveSnapshot(new Snapshot(CONFERENCE, 2, json, WriterFixtures.START)));
    await(w.submit(addEndpoint("c-x", "HNI"), null));
    // Another appender (as another node would) writes seq 4 behind the writer's back.
    store.appendNow(CONFERENCE, 3, List.of(stored(new vn.hoinghi.domain.Event.EndpointAdded("e-other", "CTO",
        "Điểm cầu Cần Thơ", "Nam", vn.hoinghi.domain.EndpointLevel.PROVINCIAL))));
    int loadsBefore = store.snapshotLoads();
    int readsBefore = store.reads().size();

    Outcome o = await(w.submit(addEndpoint("c-3", "DTP"), null));
    assertThat(o).isEqualTo(Failures.STORE_CONFLICT);
    TestWait.until(() -> store.snapshotLoads() > loadsBefore && await(w.committedSeq()) == 4, "the reload");
    assertThat(store.reads().subList(readsBefore, store.reads().size())).as("the log read after the snapshot")
        .startsWith(2L);
    assertThat(endpointCodes(w)).containsExactly("TW", "HNI", "CTO");

    Outcome again = await(w.submit(addEndpoint("c-3", "DTP"), null));
    assertThat(again).isInstanceOf(Outcome.Acked.class);
    assertThat(((Outcome.Acked) again).firstSeq()).isEqualTo(5);
    assertThat(endpointCodes(w)).containsExactly("TW", "HNI", "CTO", "DTP");
  }

  @Test
  @DisplayName("an append whose answer was lost after the commit: the command fails, the reload finds it in the log,"
      + " and the same command sent again is answered as a duplicate, applied once")
  void lostAnswer(Vertx vertx) throws Exception {
    ConferenceWriter w = deploy(vertx, Cluster.single());
    await(w.submit(create("c-1"), null));
    store.loseNextAnswer();
    Outcome o = await(w.submit(addEndpoint("c-2", "TW"), null));
    assertThat(o).isInstanceOf(Outcome.Failed.class);
    assertThat(((Outcome.Failed) o).code()).isEqualTo("STORE_UNAVAILABLE");
    TestWait.until(() -> await(w.committedSeq()) == 2, "the reload");
    Outcome again = await(w.submit(addEndpoint("c-2", "TW"), null));
    assertThat(again).isInstanceOf(Outcome.Acked.class);
    assertThat(((Outcome.Acked) again).duplicate()).isTrue();
    assertThat(store.log(CONFERENCE)).hasSize(2);
    assertThat(endpointCodes(w)).containsExactly("TW");
  }

  @Test
  @DisplayName("a store that stops answering: after 5 s the command fails with STORE_UNAVAILABLE (maybe saved), the"
      + " next fails at once; once the store answers, the command sent again is applied once")
  void stall(Vertx vertx) throws Exception {
    ConferenceWriter w = deploy(vertx, Cluster.single());
    await(w.submit(create("c-1"), null));
    store.neverAnswer();
    Future<Outcome> waiting = w.submit(addEndpoint("c-2", "TW"), null);
    TestWait.until(() -> store.appendSizes().size() == 2, "the append");
    advance(clock, RoundCommitter.STORE_TIMEOUT_MS - 100);
    Thread.sleep(3 * ConferenceWriter.STALL_CHECK_MS);
    assertThat(waiting.isComplete()).as("4.9 s by the writer's clock: still waiting").isFalse();
    advance(clock, 100);
    assertThat(await(waiting)).isEqualTo(new Outcome.Failed("STORE_UNAVAILABLE", RoundCommitter.MAYBE_SAVED));
    assertThat(await(w.submit(addEndpoint("c-3", "DTP"), null)))
        .isEqualTo(new Outcome.Failed("STORE_UNAVAILABLE", RoundCommitter.NOT_ANSWERING));

    store.answerAgain(); // the late append commits after all
    TestWait.until(() -> await(w.committedSeq()) == 2, "the late commit");
    Outcome resent = await(w.submit(addEndpoint("c-2", "TW"), null));
    assertThat(resent).as("sent again with the same id: applied once").isInstanceOf(Outcome.Acked.class);
    assertThat(((Outcome.Acked) resent).duplicate()).isTrue();
    assertThat(store.log(CONFERENCE)).hasSize(2);
  }

  @Test
  @DisplayName("leadership lost: queued commands fail with WRITER_MOVED, the round in flight still commits, and later"
      + " commands go to the new writer, no more appends here")
  void stepDown(Vertx vertx) throws Exception {
    PlayedCluster cluster = new PlayedCluster();
    ConferenceWriter w = deploy(vertx, cluster);
    await(w.submit(create("c-1"), null));
    store.holdAppends();
    Future<Outcome> inFlight = w.submit(addEndpoint("c-2", "TW"), null);
    TestWait.until(() -> store.appendSizes().size() == 2, "the append");
    Future<Outcome> queued1 = w.submit(addEndpoint("c-3", "DTP"), null);
    Future<Outcome> queued2 = w.submit(addEndpoint("c-4", "HNI"), null);
    await(w.committedSeq()); // both queued by now

    w.stepDown();
    assertThat(await(queued1)).isEqualTo(Failures.WRITER_MOVED);
    assertThat(await(queued2)).isEqualTo(Failures.WRITER_MOVED);
    assertThat(w.leads()).isFalse();
    store.release();
    assertThat(await(inFlight)).isInstanceOf(Outcome.Acked.class);

    Outcome later = await(w.submit(addEndpoint("c-5", "CTO"), null));
    assertThat(later).isEqualTo(Failures.NO_WRITER);
    assertThat(cluster.forwarded).containsExactly("c-5");
    assertThat(store.appendSizes()).as("the create and the round in flight, nothing after").containsExactly(1, 1);
  }

  @Test
  @DisplayName("a follower applies what the writer's node committed, and waits for its replica before answering")
  void follower(Vertx vertx) throws Exception {
    store.appendNow(CONFERENCE, 0, List.of(stored(new vn.hoinghi.domain.Event.ConferenceCreated(CONFERENCE, "Hội nghị",
        null, null, null, vn.hoinghi.domain.VoteMode.NAMED, 0))));
    PlayedCluster cluster = new PlayedCluster();
    cluster.leads = false;
    ConferenceWriter w = deploy(vertx, cluster);
    assertThat(w.leads()).isFalse();
    store.appendNow(CONFERENCE, 1, List.of(stored(new vn.hoinghi.domain.Event.EndpointAdded("e-1", "TW",
        "Điểm cầu Trung ương", "Bắc", vn.hoinghi.domain.EndpointLevel.CENTRAL))));
    w.followLog(2);
    TestWait.until(() -> await(w.committedSeq()) == 2, "the follower's read");
    assertThat(endpointCodes(w)).containsExactly("TW");

    // Written elsewhere, not yet notified: a wait for seq 3 reads it.
    store.appendNow(CONFERENCE, 2, List.of(stored(new vn.hoinghi.domain.Event.EndpointAdded("e-2", "DTP",
        "Điểm cầu Đồng Tháp", "Nam", vn.hoinghi.domain.EndpointLevel.PROVINCIAL))));
    await(w.replicaAt(3));
    assertThat(await(w.committedSeq())).isEqualTo(3);

    // A wait for a sequence never written ends after 3 s by the writer's clock.
    Future<Void> never = w.replicaAt(99);
    Thread.sleep(2 * ConferenceWriter.STALL_CHECK_MS);
    assertThat(never.isComplete()).isFalse();
    advance(clock, LogFollower.REPLICA_WAIT_MS);
    await(never);
  }

  /** A cluster the test plays: leads or not as told, forwards nowhere (no writer answers). */
  static final class PlayedCluster implements Cluster {
    volatile boolean leads = true;
    final List<String> forwarded = Collections.synchronizedList(new ArrayList<>());

    @Override public String nodeId() { return "test-node"; }
    @Override public Future<Boolean> tryLead(String c, Inbox inbox) { return Future.succeededFuture(leads); }
    @Override public Future<Void> release(String c) { return Future.succeededFuture(); }
    @Override public void committed(String c, long seq) { }
    @Override public void onCommitted(BiConsumer<String, Long> handler) { }
    @Override public void onLeadershipLost(Consumer<String> handler) { }
    @Override public Future<Void> close() { return Future.succeededFuture(); }

    @Override
    public Future<Outcome> forward(String c, CommandEnvelope e, String s) {
      forwarded.add(e.commandId());
      return Future.failedFuture("no writer in this test");
    }
  }

}
