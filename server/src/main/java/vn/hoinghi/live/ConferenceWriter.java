package vn.hoinghi.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.domain.BallotSealer;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.store.EventStore;

/**
 * The single writer of one conference on this node: a worker verticle whose context runs one task at a time (off the
 * event loops, so even a large draft import never stalls I/O). It coordinates the parts, each with one concern, all
 * used on this context only:
 * {@link Replica} (the state, the committed sequence, the recent window; loading from snapshot and log),
 * {@link RoundCommitter} (group commit, stall detection), {@link LogFollower} (a follower reading the log),
 * {@link Leadership} (who writes, forwarding), {@link Fanout} (subscribers and delivery), {@link TallyClock},
 * {@link PresenceTicker}, {@link SnapshotTaker} and {@link FeedbackDeadline}. Should an append fail, nothing is
 * acknowledged and the state is reloaded from the log before the next round.
 */
public final class ConferenceWriter extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ConferenceWriter.class);
  static final long STALL_CHECK_MS = 500;
  static final long RELOAD_RETRY_MS = 1_000;

  private final String conferenceId;
  private final WriterClock clock;
  private final Cluster cluster;
  private final Replica replica;
  private final RoundCommitter committer;
  private final LogFollower follower;
  private final Leadership leadership;
  private final Fanout fanout;
  private final TallyClock tallies;
  private final PresenceTicker presence;
  private final SnapshotTaker snapshots;
  private Context ctx;
  /** The state is loaded (false while a reload is under way). */
  private boolean ready;
  private boolean stopping;

  public ConferenceWriter(String conferenceId, EventStore store, BallotSealer sealer, Clock clock) {
    this(conferenceId, store, sealer, clock, Cluster.single());
  }

  public ConferenceWriter(String conferenceId, EventStore store, BallotSealer sealer, Clock clock, Cluster cluster) {
    this(conferenceId, store, sealer, WriterClock.of(clock), cluster);
  }

  ConferenceWriter(String conferenceId, EventStore store, BallotSealer sealer, WriterClock clock, Cluster cluster) {
    this.conferenceId = conferenceId;
    this.clock = clock;
    this.cluster = cluster;
    this.replica = new Replica(conferenceId, store, sealer);
    Callbacks callbacks = new Callbacks();
    this.committer = new RoundCommitter(replica, store, clock, callbacks);
    this.follower = new LogFollower(replica, store, clock, callbacks);
    this.leadership = new Leadership(conferenceId, cluster, this::submitLocal, callbacks);
    this.fanout = new Fanout(replica, clock);
    this.tallies = new TallyClock(replica, fanout, clock);
    this.presence = new PresenceTicker(replica, fanout, cluster, clock);
    this.snapshots = new SnapshotTaker(replica, store, clock);
  }

  public String conferenceId() {
    return conferenceId;
  }

  // ------------------------------------------------------------------------------------------- lifecycle

  @Override
  public Future<?> start() {
    ctx = context;
    return replica.load().onSuccess(v -> snapshots.loaded())
        .compose(v -> leadership.start(vertx))
        .onSuccess(won -> {
          ready = true;
          vertx.setPeriodic(TallyClock.INTERVAL_MS, t -> tallies.tick());
          vertx.setPeriodic(PresenceTicker.INTERVAL_MS, t -> presence.tick(ctx));
          vertx.setPeriodic(FeedbackDeadline.CHECK_MS, t -> {
            deadlineTick();
            if (leadership.leads()) snapshots.maybeTake(vertx, clock.instant());
          });
          vertx.setPeriodic(STALL_CHECK_MS, t -> stallTick());
          drain();
        });
  }

  /** Answers what is queued with "stopping" once the round in flight has committed. */
  @Override
  public Future<?> stop() {
    stopping = true;
    leadership.stop();
    follower.releaseAll();
    Promise<Void> done = Promise.promise();
    waitIdle(done);
    return done.future().compose(v -> leadership.release());
  }

  private void waitIdle(Promise<Void> done) {
    if (!committer.appending()) {
      committer.failQueued(Failures.STOPPING);
      done.tryComplete();
    } else {
      vertx.setTimer(5, t -> waitIdle(done));
    }
  }

  // ------------------------------------------------------------------------------------------- commands

  /**
   * Queues a command; the future completes with its one outcome. Safe from any thread.
   *
   * @param submitter the participant sending it (null for organizers, anonymous, system)
   */
  public Future<Outcome> submit(CommandEnvelope envelope, String submitter) {
    Promise<Outcome> promise = Promise.promise();
    Context caller = Pending.callerLoop();
    ctx.runOnContext(v -> {
      if (stopping) {
        promise.tryComplete(Failures.STOPPING);
      } else if (ready && !leadership.leads()) {
        leadership.forward(envelope, submitter, promise, caller);
      } else if (committer.enqueue(new Pending(envelope, submitter, promise, caller, clock.ticks()))) {
        drain();
      }
    });
    return promise.future();
  }

  /** Commands forwarded by other nodes, decided here because this node writes. */
  private Future<Outcome> submitLocal(CommandEnvelope envelope, String submitter) {
    Promise<Outcome> promise = Promise.promise();
    ctx.runOnContext(v -> {
      if (stopping || !leadership.leads()) {
        promise.tryComplete(Failures.WRITER_MOVED);
      } else if (committer.enqueue(new Pending(envelope, submitter, promise, null, clock.ticks()))) {
        drain();
      }
    });
    return promise.future();
  }

  public boolean leads() {
    return leadership.leads();
  }

  /** Starts a round when one may start: loaded, not reading the log; a follower hands queued commands over. */
  private void drain() {
    if (!ready || committer.appending() || follower.catchingUp() || !committer.hasQueued()) return;
    if (!leadership.leads()) {
      leadership.forwardAll(committer.takeQueued());
      return;
    }
    committer.round();
  }

  private void reached(long committed) {
    follower.reached(committed);
  }

  private void committed(List<Entry> entries, Instant at) {
    cluster.committed(conferenceId, replica.committed());
    fanout.publish(entries);
    tallies.noteAll(entries);
    snapshots.committed();
    if (leadership.leads()) snapshots.maybeTake(vertx, at);
  }

  private void broken(List<Entry> tentative) {
    reload(replica.committed(), tentative);
  }

  private void stallTick() {
    int late = follower.expire();
    if (late > 0) LOG.warn("{} read(s) of {} answered before this replica reached the writer's commit", late, conferenceId);
    committer.stallTick(ready);
  }

  private void deadlineTick() {
    if (!ready || stopping || !leadership.leads()) return;
    FeedbackDeadline.due(replica.state(), replica.committed(), clock.instant()).ifPresent(close -> submit(close, null));
  }

  /** Rebuilds the state from the log after a failed round; retries while the store is down. */
  private void reload(long publishedUpTo, List<Entry> tentative) {
    ready = false;
    replica.load().onComplete(ar -> {
      if (ar.succeeded()) {
        snapshots.loaded();
        ready = true;
        follower.reached(replica.committed());
        fanout.reindexAll();
        publishReloaded(publishedUpTo, tentative);
        drain();
      } else {
        LOG.warn("reload of {} failed ({}); retrying", conferenceId, ar.cause().getMessage());
        committer.failQueued(new Outcome.Failed("STORE_UNAVAILABLE",
            "the event store is unavailable; nothing was saved, try again"));
        vertx.setTimer(RELOAD_RETRY_MS, t -> reload(publishedUpTo, tentative));
      }
    });
  }

  /**
   * A failed append may have committed all the same (only the store's answer was lost): the reload finds those events
   * in the log, and the clients, who were sent events up to {@code publishedUpTo}, must get them too, or their feeds
   * would have a gap.
   */
  private void publishReloaded(long publishedUpTo, List<Entry> tentative) {
    List<Entry> late = replica.unpublished(publishedUpTo, tentative);
    if (late.isEmpty()) return;
    LOG.info("conference {}: {} event(s) committed despite a failed append; publishing them", conferenceId, late.size());
    fanout.publish(late);
    tallies.noteAll(late);
    cluster.committed(conferenceId, replica.committed());
  }

  // ------------------------------------------------------------------------------------------- several nodes

  private void tookOver() {
    LOG.info("taking over conference {} at seq {}", conferenceId, replica.committed());
    // The former writer may have committed more than we saw: read the log to its end before deciding anything.
    followLog(LogFollower.TO_THE_END);
  }

  /** This node lost the lock (its database connection dropped): stop writing, answer what waits, follow again. */
  void stepDown() {
    ctx.runOnContext(v -> leadership.stepDown());
  }

  private void steppedDown() {
    committer.failQueued(Failures.WRITER_MOVED);
  }

  /**
   * Another node committed up to {@code seq} (or, with −1, notifications may have been missed): read the log from
   * where this replica stands, apply and publish, in order. Also used by a new writer to reach the end of the log.
   */
  public void followLog(long seq) {
    ctx.runOnContext(v -> {
      if (ready && !stopping) follower.follow(seq, leadership.leads());
    });
  }

  private void applied(List<Entry> entries) {
    fanout.publish(entries);
    tallies.noteAll(entries);
  }

  private void retryLater(long delayMs) {
    vertx.setTimer(delayMs, t -> followLog(-1));
  }

  /**
   * Completes once this node's replica has applied the log up to {@code seq}, at once on the writer, or after
   * {@link LogFollower#REPLICA_WAIT_MS} at most (then it completes all the same: the caller answers from what it has).
   */
  public Future<Void> replicaAt(long seq) {
    Promise<Void> p = Promise.promise();
    ctx.runOnContext(v -> {
      if (stopping) p.complete();
      else if (follower.await(seq, p) && ready) follower.follow(seq, leadership.leads());
    });
    return p.future();
  }

  /**
   * Completes once this node's replica holds every event committed before the call: on the writer at once; on a
   * follower after asking the store for the log's end and reading up to it (bounded as {@link #replicaAt}).
   */
  public Future<Void> caughtUp() {
    Promise<Void> p = Promise.promise();
    ctx.runOnContext(v -> {
      if (leadership.leads() || stopping) {
        p.complete();
        return;
      }
      follower.logEnd().onComplete(ar -> {
        if (ar.failed()) p.complete(); // the store will not answer the read either: answer from the replica
        else replicaAt(ar.result()).onComplete(x -> p.complete());
      });
    });
    return p.future();
  }

  // ------------------------------------------------------------------------------------------- reads

  /** Runs a read of the state on the writer's context (REST queries, tests). */
  public <T> Future<T> query(Function<Conference, T> read) {
    Promise<T> p = Promise.promise();
    ctx.runOnContext(v -> {
      try {
        p.tryComplete(read.apply(replica.state()));
      } catch (RuntimeException e) {
        p.tryFail(e);
      }
    });
    return p.future();
  }

  /** A read that also needs who is connected (on any node, as last shared): attendance. */
  public <T> Future<T> queryWithPresence(BiFunction<Conference, Predicate<String>, T> read) {
    return query(c -> read.apply(c, presence::onlineAnywhere));
  }

  /**
   * A read that, when its answer is not {@code settled} (a participant not found, say), catches up with the log's end
   * first on a follower and reads again: someone who joined through another node a moment ago is not refused here,
   * while the usual answer costs no trip to the store.
   */
  public <T> Future<T> queryFresh(Function<Conference, T> read, Predicate<T> settled) {
    return query(read).compose(r -> settled.test(r) ? Future.succeededFuture(r) : caughtUp().compose(v -> query(read)));
  }

  /** The event loops whose feeds deliver this conference on this node (diagnostics and tests): one per loop at most. */
  public Future<Integer> feedCount() {
    return query(c -> fanout.feedCount());
  }

  /** The last committed sequence; read on the writer's context. */
  public Future<Long> committedSeq() {
    return query(c -> replica.committed());
  }

  // ------------------------------------------------------------------------------------------- subscribers

  /**
   * Starts following the conference. {@code resumeAfter}: the last sequence the client saw (the "upTo" of its last
   * frame), or null for a fresh start. The client first gets exactly the events after it that it may see (from the
   * recent window), or a snapshot when it is too far behind, then the live feed, with nothing lost or doubled between.
   */
  public void attach(Subscriber s, Long resumeAfter) {
    ctx.runOnContext(v -> {
      if (!fanout.add(s)) return;
      List<Buffer> catchUp;
      try {
        catchUp = fanout.catchUp(s.viewer(), resumeAfter);
        catchUp.addAll(tallies.currentFrames(s));
      } catch (RuntimeException e) {
        LOG.error("cannot catch {} up on {}", s.viewer(), conferenceId, e);
        throw e;
      }
      presence.connected(s.viewer());
      fanout.start(s, catchUp);
    });
  }

  public void detach(Subscriber s) {
    ctx.runOnContext(v -> {
      if (!fanout.remove(s)) return;
      presence.disconnected(s.viewer());
    });
  }

  /** Another node's presence changed (or it is time to look): read the fresh rows. */
  public void readRemotePresence() {
    ctx.runOnContext(v -> presence.readRemote(ctx));
  }

  /** The parts' calls back into the coordinator (kept off the public surface). */
  private final class Callbacks implements RoundCommitter.Rounds, LogFollower.Applied, Leadership.Roles {
    @Override public void reached(long committed) { ConferenceWriter.this.reached(committed); }
    @Override public void committed(List<Entry> entries, Instant at) { ConferenceWriter.this.committed(entries, at); }
    @Override public void broken(List<Entry> tentative) { ConferenceWriter.this.broken(tentative); }
    @Override public void idle() { drain(); }
    @Override public void applied(List<Entry> entries) { ConferenceWriter.this.applied(entries); }
    @Override public void followed() { drain(); }
    @Override public void retryLater(long delayMs) { ConferenceWriter.this.retryLater(delayMs); }
    @Override public void tookOver() { ConferenceWriter.this.tookOver(); }
    @Override public void steppedDown() { ConferenceWriter.this.steppedDown(); }
    @Override public Future<Void> replicaAt(long seq) { return ConferenceWriter.this.replicaAt(seq); }
  }
}
