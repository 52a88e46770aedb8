package vn.hoinghi.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
 * {@link PresenceTicker}, {@link SnapshotTaker}, {@link FeedbackDeadline} and {@link Residency} (unloading when idle).
 * Should an append fail, nothing is acknowledged and the state is reloaded from the log before the next round
 * ({@link Reloader}).
 */
public final class ConferenceWriter extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ConferenceWriter.class);
  static final long STALL_CHECK_MS = 500;

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
  private final Residency residency;
  private final Reloader reloader;
  private final List<Long> timers = new ArrayList<>();
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
    this(conferenceId, store, sealer, clock, cluster, Residency.PINNED, 0);
  }

  /** {@code host}: where this writer lives, told when it has been idle for {@code idleUnloadMs} (0: never). */
  ConferenceWriter(String conferenceId, EventStore store, BallotSealer sealer, WriterClock clock, Cluster cluster,
      Residency.Host host, long idleUnloadMs) {
    this.conferenceId = conferenceId;
    this.clock = clock;
    this.cluster = cluster;
    this.replica = new Replica(conferenceId, store, sealer);
    Callbacks callbacks = new Callbacks();
    this.committer = new RoundCommitter(replica, store, clock, callbacks);
    this.follower = new LogFollower(replica, store, clock, callbacks);
    this.leadership = new Leadership(conferenceId, cluster, callbacks);
    this.fanout = new Fanout(replica, clock);
    this.tallies = new TallyClock(replica, fanout, clock);
    this.presence = new PresenceTicker(replica, fanout, cluster, clock);
    this.snapshots = new SnapshotTaker(replica, store, clock);
    this.residency = new Residency(conferenceId, host, clock, idleUnloadMs);
    this.reloader = new Reloader(conferenceId, replica, snapshots, follower, fanout, committer, callbacks);
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
          timers.add(vertx.setPeriodic(TallyClock.INTERVAL_MS, t -> tallies.tick()));
          timers.add(vertx.setPeriodic(PresenceTicker.INTERVAL_MS, t -> presence.tick(ctx)));
          timers.add(vertx.setPeriodic(FeedbackDeadline.CHECK_MS, t -> {
            deadlineTick();
            if (leadership.leads()) snapshots.maybeTake(vertx, clock.instant());
          }));
          timers.add(vertx.setPeriodic(STALL_CHECK_MS, t -> stallTick()));
          if (residency.checkEveryMs() > 0) timers.add(vertx.setPeriodic(residency.checkEveryMs(), t -> idleTick()));
          residency.touch();
          drain();
        });
  }

  /**
   * Answers what is queued with "stopping" once the round in flight has committed. An idle writer being unloaded
   * (nothing queued then) first saves a snapshot of what it holds, if it writes, then gives up the lock.
   */
  @Override
  public Future<?> stop() {
    stopping = true;
    leadership.stop();
    follower.releaseAll();
    timers.forEach(vertx::cancelTimer);
    Promise<Void> done = Promise.promise();
    waitIdle(done);
    return done.future()
        .compose(v -> residency.retiring() && leadership.leads() ? snapshots.takeNow(vertx, clock.instant())
            : Future.<Void>succeededFuture())
        .compose(v -> leadership.release());
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
    Context caller = Pending.callerLoop();
    // Handed to the next writer once this one is being unloaded: answered on the caller's loop all the same.
    return this.<Outcome>routed(w -> w.submit(envelope, submitter).transform(ar -> Pending.backOn(caller, ar)), () -> {
      Promise<Outcome> promise = Promise.promise();
      Pending p = new Pending(envelope, submitter, promise, caller, clock.ticks());
      if (stopping) {
        promise.tryComplete(Failures.STOPPING);
      } else if (ready && !leadership.leads()) {
        leadership.forward(p);
      } else if (committer.enqueue(p)) {
        drain();
      }
      return promise.future();
    }).recover(e -> Pending.backOn(caller, Future.succeededFuture(Failures.STOPPING)));
  }

  /** A command forwarded by another node, or sent again after a writer moved, decided here: this node writes. */
  private void decideHere(CommandEnvelope envelope, String submitter, Promise<Outcome> promise, Context replyTo) {
    residency.touch();
    if (committer.enqueue(new Pending(envelope, submitter, promise, replyTo, clock.ticks()))) drain();
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
    reloader.reload(vertx, replica.committed(), tentative);
  }

  private void stallTick() {
    int late = follower.expire();
    if (late > 0) LOG.warn("{} read(s) of {} answered before this replica reached the writer's commit", late, conferenceId);
    committer.stallTick(ready);
  }

  /** Unloads the conference from this node once it has been quiet for long enough with nothing under way. */
  private void idleTick() {
    if (!residency.due(busy())) return;
    LOG.debug("conference {} idle at seq {}: unloading", conferenceId, replica.committed());
    leadership.stop(); // commands forwarded from now on are answered WRITER_MOVED, undecided, and sent again
    residency.retire(this);
  }

  /**
   * What keeps a conference loaded however quiet: a client following it here, a command queued, being appended or
   * forwarded, a read of the log or a wait for it, a snapshot being saved, presence not yet shared, a reload, and on the
   * writing node an open feedback window with a deadline (its close is the writer's to send).
   */
  private boolean busy() {
    return !ready || stopping || fanout.subscriberCount() > 0 || committer.hasQueued() || committer.appending()
        || committer.stalled() || follower.busy() || leadership.forwarding() || snapshots.inFlight()
        || presence.unshared() || (leadership.leads() && FeedbackDeadline.pending(replica.state()));
  }

  /** Runs {@code here} on this writer, or once it is being unloaded {@code there} on the next (see {@link Residency}). */
  private <T> Future<T> routed(Function<ConferenceWriter, Future<T>> there, Supplier<Future<T>> here) {
    return residency.routed(ctx, there, here);
  }

  private void deadlineTick() {
    if (!ready || stopping || !leadership.leads()) return;
    FeedbackDeadline.due(replica.state(), replica.committed(), clock.instant()).ifPresent(close -> submit(close, null));
  }

  // ------------------------------------------------------------------------------------------- several nodes

  private void tookOver() {
    LOG.info("taking over conference {} at seq {}", conferenceId, replica.committed());
    // The former writer may have committed more than we saw: read the log to its end before deciding anything.
    followLog(LogFollower.TO_THE_END);
  }

  /** This node lost the lock (its database connection dropped): stop writing, answer what waits, follow again. */
  void stepDown() {
    ctx.runOnContext(v -> {
      if (!residency.retiring()) leadership.stepDown();
    });
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
      if (ready && !stopping && !residency.retiring()) follower.follow(seq, leadership.leads());
    });
  }

  private void applied(List<Entry> entries) {
    fanout.publish(entries);
    tallies.noteAll(entries);
  }

  private void publishLate(List<Entry> late) {
    applied(late);
    cluster.committed(conferenceId, replica.committed());
  }

  private void retryLater(long delayMs) {
    vertx.setTimer(delayMs, t -> followLog(-1));
  }

  /**
   * Completes once this node's replica has applied the log up to {@code seq}, at once on the writer, or after
   * {@link LogFollower#REPLICA_WAIT_MS} at most (then it completes all the same: the caller answers from what it has).
   */
  public Future<Void> replicaAt(long seq) {
    return routed(w -> w.replicaAt(seq), () -> {
      Promise<Void> p = Promise.promise();
      if (stopping) p.complete();
      else if (follower.await(seq, p) && ready) follower.follow(seq, leadership.leads());
      return p.future();
    });
  }

  /**
   * Completes once this node's replica holds every event committed before the call: on the writer at once; on a
   * follower after asking the store for the log's end and reading up to it (bounded as {@link #replicaAt}).
   */
  public Future<Void> caughtUp() {
    return routed(ConferenceWriter::caughtUp, () -> {
      if (leadership.leads() || stopping) return Future.succeededFuture();
      // A store that cannot say where the log ends will not answer the read either: answer from the replica.
      return follower.logEnd().transform(ar -> ar.failed() ? Future.succeededFuture()
          : replicaAt(ar.result()).otherwiseEmpty());
    });
  }

  // ------------------------------------------------------------------------------------------- reads

  /** Runs a read of the state on the writer's context (REST queries, tests). */
  public <T> Future<T> query(Function<Conference, T> read) {
    return routed(w -> w.query(read), () -> Future.succeededFuture(read.apply(replica.state())));
  }

  /** A read that also needs who is connected (on any node, as last shared): attendance. */
  public <T> Future<T> queryWithPresence(BiFunction<Conference, Predicate<String>, T> read) {
    return routed(w -> w.queryWithPresence(read),
        () -> Future.succeededFuture(read.apply(replica.state(), presence::onlineAnywhere)));
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
    return routed(ConferenceWriter::committedSeq, () -> Future.succeededFuture(replica.committed()));
  }

  // ------------------------------------------------------------------------------------------- subscribers

  /**
   * Starts following the conference. {@code resumeAfter}: the last sequence the client saw (the "upTo" of its last
   * frame), or null for a fresh start. The client first gets exactly the events after it that it may see (from the
   * recent window), or a snapshot when it is too far behind, then the live feed, with nothing lost or doubled between.
   */
  public void attach(Subscriber s, Long resumeAfter) {
    routed(w -> {
      w.attach(s, resumeAfter);
      return Future.<Void>succeededFuture();
    }, () -> {
      if (!fanout.add(s)) return Future.succeededFuture();
      List<Buffer> catchUp = fanout.catchUp(s.viewer(), resumeAfter);
      catchUp.addAll(tallies.currentFrames(s));
      presence.connected(s.viewer());
      fanout.start(s, catchUp);
      return Future.succeededFuture();
    }).onFailure(e -> {
      // The conference could not be caught up or loaded again here: the client reconnects and resumes.
      LOG.error("cannot catch {} up on {}", s.viewer(), conferenceId, e);
      s.context().runOnContext(x -> s.unavailable());
    });
  }

  public void detach(Subscriber s) {
    routed(w -> {
      w.detach(s);
      return Future.<Void>succeededFuture();
    }, () -> {
      if (fanout.remove(s)) presence.disconnected(s.viewer());
      return Future.succeededFuture();
    });
  }

  /** Another node's presence changed (or it is time to look): read the fresh rows. */
  public void readRemotePresence() {
    ctx.runOnContext(v -> {
      if (!residency.retiring()) presence.readRemote(ctx);
    });
  }

  /** The parts' calls back into the coordinator (kept off the public surface). */
  private final class Callbacks implements RoundCommitter.Rounds, LogFollower.Applied, Leadership.Roles, Reloader.Host {
    @Override public void reloading() { ready = false; }
    @Override public void reloaded() {
      ready = true;
      drain();
    }
    @Override public void publishLate(List<Entry> late) { ConferenceWriter.this.publishLate(late); }
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
    @Override public void decideHere(CommandEnvelope e, String submitter, Promise<Outcome> p, Context replyTo) {
      ConferenceWriter.this.decideHere(e, submitter, p, replyTo);
    }
  }
}
