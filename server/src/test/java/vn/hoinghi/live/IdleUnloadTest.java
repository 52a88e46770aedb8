package vn.hoinghi.live;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.live.WriterFixtures.CONFERENCE;
import static vn.hoinghi.live.WriterFixtures.addEndpoint;
import static vn.hoinghi.live.WriterFixtures.await;
import static vn.hoinghi.live.WriterFixtures.create;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.Choice;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.Decision;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.domain.Viewer;
import vn.hoinghi.domain.VoteMode;
import vn.hoinghi.domain.demo.DemoConference;
import vn.hoinghi.store.NewEvent;
import vn.hoinghi.store.StoredEvent;
import vn.hoinghi.wire.Codec;

/**
 * A conference nobody uses is unloaded from the node after its quiet period and loaded again, the same, by the next
 * request: the writers as the server runs them ({@link Conferences}), on an in-memory store, with a quiet period of
 * 300 ms (real time: the check is the writer's own timer).
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Idle conferences are unloaded and loaded again on demand")
class IdleUnloadTest {
  static final Duration QUIET = Duration.ofMillis(300);
  static final Instant VIEW_AT = Instant.parse("2026-12-05T09:00:00Z");
  private final FakeEventStore store = new FakeEventStore();

  private Conferences conferences(Vertx vertx, Duration quiet, Cluster cluster) {
    return new Conferences(vertx, store, WriterFixtures.SEALER, Clock.systemUTC(), cluster, quiet, null);
  }

  /** A connection that records the frames it is given; one connection is one object, as a socket's session is. */
  private static final class Recording implements Subscriber {
    private final Context context;
    private final Viewer viewer;
    private final List<Buffer> frames = Collections.synchronizedList(new ArrayList<>());

    Recording(Context context, Viewer viewer) {
      this.context = context;
      this.viewer = viewer;
    }

    List<Buffer> frames() {
      return frames;
    }

    @Override
    public Context context() {
      return context;
    }

    @Override
    public Viewer viewer() {
      return viewer;
    }

    @Override
    public void deliver(Buffer frame) {
      frames.add(frame);
    }
  }

  private static String participant(String username) {
    return DemoConference.accounts().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow()
        .participantId();
  }

  private static CommandEnvelope ballot(String commandId, String username, String voteId, Choice choice) {
    return new CommandEnvelope(commandId, Actor.participant(participant(username)),
        new Command.CastBallot(voteId, "d6", choice, null, null));
  }

  /** The demo conference, started, with a vote on article d6 and three ballots; returns the vote's id. */
  private static String playVote(ConferenceWriter w) throws Exception {
    for (CommandEnvelope env : DemoConference.commands()) assertThat(await(w.submit(env, null))).isInstanceOf(Outcome.Acked.class);
    Actor chair = Actor.participant(participant("chutri"));
    assertThat(await(w.submit(new CommandEnvelope("start", chair, new Command.StartConference()), null)))
        .isInstanceOf(Outcome.Acked.class);
    Outcome opened = await(w.submit(new CommandEnvelope("open", chair,
        new Command.OpenVote("Điều 6", List.of("d6"), VoteMode.NAMED)), null));
    String voteId = ((Outcome.Acked) opened).events().stream().filter(e -> e instanceof Event.VoteOpened)
        .map(e -> ((Event.VoteOpened) e).voteId()).findFirst().orElseThrow();
    int n = 0;
    for (String u : List.of("daibieu1", "daibieu2", "daibieu4")) {
      Choice choice = Choice.values()[n % 3];
      assertThat(await(w.submit(ballot("b-" + (++n), u, voteId, choice), participant(u))))
          .isInstanceOf(Outcome.Acked.class);
    }
    return voteId;
  }

  /** The conference's writer, loaded with the conference just created. */
  private static ConferenceWriter created(Conferences cs) throws Exception {
    ConferenceWriter w = await(cs.writer(CONFERENCE));
    assertThat(await(w.submit(create("c-1"), null))).isInstanceOf(Outcome.Acked.class);
    return w;
  }

  /** Everything a client or a report could read: the whole state and a delegate's view, as JSON. */
  private static List<String> readable(ConferenceWriter w) throws Exception {
    return await(w.query(c -> List.of(Codec.encode(c.snapshot()),
        Codec.encode(c.views().viewFor(Viewer.participant(participant("daibieu1")), VIEW_AT)),
        Codec.encode(c.views().viewFor(Viewer.organizerConsole(), VIEW_AT)))));
  }

  @Test
  @DisplayName("a conference quiet for the quiet period is unloaded: a snapshot of it saved first, its writer gone")
  void unloadsWhenQuiet(Vertx vertx) throws Exception {
    Conferences cs = conferences(vertx, QUIET, Cluster.single());
    ConferenceWriter w = created(cs);
    await(w.submit(addEndpoint("c-2", "TW"), null));
    long quietSince = System.nanoTime();
    assertThat(cs.loaded()).isEqualTo(1);

    TestWait.until(() -> cs.loaded() == 0, "the unload");
    assertThat((System.nanoTime() - quietSince) / 1_000_000).as("not before the quiet period")
        .isGreaterThanOrEqualTo(QUIET.toMillis() - 20);
    assertThat(cs.unloadedCount()).isEqualTo(1);
    assertThat(store.snapshot(CONFERENCE)).as("saved before it went").hasValueSatisfying(s ->
        assertThat(s.seq()).isEqualTo(2));
  }

  @Test
  @DisplayName("0 turns unloading off: a quiet conference stays loaded")
  void zeroNeverUnloads(Vertx vertx) throws Exception {
    Conferences cs = conferences(vertx, Duration.ZERO, Cluster.single());
    created(cs);
    Thread.sleep(5 * QUIET.toMillis());
    assertThat(cs.loaded()).isEqualTo(1);
    assertThat(cs.unloadedCount()).isZero();
    assertThat(store.snapshotSaves()).isZero();
  }

  @Test
  @DisplayName("not while a client follows it on this node; once it leaves, the quiet period runs and it goes")
  void notWhileSubscribed(Vertx vertx) throws Exception {
    Conferences cs = conferences(vertx, QUIET, Cluster.single());
    ConferenceWriter w = created(cs);
    Recording client = new Recording(vertx.getOrCreateContext(), Viewer.organizerConsole());
    w.attach(client, null);
    TestWait.until(() -> !client.frames().isEmpty(), "the client's snapshot");

    Thread.sleep(5 * QUIET.toMillis());
    assertThat(cs.loaded()).as("a subscriber keeps it").isEqualTo(1);
    w.detach(client);
    TestWait.until(() -> cs.loaded() == 0, "the unload after the client left");
  }

  @Test
  @DisplayName("not while a command waits for its commit; once it is answered, the conference goes")
  void notWhileCommandPending(Vertx vertx) throws Exception {
    Conferences cs = conferences(vertx, QUIET, Cluster.single());
    ConferenceWriter w = created(cs);
    store.holdAppends();
    Future<Outcome> pending = w.submit(addEndpoint("c-2", "TW"), null);
    TestWait.until(() -> store.appendSizes().size() == 2, "the append");

    Thread.sleep(5 * QUIET.toMillis());
    assertThat(cs.loaded()).as("an append in flight keeps it").isEqualTo(1);
    assertThat(pending.isComplete()).isFalse();
    store.release();
    assertThat(await(pending)).isInstanceOf(Outcome.Acked.class);
    TestWait.until(() -> cs.loaded() == 0, "the unload after the commit");
    assertThat(store.log(CONFERENCE)).hasSize(2);
  }

  @Test
  @DisplayName("the next request loads it again from the snapshot: the same state, ballots and log position; a new"
      + " command gets the next sequence, and a ballot sent again before the unload is answered as a duplicate")
  void reloadsTheSame(Vertx vertx) throws Exception {
    Conferences cs = conferences(vertx, QUIET, Cluster.single());
    ConferenceWriter w = await(cs.writer(CONFERENCE));
    String voteId = playVote(w);
    List<String> before = readable(w);
    long seq = await(w.committedSeq());
    String tally = await(w.query(c -> c.tally(voteId, "d6").toString()));

    TestWait.until(() -> cs.loaded() == 0, "the unload");
    int readsBefore = store.reads().size();
    ConferenceWriter again = await(cs.existing(CONFERENCE));
    assertThat(again).isNotSameAs(w);
    assertThat(store.reads().subList(readsBefore, store.reads().size())).as("the log read after the snapshot only")
        .containsExactly(seq);
    assertThat(readable(again)).isEqualTo(before);
    assertThat(await(again.committedSeq())).isEqualTo(seq);
    String tallyAfter = await(again.query(c -> c.tally(voteId, "d6").toString()));
    assertThat(tallyAfter).isEqualTo(tally);

    Outcome next = await(again.submit(ballot("b-4", "daibieu5", voteId, Choice.AGREE), participant("daibieu5")));
    assertThat(next).isInstanceOf(Outcome.Acked.class);
    assertThat(((Outcome.Acked) next).firstSeq()).isEqualTo(seq + 1);
    Outcome resent = await(again.submit(ballot("b-1", "daibieu1", voteId, Choice.AGREE), participant("daibieu1")));
    assertThat(resent).isInstanceOf(Outcome.Acked.class);
    assertThat(((Outcome.Acked) resent).duplicate()).isTrue();
    List<StoredEvent> log = store.log(CONFERENCE);
    assertThat(log).hasSize((int) seq + 1);
    for (int i = 0; i < log.size(); i++) assertThat(log.get(i).seq()).isEqualTo(i + 1);
  }

  @Test
  @DisplayName("requests that reach a writer being unloaded wait for the unload to end and are answered by the writer"
      + " loaded again; none is lost")
  void requestsDuringUnload(Vertx vertx) throws Exception {
    Conferences cs = conferences(vertx, QUIET, Cluster.single());
    ConferenceWriter w = created(cs);
    await(w.submit(addEndpoint("c-2", "TW"), null));
    List<String> before = readable(w);
    store.holdSnapshots();
    TestWait.until(() -> store.snapshotSaves() == 1, "the unload to start saving its snapshot");

    Future<List<String>> staleRead = w.query(c -> List.of(Codec.encode(c.snapshot()),
        Codec.encode(c.views().viewFor(Viewer.participant(participant("daibieu1")), VIEW_AT)),
        Codec.encode(c.views().viewFor(Viewer.organizerConsole(), VIEW_AT))));
    Future<Outcome> staleCommand = w.submit(addEndpoint("c-3", "HNI"), null);
    Future<ConferenceWriter> fresh = cs.existing(CONFERENCE);
    Thread.sleep(3 * QUIET.toMillis());
    assertThat(List.of(staleRead.isComplete(), staleCommand.isComplete(), fresh.isComplete()))
        .as("all wait for the unload").containsOnly(false);
    assertThat(cs.loaded()).isEqualTo(1);

    store.releaseSnapshots();
    assertThat(await(staleRead)).isEqualTo(before);
    Outcome o = await(staleCommand);
    assertThat(o).isInstanceOf(Outcome.Acked.class);
    assertThat(((Outcome.Acked) o).firstSeq()).isEqualTo(3);
    ConferenceWriter next = await(fresh);
    assertThat(next).isNotSameAs(w);
    int endpoints = await(next.query(c -> c.endpoints().size()));
    assertThat(endpoints).isEqualTo(2);
    assertThat(cs.unloadedCount()).isEqualTo(1);
    assertThat(store.log(CONFERENCE)).hasSize(3);
  }

  @Test
  @DisplayName("a command forwarded to a writer being unloaded is answered WRITER_MOVED, undecided; the writer gives"
      + " its lock up after its snapshot")
  void forwardedToUnloadingWriter(Vertx vertx) throws Exception {
    ScriptedCluster cluster = new ScriptedCluster(true);
    Conferences cs = conferences(vertx, QUIET, cluster);
    ConferenceWriter w = created(cs);
    assertThat(await(cluster.inbox.submit(addEndpoint("c-2", "TW"), null))).as("decided while loaded")
        .isInstanceOf(Outcome.Acked.class);
    store.holdSnapshots();
    TestWait.until(() -> store.snapshotSaves() == 1, "the unload to start saving its snapshot");

    assertThat(await(cluster.inbox.submit(addEndpoint("c-3", "HNI"), null))).isEqualTo(Failures.WRITER_MOVED);
    assertThat(cluster.released).as("still holding the lock while saving").isEmpty();
    store.releaseSnapshots();
    TestWait.until(() -> cs.loaded() == 0, "the unload");
    assertThat(cluster.released).containsExactly(CONFERENCE);
    assertThat(store.snapshot(CONFERENCE).orElseThrow().seq()).isEqualTo(2);
    assertThat(store.log(CONFERENCE)).hasSize(2);
  }

  @Test
  @DisplayName("a follower's command answered WRITER_MOVED by a writer that moved is sent again and decided once")
  void followerSendsAgain(Vertx vertx) throws Exception {
    Event created = new Event.ConferenceCreated(CONFERENCE, "Hội nghị", null, null, null, VoteMode.NAMED, 0);
    store.appendNow(CONFERENCE, 0, List.of(new NewEvent(Codec.typeOf(created), Codec.encode(created), "org:x", "c-1",
        WriterFixtures.START)));
    ScriptedCluster cluster = new ScriptedCluster(false);
    cluster.movedFirst.set(1);
    Conferences cs = conferences(vertx, QUIET, cluster);
    ConferenceWriter w = await(cs.existing(CONFERENCE));
    assertThat(w.leads()).isFalse();

    Outcome o = await(w.submit(addEndpoint("c-2", "TW"), null));
    assertThat(o).isInstanceOf(Outcome.Acked.class);
    assertThat(cluster.forwarded).containsExactly("c-2", "c-2");
    assertThat(store.log(CONFERENCE)).hasSize(2);
    int endpoints = await(w.query(c -> c.endpoints().size()));
    assertThat(endpoints).as("read-your-writes on the follower").isEqualTo(1);
  }

  /**
   * A cluster the test plays: leads or not; keeps the inbox it is given; forwards by deciding the command itself on a
   * copy of the conference and appending to the store, as the writer's node would, after answering WRITER_MOVED the
   * first {@code movedFirst} times.
   */
  final class ScriptedCluster implements Cluster {
    final boolean leads;
    volatile Cluster.Inbox inbox;
    final List<String> released = Collections.synchronizedList(new ArrayList<>());
    final List<String> forwarded = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger movedFirst = new AtomicInteger();

    ScriptedCluster(boolean leads) {
      this.leads = leads;
    }

    @Override public String nodeId() { return "test-node"; }
    @Override public void committed(String c, long seq) { }
    @Override public void onCommitted(BiConsumer<String, Long> handler) { }
    @Override public void onLeadershipLost(Consumer<String> handler) { }
    @Override public Future<Void> close() { return Future.succeededFuture(); }

    @Override
    public Future<Boolean> tryLead(String c, Inbox inbox) {
      this.inbox = inbox;
      return Future.succeededFuture(leads);
    }

    @Override
    public Future<Void> release(String c) {
      released.add(c);
      return Future.succeededFuture();
    }

    @Override
    public Future<Outcome> forward(String c, CommandEnvelope e, String s) {
      forwarded.add(e.commandId());
      if (movedFirst.getAndDecrement() > 0) return Future.succeededFuture(Failures.WRITER_MOVED);
      Conference copy = Conference.empty(c, WriterFixtures.SEALER);
      List<StoredEvent> log = store.log(c);
      for (StoredEvent se : log) {
        copy.apply(new RecordedEvent(se.seq(), se.actor(), se.commandId(), se.at(),
            Codec.decodeEvent(se.type(), se.payload())));
      }
      Decision.Accepted d = (Decision.Accepted) copy.decide(e, WriterFixtures.START);
      List<NewEvent> events = d.events().stream().map(ev -> new NewEvent(Codec.typeOf(ev), Codec.encode(ev),
          d.recordedActor(), e.commandId(), WriterFixtures.START)).toList();
      store.appendNow(c, log.size(), events);
      return Future.succeededFuture(new Outcome.Acked(log.size() + 1, log.size() + events.size(), false, d.events()));
    }
  }
}
