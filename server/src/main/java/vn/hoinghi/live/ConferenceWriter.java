package vn.hoinghi.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.domain.Audience;
import vn.hoinghi.domain.BallotSealer;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.ConferenceSnapshot;
import vn.hoinghi.domain.Decision;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.domain.Viewer;
import vn.hoinghi.store.AppendConflict;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.store.NewEvent;
import vn.hoinghi.store.Snapshot;
import vn.hoinghi.store.StoredEvent;
import vn.hoinghi.wire.Codec;

/**
 * The single writer of one conference. Runs on its own worker context (serial, off the event
 * loops, so even a large draft import never stalls I/O). Commands queue here; each round decides
 * the queued commands one by one against the latest state, applies the accepted events
 * tentatively, appends them all in one store call (group commit) and, once committed, answers each
 * command and publishes the events. Should the append fail, nothing is acknowledged and the state
 * is reloaded from the log before the next round.
 */
public final class ConferenceWriter extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ConferenceWriter.class);
  /** Recent events kept in memory to resume clients; older resumes get a snapshot. */
  static final int RING = 20_000;
  /** Events per append; bounded below the store's batch limit. */
  static final int MAX_EVENTS_PER_ROUND = 900;
  static final long TALLY_INTERVAL_MS = 100;
  static final long PRESENCE_INTERVAL_MS = 1_000;
  static final long DEADLINE_CHECK_MS = 1_000;
  static final int SNAPSHOT_EVERY = 5_000;
  /**
   * A snapshot that is due waits for a pause this long in the flow of commits (a vote burst is no time to copy and
   * encode a whole conference), but never beyond {@link #SNAPSHOT_AT_MOST} events.
   */
  static final long SNAPSHOT_QUIET_MS = 1_000;
  static final int SNAPSHOT_AT_MOST = 20_000;
  static final int READ_PAGE = 1_000;
  /**
   * How long a command may wait for the store. A database that keeps connections open but never answers (a network
   * partition) would otherwise hold every command of the conference, unanswered, for as long as TCP takes to give up.
   */
  static final long STORE_TIMEOUT_MS = 5_000;
  static final long STALL_CHECK_MS = 500;
  /**
   * How long a follower holds a forwarded command's answer, or a read, for its replica to reach the writer's commit
   * (read-your-writes across nodes); past it the answer goes out all the same. Checked every {@link #STALL_CHECK_MS}.
   */
  static final long REPLICA_WAIT_MS = 3_000;
  static final String MAYBE_SAVED = "the event store did not answer in time; the command may or may not have been saved:"
      + " send it again with the same id";
  static final String NOT_ANSWERING = "the event store is not answering; nothing was saved, send the command again";

  private final String conferenceId;
  private final EventStore store;
  private final BallotSealer sealer;
  private final Clock clock;
  private final Cluster cluster;
  /** This node writes the conference (holds its lock); otherwise it follows the log and forwards commands. */
  private boolean leader;
  private boolean catchingUp;
  private boolean catchUpAgain;
  private long leaderTimer = -1;
  private Context ctx;
  private Conference conference;
  private long committed;
  private long lastSnapshot;
  private boolean snapshotInFlight;
  private long lastCommitMs;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean appending;
  /** The round being appended and when its append started: answered with an error if the store does not answer. */
  private List<Map.Entry<Pending, Outcome>> inFlight = List.of();
  private long appendStartedMs;
  /** An append outlived {@link #STORE_TIMEOUT_MS}: new commands fail at once until the store answers it. */
  private boolean stalled;
  private boolean ready;
  private boolean stopping;
  private final ArrayDeque<Entry> ring = new ArrayDeque<>();

  private final Map<Context, LocalFeed> feeds = new HashMap<>();
  private final Set<Subscriber> subscribers = new LinkedHashSet<>();
  private final Map<String, Set<Subscriber>> byParticipant = new HashMap<>();
  private final Set<Subscriber> moderators = new HashSet<>();
  private final Presence presence = new Presence();
  private final TallyClock tallies;
  private final SnapshotEncoder snapshots = new SnapshotEncoder();
  private final ReplicaWaits replicaWaits = new ReplicaWaits();

  /** {@code replyTo}: the event loop the command came from; its answer is delivered there in one task per round. */
  private record Pending(CommandEnvelope envelope, String submitter, Promise<Outcome> promise, Context replyTo,
                         long queuedAtMs) {
    Pending(CommandEnvelope envelope, String submitter, Promise<Outcome> promise) {
      this(envelope, submitter, promise, callerLoop());
    }

    Pending(CommandEnvelope envelope, String submitter, Promise<Outcome> promise, Context replyTo) {
      this(envelope, submitter, promise, replyTo, System.currentTimeMillis());
    }

    private static Context callerLoop() {
      Context c = io.vertx.core.Vertx.currentContext();
      return c != null && c.isEventLoopContext() ? c : null;
    }
  }

  public ConferenceWriter(String conferenceId, EventStore store, BallotSealer sealer, Clock clock) {
    this(conferenceId, store, sealer, clock, Cluster.single());
  }

  public ConferenceWriter(String conferenceId, EventStore store, BallotSealer sealer, Clock clock, Cluster cluster) {
    this.conferenceId = conferenceId;
    this.store = store;
    this.sealer = sealer;
    this.clock = clock;
    this.cluster = cluster;
    this.tallies = new TallyClock(this);
  }

  public String conferenceId() {
    return conferenceId;
  }

  // ------------------------------------------------------------------------------------------- lifecycle

  @Override
  public Future<?> start() {
    ctx = context;
    return load()
        .compose(v -> cluster.tryLead(conferenceId, this::submitLocal))
        .onSuccess(won -> {
          leader = won;
          ready = true;
          vertx.setPeriodic(TALLY_INTERVAL_MS, t -> tallies.tick());
          vertx.setPeriodic(PRESENCE_INTERVAL_MS, t -> presenceTick());
          vertx.setPeriodic(DEADLINE_CHECK_MS, t -> {
            deadlineTick();
            maybeSnapshot(clock.instant());
          });
          vertx.setPeriodic(STALL_CHECK_MS, t -> stallTick());
          if (!leader) watchForLeadership();
          drain();
        });
  }

  // ------------------------------------------------------------------------------------------- several nodes

  /** A follower tries, once a second, to take over the writing: it wins when the writer's node is gone. */
  private void watchForLeadership() {
    if (leaderTimer >= 0 || stopping) return;
    leaderTimer = vertx.setPeriodic(1_000, t -> {
      if (leader || stopping) return;
      cluster.tryLead(conferenceId, this::submitLocal).onSuccess(won -> {
        if (!won || leader) return;
        vertx.cancelTimer(leaderTimer);
        leaderTimer = -1;
        LOG.info("taking over conference {} at seq {}", conferenceId, committed);
        leader = true;
        // The former writer may have committed more than we saw: read the log to its end before deciding anything.
        followLog(Long.MAX_VALUE);
      });
    });
  }

  /** This node lost the lock (its database connection dropped): stop writing, answer what waits, follow again. */
  void stepDown() {
    ctx.runOnContext(v -> {
      if (!leader) return;
      leader = false;
      Pending p;
      while ((p = queue.poll()) != null) {
        p.promise().tryComplete(Failures.WRITER_MOVED);
      }
      watchForLeadership();
    });
  }

  /**
   * Another node committed up to {@code seq} (or, with −1, notifications may have been missed): read the log from
   * where this replica stands, apply and publish, in order. Also used by a new writer to reach the end of the log.
   */
  public void followLog(long seq) {
    ctx.runOnContext(v -> follow(seq));
  }

  private void follow(long seq) {
    if (!ready || stopping) return;
    if (leader && !catchingUp && seq != Long.MAX_VALUE) return;
    if (seq >= 0 && seq <= committed && seq != Long.MAX_VALUE) return;
    if (catchingUp) {
      catchUpAgain = true;
      return;
    }
    catchingUp = true;
    readAhead();
  }

  /**
   * Completes once this node's replica has applied the log up to {@code seq}, at once on the writer, or after
   * {@link #REPLICA_WAIT_MS} at most (then it completes all the same: the caller answers from what it has).
   */
  public Future<Void> replicaAt(long seq) {
    Promise<Void> p = Promise.promise();
    ctx.runOnContext(v -> {
      if (committed >= seq || stopping) {
        p.complete();
        return;
      }
      replicaWaits.add(seq, System.currentTimeMillis() + REPLICA_WAIT_MS, p);
      follow(seq);
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
      if (leader || stopping) {
        p.complete();
        return;
      }
      store.latestSeq(conferenceId).onComplete(ar -> {
        if (ar.failed()) p.complete(); // the store will not answer the read either: answer from the replica
        else replicaAt(ar.result()).onComplete(x -> p.complete());
      });
    });
    return p.future();
  }

  /**
   * Hands a command to the writer's node. An ack is answered once this replica holds its events, so that whatever the
   * caller reads next on this node shows them; it is delivered on the caller's event loop ({@code replyTo}) if any.
   */
  private void forward(CommandEnvelope envelope, String submitter, Promise<Outcome> promise, Context replyTo) {
    cluster.forward(conferenceId, envelope, submitter).onComplete(ar -> {
      Outcome o = ar.succeeded() ? ar.result() : Failures.NO_WRITER;
      if (!(o instanceof Outcome.Acked a)) {
        promise.tryComplete(o);
        return;
      }
      replicaAt(a.lastSeq()).onComplete(x -> {
        if (replyTo == null) promise.tryComplete(o);
        else replyTo.runOnContext(y -> promise.tryComplete(o));
      });
    });
  }

  private void readAhead() {
    store.read(conferenceId, committed, READ_PAGE).onComplete(ar -> {
      if (ar.failed()) {
        catchingUp = false;
        LOG.warn("cannot follow the log of {}: {}", conferenceId, ar.cause().getMessage());
        vertx.setTimer(1_000, t -> followLog(-1));
        return;
      }
      List<Entry> entries = new ArrayList<>();
      for (StoredEvent se : ar.result()) {
        if (se.seq() != conference.version() + 1) break;
        RecordedEvent re = new RecordedEvent(se.seq(), se.actor(), se.commandId(), se.at(),
            Codec.decodeEvent(se.type(), se.payload()));
        conference.apply(re);
        Entry e = new Entry(re, Frames.event(re, DraftFrames.data(conference, re, se.payload())), conference.audienceOf(re.event()), null);
        remember(e);
        entries.add(e);
        committed = se.seq();
      }
      publish(entries);
      tallies.noteAll(entries);
      replicaWaits.reached(committed);
      if (ar.result().size() == READ_PAGE || catchUpAgain) {
        catchUpAgain = false;
        readAhead();
      } else {
        catchingUp = false;
        drain();
      }
    });
  }

  /** Commands forwarded by other nodes, decided here because this node writes. */
  private Future<Outcome> submitLocal(CommandEnvelope envelope, String submitter) {
    Promise<Outcome> promise = Promise.promise();
    ctx.runOnContext(v -> {
      if (stopping || !leader) {
        promise.tryComplete(Failures.WRITER_MOVED);
        return;
      }
      if (stalled) {
        promise.tryComplete(new Outcome.Failed("STORE_UNAVAILABLE", NOT_ANSWERING));
        return;
      }
      queue.add(new Pending(envelope, submitter, promise));
      drain();
    });
    return promise.future();
  }

  public boolean leads() {
    return leader;
  }

  /** Answers what is queued with "stopping" once the round in flight has committed. */
  @Override
  public Future<?> stop() {
    stopping = true;
    replicaWaits.releaseAll();
    Promise<Void> done = Promise.promise();
    waitIdle(done);
    return done.future().compose(v -> cluster.release(conferenceId));
  }

  private void waitIdle(Promise<Void> done) {
    if (!appending) {
      Pending p;
      while ((p = queue.poll()) != null) {
        p.promise().tryComplete(Failures.STOPPING);
      }
      done.tryComplete();
    } else {
      vertx.setTimer(5, t -> waitIdle(done));
    }
  }

  /** Latest snapshot (if it decodes) plus every later event; builds the recent window. */
  private Future<Void> load() {
    ring.clear();
    return store.latestSnapshot(conferenceId).compose(snap -> {
      conference = restoreOrEmpty(snap);
      committed = conference.version();
      lastSnapshot = committed;
      return replayFrom(committed);
    }).onSuccess(v -> LOG.debug("conference {} loaded at seq {}", conferenceId, committed));
  }

  private Conference restoreOrEmpty(Optional<Snapshot> snap) {
    if (snap.isPresent()) {
      try {
        ConferenceSnapshot s = Codec.mapper().readValue(snap.get().payload(), ConferenceSnapshot.class);
        return Conference.restore(s, sealer);
      } catch (Exception e) {
        LOG.warn("snapshot of {} at {} unreadable, replaying from the start: {}", conferenceId, snap.get().seq(),
            e.getMessage());
      }
    }
    return Conference.empty(conferenceId, sealer);
  }

  private Future<Void> replayFrom(long after) {
    return store.read(conferenceId, after, READ_PAGE).compose(page -> {
      for (StoredEvent se : page) {
        RecordedEvent re = new RecordedEvent(se.seq(), se.actor(), se.commandId(), se.at(),
            Codec.decodeEvent(se.type(), se.payload()));
        conference.apply(re);
        remember(new Entry(re, Frames.event(re, DraftFrames.data(conference, re, se.payload())), conference.audienceOf(re.event()), null));
        committed = se.seq();
      }
      return page.size() < READ_PAGE ? Future.succeededFuture() : replayFrom(committed);
    });
  }

  private void remember(Entry e) {
    ring.addLast(e);
    while (ring.size() > RING) ring.removeFirst();
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
        return;
      }
      if (ready && !leader) {
        forward(envelope, submitter, promise, caller);
        return;
      }
      if (stalled) {
        promise.tryComplete(new Outcome.Failed("STORE_UNAVAILABLE", NOT_ANSWERING));
        return;
      }
      queue.add(new Pending(envelope, submitter, promise, caller));
      drain();
    });
    return promise.future();
  }

  /**
   * Answers a committed round: the answers for each caller's event loop go there in one task, so thousands of acks
   * in a burst cost a few hops, not one cross-thread wake-up each.
   */
  private static void answer(List<Map.Entry<Pending, Outcome>> answers) {
    Map<Context, List<Map.Entry<Pending, Outcome>>> byLoop = new HashMap<>();
    for (Map.Entry<Pending, Outcome> a : answers) {
      Context c = a.getKey().replyTo();
      if (c == null) a.getKey().promise().tryComplete(a.getValue());
      else byLoop.computeIfAbsent(c, k -> new ArrayList<>()).add(a);
    }
    byLoop.forEach((c, list) -> c.runOnContext(v -> list.forEach(a -> a.getKey().promise().tryComplete(a.getValue()))));
  }

  private void drain() {
    if (!ready || appending || catchingUp || queue.isEmpty()) return;
    if (!leader) {
      // Queued before this node learned it is not the writer: hand them over.
      Pending p;
      while ((p = queue.poll()) != null) forward(p.envelope(), p.submitter(), p.promise(), p.replyTo());
      return;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    long base = conference.version();
    List<NewEvent> toAppend = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    List<Map.Entry<Pending, Outcome>> answers = new ArrayList<>();
    boolean broken = false;
    while (!queue.isEmpty() && toAppend.size() < MAX_EVENTS_PER_ROUND) {
      Pending p = queue.poll();
      Decision d;
      try {
        d = conference.decide(p.envelope(), now);
      } catch (RuntimeException e) {
        LOG.error("decide failed for {} on {}", Codec.typeOf(p.envelope().command()), conferenceId, e);
        p.promise().tryComplete(new Outcome.Failed("INTERNAL", "the server could not handle this command"));
        continue;
      }
      if (d instanceof Decision.Rejected r) {
        p.promise().tryComplete(new Outcome.Refused(r.rejection()));
      } else if (d instanceof Decision.AlreadyApplied a) {
        Outcome o = new Outcome.Acked(a.firstSeq(), a.lastSeq(), true, List.of());
        if (a.lastSeq() <= committed) p.promise().tryComplete(o);
        else answers.add(Map.entry(p, o));
      } else if (d instanceof Decision.Accepted acc) {
        long first = conference.version() + 1;
        try {
          for (Event ev : acc.events()) {
            long seq = conference.version() + 1;
            RecordedEvent re = new RecordedEvent(seq, acc.recordedActor(), p.envelope().commandId(), now, ev);
            conference.apply(re);
            String json = Codec.encode(ev);
            toAppend.add(new NewEvent(Codec.typeOf(ev), json, acc.recordedActor(), p.envelope().commandId(), now));
            entries.add(new Entry(re, Frames.event(re, DraftFrames.data(conference, re, json)), conference.audienceOf(ev), p.submitter()));
          }
        } catch (RuntimeException e) {
          // The state may be half-changed: answer this round as failed and reload from the log.
          LOG.error("apply failed on {}", conferenceId, e);
          p.promise().tryComplete(new Outcome.Failed("INTERNAL", "the server could not apply this command"));
          broken = true;
          break;
        }
        answers.add(Map.entry(p, new Outcome.Acked(first, conference.version(), false, acc.events())));
      }
    }
    if (broken) {
      failRound(answers, "INTERNAL", "the server could not apply this command");
      reload(committed, List.of());
      return;
    }
    if (toAppend.isEmpty()) {
      answers.forEach(a -> a.getKey().promise().tryComplete(a.getValue()));
      drain();
      return;
    }
    appending = true;
    inFlight = answers;
    appendStartedMs = System.currentTimeMillis();
    store.append(conferenceId, base, toAppend).onComplete(ar -> {
      appending = false;
      inFlight = List.of();
      if (stalled) LOG.info("the store answered the stalled append on {} ({})", conferenceId, ar.succeeded() ? "committed" : "failed");
      stalled = false;
      if (ar.succeeded()) {
        committed = conference.version();
        entries.forEach(this::remember);
        replicaWaits.reached(committed);
        answer(answers);
        cluster.committed(conferenceId, committed);
        publish(entries);
        tallies.noteAll(entries);
        lastCommitMs = System.currentTimeMillis();
        maybeSnapshot(now);
        drain();
      } else {
        Throwable cause = ar.cause();
        if (cause instanceof AppendConflict) {
          LOG.warn("conference {} moved on under this writer ({}); reloading", conferenceId, cause.getMessage());
          failRound(answers, Failures.STORE_CONFLICT.code(), Failures.STORE_CONFLICT.message());
        } else {
          LOG.warn("append failed on {}: {}", conferenceId, cause.getMessage());
          // The commit may have happened with only its answer lost: the client must resend with the same id.
          failRound(answers, "STORE_UNAVAILABLE", "the event store failed; the command may not have been saved: send it"
              + " again with the same id");
        }
        reload(committed, entries);
      }
    });
  }

  private void failRound(List<Map.Entry<Pending, Outcome>> answers, String code, String message) {
    for (Map.Entry<Pending, Outcome> a : answers) {
      Outcome o = a.getValue();
      // A duplicate of something already committed stays a success.
      if (o instanceof Outcome.Acked ack && ack.duplicate() && ack.lastSeq() <= committed) {
        a.getKey().promise().tryComplete(o);
      } else {
        a.getKey().promise().tryComplete(new Outcome.Failed(code, message));
      }
    }
  }

  /**
   * Bounds every wait on the store: the round in flight is answered once its append has taken too long (its commit is
   * then unknown: the answer says so, and a resend with the same id is applied once), and so is anything queued
   * behind it, or queued too long behind a reload that cannot read the log.
   */
  private void stallTick() {
    long now = System.currentTimeMillis();
    int late = replicaWaits.expire(now);
    if (late > 0) LOG.warn("{} read(s) of {} answered before this replica reached the writer's commit", late, conferenceId);
    if (appending && now - appendStartedMs >= STORE_TIMEOUT_MS) {
      if (!stalled) LOG.warn("append on {} unanswered for {} ms; failing commands until the store answers", conferenceId,
          now - appendStartedMs);
      stalled = true;
      failRound(inFlight, "STORE_UNAVAILABLE", MAYBE_SAVED);
    }
    // A queue that is merely long (a vote burst on a busy machine) is not a stuck store: while appends come back,
    // queued commands wait their turn. Only a stalled append or a reload that cannot read the log fails them.
    while (!queue.isEmpty() && (stalled || (!ready && now - queue.peek().queuedAtMs() >= STORE_TIMEOUT_MS))) {
      queue.poll().promise().tryComplete(new Outcome.Failed("STORE_UNAVAILABLE", NOT_ANSWERING));
    }
  }

  /** Rebuilds the state from the log after a failed round; retries while the store is down. */
  private void reload(long publishedUpTo, List<Entry> tentative) {
    ready = false;
    Set<String> before = new HashSet<>(byParticipant.keySet());
    load().onComplete(ar -> {
      if (ar.succeeded()) {
        ready = true;
        replicaWaits.reached(committed);
        reindexAll();
        publishReloaded(publishedUpTo, tentative);
        drain();
      } else {
        LOG.warn("reload of {} failed ({}); retrying", conferenceId, ar.cause().getMessage());
        Pending p;
        while ((p = queue.poll()) != null) {
          p.promise().tryComplete(new Outcome.Failed("STORE_UNAVAILABLE",
              "the event store is unavailable; nothing was saved, try again"));
        }
        vertx.setTimer(1_000, t -> reload(publishedUpTo, tentative));
      }
    });
    before.clear();
  }

  /**
   * A failed append may have committed all the same (only the store's answer was lost): the reload finds those events
   * in the log, and the clients, who were sent events up to {@code publishedUpTo}, must get them too, or their feeds
   * would have a gap. The failed round's own entries give back who submitted each (kept in memory only, see Entry).
   */
  private void publishReloaded(long publishedUpTo, List<Entry> tentative) {
    Map<Long, Entry> mine = new HashMap<>();
    for (Entry e : tentative) mine.put(e.seq(), e);
    List<Entry> late = new ArrayList<>();
    for (Entry e : ring) {
      if (e.seq() <= publishedUpTo) continue;
      Entry t = mine.get(e.seq());
      boolean same = t != null && java.util.Objects.equals(t.recorded().commandId(), e.recorded().commandId());
      late.add(same ? new Entry(e.recorded(), e.frame(), e.audience(), t.submitter()) : e);
    }
    if (late.isEmpty()) return;
    LOG.info("conference {}: {} event(s) committed despite a failed append; publishing them", conferenceId, late.size());
    publish(late);
    tallies.noteAll(late);
    cluster.committed(conferenceId, committed);
  }

  /** Whether a snapshot is taken now: due, and the flow paused or the log grew too far past the last one. */
  static boolean snapshotDue(long sinceLastSnapshot, long quietMs) {
    if (sinceLastSnapshot < SNAPSHOT_EVERY) return false;
    return quietMs >= SNAPSHOT_QUIET_MS || sinceLastSnapshot >= SNAPSHOT_AT_MOST;
  }

  /**
   * The state is copied here, on the writer (immutable records), and encoded and saved on a worker thread: encoding a
   * conference of 15,000 participants and ballots is megabytes of JSON that the event loop should not spend its time
   * on, and one snapshot at a time is enough.
   */
  private void maybeSnapshot(Instant now) {
    if (!leader || snapshotInFlight) return;
    if (!snapshotDue(committed - lastSnapshot, System.currentTimeMillis() - lastCommitMs)) return;
    long at = committed;
    vn.hoinghi.domain.ConferenceSnapshot copy = conference.snapshot();
    lastSnapshot = at;
    snapshotInFlight = true;
    vertx.executeBlocking(() -> Codec.encode(copy), false)
        .compose(json -> store.saveSnapshot(new Snapshot(conferenceId, at, json, now)))
        .onComplete(ar -> {
          snapshotInFlight = false;
          if (ar.failed()) LOG.warn("snapshot of {} at {} not saved: {}", conferenceId, at, ar.cause().getMessage());
        });
  }

  private void deadlineTick() {
    if (!ready || stopping || !leader) return;
    Instant now = clock.instant();
    var info = conference.info();
    if (info != null && info.status() == vn.hoinghi.domain.ConferenceStatus.FEEDBACK_OPEN
        && info.feedbackDeadline() != null && !now.isBefore(info.feedbackDeadline())) {
      submit(new CommandEnvelope("system-close-" + committed, vn.hoinghi.domain.Actor.system(),
          new vn.hoinghi.domain.Command.CloseConference()), null);
    }
  }

  // ------------------------------------------------------------------------------------------- reads

  /** Runs a read of the state on the writer's context (REST queries, tests). */
  public <T> Future<T> query(Function<Conference, T> read) {
    Promise<T> p = Promise.promise();
    ctx.runOnContext(v -> {
      try {
        p.tryComplete(read.apply(conference));
      } catch (RuntimeException e) {
        p.tryFail(e);
      }
    });
    return p.future();
  }

  /** A read that also needs who is connected (on any node, as last shared): attendance. */
  public <T> Future<T> queryWithPresence(java.util.function.BiFunction<Conference, java.util.function.Predicate<String>, T> read) {
    return query(c -> read.apply(c, presence::onlineAnywhere));
  }

  /**
   * A read that, when its answer is not {@code settled} (a participant not found, say), catches up with the log's end
   * first on a follower and reads again: someone who joined through another node a moment ago is not refused here,
   * while the usual answer costs no trip to the store.
   */
  public <T> Future<T> queryFresh(Function<Conference, T> read, java.util.function.Predicate<T> settled) {
    return query(read).compose(r -> settled.test(r) ? Future.succeededFuture(r) : caughtUp().compose(v -> query(read)));
  }

  /** The last committed sequence; read on the writer's context. */
  public Future<Long> committedSeq() {
    return query(c -> committed);
  }

  Instant now() {
    return clock.instant();
  }

  Conference state() {
    return conference;
  }

  long committed() {
    return committed;
  }

  // ------------------------------------------------------------------------------------------- fan-out

  /**
   * Starts following the conference. {@code resumeAfter}: the last sequence the client saw (the
   * "upTo" of its last frame), or null for a fresh start. The client first gets exactly the events
   * after it that it may see (from the recent window), or a snapshot when it is too far behind,
   * then the live feed, with nothing lost or doubled in between.
   */
  public void attach(Subscriber s, Long resumeAfter) {
    ctx.runOnContext(v -> {
      if (!subscribers.add(s)) return;
      index(s);
      List<Buffer> catchUp;
      try {
        catchUp = catchUp(s.viewer(), resumeAfter);
        catchUp.addAll(tallies.currentFrames(s));
      } catch (RuntimeException e) {
        LOG.error("cannot catch {} up on {}", s.viewer(), conferenceId, e);
        throw e;
      }
      LocalFeed feed = feeds.computeIfAbsent(s.context(), LocalFeed::new);
      presence.connected(s.viewer(), conference);
      s.context().runOnContext(x -> feed.add(s, catchUp));
    });
  }

  public void detach(Subscriber s) {
    ctx.runOnContext(v -> {
      if (!subscribers.remove(s)) return;
      unindex(s);
      presence.disconnected(s.viewer(), conference);
      LocalFeed feed = feeds.get(s.context());
      if (feed != null) s.context().runOnContext(x -> feed.remove(s));
    });
  }

  List<Buffer> catchUp(Viewer viewer, Long resumeAfter) {
    List<Buffer> out = new ArrayList<>();
    long oldest = ring.isEmpty() ? committed + 1 : ring.peekFirst().seq();
    boolean fromWindow = resumeAfter != null && resumeAfter >= 0 && resumeAfter <= committed
        && resumeAfter >= oldest - 1;
    if (!fromWindow) {
      out.add(snapshots.encode(committed, now(), conference.viewFor(viewer, now())));
      return out;
    }
    List<String> batch = new ArrayList<>();
    long upTo = resumeAfter;
    for (Entry e : ring) {
      if (e.seq() <= resumeAfter) continue;
      upTo = e.seq();
      if (visible(e, viewer)) batch.add(e.frame());
      if (batch.size() == Frames.EVENTS_PER_FRAME) {
        out.add(Frames.events(upTo, batch));
        batch = new ArrayList<>();
      }
    }
    // Always end with a frame that says how far the client is caught up, even with nothing new.
    out.add(Frames.events(committed, batch));
    return out;
  }

  /**
   * Judged now, not at commit: the audience of an annotation's text follows its current visibility, so a client
   * resuming from before a hide or a delete must not get the text again (docs/domain.md, "Visibility").
   */
  private boolean visible(Entry e, Viewer viewer) {
    Audience a = conference.audienceOf(e.recorded().event());
    return a instanceof Audience.Everyone || conference.admits(a, viewer);
  }

  /** Hands committed events to each event loop's feed, encoded once per distinct audience subsequence. */
  private void publish(List<Entry> entries) {
    if (subscribers.isEmpty() || entries.isEmpty()) return;
    long upTo = entries.get(entries.size() - 1).seq();
    List<String> everyone = new ArrayList<>();
    Map<Subscriber, List<String>> special = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (e.audience() instanceof Audience.Everyone) {
        everyone.add(e.frame());
        for (List<String> own : special.values()) own.add(e.frame());
        continue;
      }
      for (Subscriber s : targets(e)) {
        special.computeIfAbsent(s, k -> new ArrayList<>(everyone)).add(e.frame());
      }
    }
    if (entries.stream().anyMatch(e -> isRosterChange(e.recorded().event()) || endsSessions(e.recorded().event()))) {
      revokeRemoved(entries);
      reindexAll();
    }
    Buffer everyoneFrame = everyone.isEmpty() ? null : Frames.events(upTo, everyone);
    Map<Context, Map<Subscriber, Buffer>> specialByContext = new HashMap<>();
    Map<List<String>, Buffer> encoded = new HashMap<>();
    for (Map.Entry<Subscriber, List<String>> s : special.entrySet()) {
      Buffer b = encoded.computeIfAbsent(s.getValue(), l -> Frames.events(upTo, l));
      specialByContext.computeIfAbsent(s.getKey().context(), c -> new HashMap<>()).put(s.getKey(), b);
    }
    for (LocalFeed feed : feeds.values()) {
      Map<Subscriber, Buffer> own = specialByContext.getOrDefault(feed.context, Map.of());
      if (everyoneFrame == null && own.isEmpty()) continue;
      feed.context.runOnContext(v -> feed.publish(everyoneFrame, own));
    }
  }

  /** A removed participant's open connections are closed (4003): otherwise the public feed would go on reaching them. */
  private void revokeRemoved(List<Entry> entries) {
    for (Entry e : entries) {
      Event ev = e.recorded().event();
      if (ev instanceof Event.ParticipantRemoved r) {
        for (Subscriber s : List.copyOf(byParticipant.getOrDefault(r.participantId(), Set.of()))) {
          s.context().runOnContext(v -> s.revoked());
        }
      }
      // One person, one session: a sign-in on another device (or sessions ended by a host) closes the earlier ones.
      String pid = ev instanceof Event.SessionStarted st ? st.participantId()
          : ev instanceof Event.SessionsEnded se ? se.participantId() : null;
      if (pid != null) {
        int current = ev instanceof Event.SessionStarted st ? st.session() : ((Event.SessionsEnded) ev).session();
        for (Subscriber s : List.copyOf(byParticipant.getOrDefault(pid, Set.of()))) {
          if (s.session() < current) s.context().runOnContext(v -> s.sessionEnded(current));
        }
      }
    }
  }

  /** The attached subscribers that may see a non-public event. */
  private Set<Subscriber> targets(Entry e) {
    Audience a = e.audience();
    Set<Subscriber> out = new LinkedHashSet<>();
    if (a instanceof Audience.Participant p) {
      out.addAll(byParticipant.getOrDefault(p.participantId(), Set.of()));
    } else if (a instanceof Audience.ParticipantAndModerators p) {
      out.addAll(byParticipant.getOrDefault(p.participantId(), Set.of()));
      out.addAll(moderators);
    } else if (a instanceof Audience.Voter) {
      // Only the voter's own connections: the submitter is known live; check with the sealer to be sure.
      if (e.submitter() != null) {
        for (Subscriber s : byParticipant.getOrDefault(e.submitter(), Set.of())) {
          if (conference.admits(a, s.viewer())) out.add(s);
        }
      }
    } else if (a instanceof Audience.Moderators) {
      out.addAll(moderators);
    } else {
      for (Subscriber s : subscribers) {
        if (conference.admits(a, s.viewer())) out.add(s);
      }
    }
    return out;
  }

  /** A sign-in on another device or EndSessions: the earlier sessions' sockets are closed (4009) in revokeRemoved. */
  private static boolean endsSessions(Event ev) {
    return ev instanceof Event.SessionStarted || ev instanceof Event.SessionsEnded;
  }

  private static boolean isRosterChange(Event ev) {
    return ev instanceof Event.ParticipantUpdated || ev instanceof Event.ParticipantRemoved
        || ev instanceof Event.ParticipantRegistered || ev instanceof Event.DelegatesListed;
  }

  private void index(Subscriber s) {
    String pid = s.viewer().participantId();
    if (pid != null) byParticipant.computeIfAbsent(pid, k -> new LinkedHashSet<>()).add(s);
    if (conference.admits(Audience.MODERATORS, s.viewer())) moderators.add(s);
  }

  private void unindex(Subscriber s) {
    String pid = s.viewer().participantId();
    if (pid != null) {
      Set<Subscriber> set = byParticipant.get(pid);
      if (set != null) {
        set.remove(s);
        if (set.isEmpty()) byParticipant.remove(pid);
      }
    }
    moderators.remove(s);
  }

  private void reindexAll() {
    moderators.clear();
    byParticipant.clear();
    subscribers.forEach(this::index);
  }

  /** Sends a frame to every subscriber, or a different one to the moderators. */
  void broadcast(Buffer toEveryone, Buffer toModerators) {
    Set<Subscriber> mods = Set.copyOf(moderators);
    for (LocalFeed feed : feeds.values()) {
      feed.context.runOnContext(v -> feed.publishTo(mods, toModerators, toEveryone));
    }
  }

  Set<Subscriber> moderators() {
    return moderators;
  }

  int subscriberCount() {
    return subscribers.size();
  }

  private long lastPublicPresence;

  /**
   * Moderators and hosts get presence each second it changed. Everyone else gets the summary less often as the
   * audience grows (every N/3,000 s, at least each second): in a national conference connections come and go all
   * the time, and a summary per second to tens of thousands of clients would cost more than it tells them.
   */
  private long sharedPresenceVersion = -1;
  private long lastPresenceShare;
  private long lastPresenceRead;

  /** With several nodes: share this node's counts when they changed (and every 5 s), read the others' every 5 s. */
  private void sharePresence() {
    if (!cluster.shared()) return;
    long now = System.currentTimeMillis();
    if (presence.localVersion() != sharedPresenceVersion || now - lastPresenceShare >= 5_000) {
      sharedPresenceVersion = presence.localVersion();
      lastPresenceShare = now;
      cluster.publishPresence(conferenceId, presence.localPayload());
    }
    if (now - lastPresenceRead >= 5_000) readRemotePresence();
  }

  /** Another node's presence changed (or it is time to look): read the fresh rows. */
  public void readRemotePresence() {
    lastPresenceRead = System.currentTimeMillis();
    cluster.remotePresence(conferenceId).onSuccess(rows -> ctx.runOnContext(v -> presence.setRemote(rows)));
  }

  private void presenceTick() {
    sharePresence();
    if (!presence.dirty() || subscribers.isEmpty()) return;
    long nowMs = System.currentTimeMillis();
    boolean toEveryone = nowMs - lastPublicPresence >= Math.max(PRESENCE_INTERVAL_MS, subscribers.size() / 3L);
    if (toEveryone) lastPublicPresence = nowMs;
    Presence.Frames f = presence.frames(conference, now());
    Map<Context, Map<Subscriber, Buffer>> special = new HashMap<>();
    for (Subscriber s : subscribers) {
      Buffer own = null;
      if (moderators.contains(s)) {
        own = f.moderators();
      } else if (s.viewer().participantId() != null) {
        vn.hoinghi.domain.Participant p = conference.participant(s.viewer().participantId()).orElse(null);
        if (p != null && p.has(vn.hoinghi.domain.Role.HOST)) own = f.hostsByEndpoint().get(p.endpointId());
      }
      if (own != null) special.computeIfAbsent(s.context(), c -> new HashMap<>()).put(s, own);
    }
    Buffer everyone = toEveryone ? f.everyone() : null;
    for (LocalFeed feed : feeds.values()) {
      Map<Subscriber, Buffer> own = special.getOrDefault(feed.context, Map.of());
      if (everyone == null && own.isEmpty()) continue;
      feed.context.runOnContext(v -> feed.publish(everyone, own));
    }
    if (!toEveryone) presence.markDirty();
  }
}
