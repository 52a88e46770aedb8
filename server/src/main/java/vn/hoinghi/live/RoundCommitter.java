package vn.hoinghi.live;

import io.vertx.core.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.Decision;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.store.AppendConflict;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.store.NewEvent;
import vn.hoinghi.wire.Codec;

/**
 * Group commit. Commands queue here; a round decides the queued commands one by one against the latest state, applies
 * the accepted events tentatively (ids and later decisions depend on them), appends the whole round in one store call
 * with the expected sequence and, only after the commit, answers each command in order. A failed append answers the
 * round with an error (nothing acknowledged) and asks for a reload. An append unanswered for {@link #STORE_TIMEOUT_MS}
 * answers its round the same way ({@link #MAYBE_SAVED}), and new commands fail at once ({@link #NOT_ANSWERING}) until
 * the store answers. Used on the writer's context only; when a round may start is the coordinator's call.
 */
final class RoundCommitter {
  private static final Logger LOG = LoggerFactory.getLogger(RoundCommitter.class);
  /** Events per append; bounded below the store's batch limit. */
  static final int MAX_EVENTS_PER_ROUND = 900;
  /**
   * How long a command may wait for the store. A database that keeps connections open but never answers (a network
   * partition) would otherwise hold every command of the conference, unanswered, for as long as TCP takes to give up.
   */
  static final long STORE_TIMEOUT_MS = 5_000;
  static final String MAYBE_SAVED = "the event store did not answer in time; the command may or may not have been saved:"
      + " send it again with the same id";
  static final String NOT_ANSWERING = "the event store is not answering; nothing was saved, send the command again";
  static final String FAILED = "the event store failed; the command may not have been saved: send it again with the"
      + " same id";

  /** What happens after a round: the coordinator publishes, reloads, and starts the next round. */
  interface Rounds {
    /** The replica now holds the log up to {@code committed} (called just before the round's answers go out). */
    void reached(long committed);

    /** The round's events are in the log, its commands answered. */
    void committed(List<Entry> entries, Instant at);

    /** The round failed after its events were applied tentatively: the state must be rebuilt from the log. */
    void broken(List<Entry> tentative);

    /** A round ended without appending; the next may start. */
    void idle();
  }

  private final Replica replica;
  private final EventStore store;
  private final WriterClock clock;
  private final Rounds rounds;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean appending;
  /** The round being appended and when its append started: answered with an error if the store does not answer. */
  private List<Map.Entry<Pending, Outcome>> inFlight = List.of();
  private long appendStarted;
  /** An append outlived {@link #STORE_TIMEOUT_MS}: new commands fail at once until the store answers. */
  private boolean stalled;

  RoundCommitter(Replica replica, EventStore store, WriterClock clock, Rounds rounds) {
    this.replica = replica;
    this.store = store;
    this.clock = clock;
    this.rounds = rounds;
  }

  /** Queues a command (false: the store is stalled, the command was answered at once). */
  boolean enqueue(Pending p) {
    if (stalled) {
      p.promise().tryComplete(new Outcome.Failed("STORE_UNAVAILABLE", NOT_ANSWERING));
      return false;
    }
    queue.add(p);
    return true;
  }

  boolean stalled() {
    return stalled;
  }

  boolean appending() {
    return appending;
  }

  boolean hasQueued() {
    return !queue.isEmpty();
  }

  /** Takes every queued command out (a follower forwards them). */
  List<Pending> takeQueued() {
    List<Pending> out = new ArrayList<>(queue);
    queue.clear();
    return out;
  }

  /** Answers every queued command with {@code outcome}. */
  void failQueued(Outcome outcome) {
    for (Pending p : takeQueued()) p.promise().tryComplete(outcome);
  }

  /** Decides and appends one round of the queued commands; the caller checked that a round may start now. */
  void round() {
    if (appending || queue.isEmpty()) return;
    Conference conference = replica.state();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    long base = conference.version();
    List<NewEvent> toAppend = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    List<Map.Entry<Pending, Outcome>> answers = new ArrayList<>();
    while (!queue.isEmpty() && toAppend.size() < MAX_EVENTS_PER_ROUND) {
      Pending p = queue.poll();
      Decision d;
      try {
        d = conference.decide(p.envelope(), now);
      } catch (RuntimeException e) {
        LOG.error("decide failed for {} on {}", Codec.typeOf(p.envelope().command()), replica.conferenceId(), e);
        p.promise().tryComplete(new Outcome.Failed("INTERNAL", "the server could not handle this command"));
        continue;
      }
      if (d instanceof Decision.Rejected r) {
        p.promise().tryComplete(new Outcome.Refused(r.rejection()));
      } else if (d instanceof Decision.AlreadyApplied a) {
        Outcome o = new Outcome.Acked(a.firstSeq(), a.lastSeq(), true, List.of());
        if (a.lastSeq() <= replica.committed()) p.promise().tryComplete(o);
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
            entries.add(new Entry(re, Frames.event(re, DraftFrames.data(conference, re, json)),
                conference.views().audienceOf(ev), p.submitter()));
          }
        } catch (RuntimeException e) {
          // The state may be half-changed: answer this round as failed and reload from the log.
          LOG.error("apply failed on {}", replica.conferenceId(), e);
          p.promise().tryComplete(new Outcome.Failed("INTERNAL", "the server could not apply this command"));
          failRound(answers, "INTERNAL", "the server could not apply this command");
          rounds.broken(List.of());
          return;
        }
        answers.add(Map.entry(p, new Outcome.Acked(first, conference.version(), false, acc.events())));
      }
    }
    if (toAppend.isEmpty()) {
      answers.forEach(a -> a.getKey().promise().tryComplete(a.getValue()));
      rounds.idle();
      return;
    }
    append(base, toAppend, entries, answers, now);
  }

  private void append(long base, List<NewEvent> toAppend, List<Entry> entries,
      List<Map.Entry<Pending, Outcome>> answers, Instant now) {
    appending = true;
    inFlight = answers;
    appendStarted = clock.ticks();
    store.append(replica.conferenceId(), base, toAppend).onComplete(ar -> {
      appending = false;
      inFlight = List.of();
      if (stalled) {
        LOG.info("the store answered the stalled append on {} ({})", replica.conferenceId(),
            ar.succeeded() ? "committed" : "failed");
      }
      stalled = false;
      if (ar.succeeded()) {
        replica.committedRound(entries);
        rounds.reached(replica.committed());
        answer(answers);
        rounds.committed(entries, now);
        rounds.idle();
        return;
      }
      Throwable cause = ar.cause();
      if (cause instanceof AppendConflict) {
        LOG.warn("conference {} moved on under this writer ({}); reloading", replica.conferenceId(), cause.getMessage());
        failRound(answers, Failures.STORE_CONFLICT.code(), Failures.STORE_CONFLICT.message());
      } else {
        LOG.warn("append failed on {}: {}", replica.conferenceId(), cause.getMessage());
        // The commit may have happened with only its answer lost: the client must resend with the same id.
        failRound(answers, "STORE_UNAVAILABLE", FAILED);
      }
      rounds.broken(entries);
    });
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

  private void failRound(List<Map.Entry<Pending, Outcome>> answers, String code, String message) {
    for (Map.Entry<Pending, Outcome> a : answers) {
      Outcome o = a.getValue();
      // A duplicate of something already committed stays a success.
      if (o instanceof Outcome.Acked ack && ack.duplicate() && ack.lastSeq() <= replica.committed()) {
        a.getKey().promise().tryComplete(o);
      } else {
        a.getKey().promise().tryComplete(new Outcome.Failed(code, message));
      }
    }
  }

  /**
   * Bounds every wait on the store: the round in flight is answered once its append has taken too long (its commit is
   * then unknown: the answer says so, and a resend with the same id is applied once), and so is anything queued
   * behind it, or queued too long while the state cannot be read ({@code loaded} false: a reload that fails).
   */
  void stallTick(boolean loaded) {
    long now = clock.ticks();
    if (appending && now - appendStarted >= STORE_TIMEOUT_MS) {
      if (!stalled) {
        LOG.warn("append on {} unanswered for {} ms; failing commands until the store answers", replica.conferenceId(),
            now - appendStarted);
      }
      stalled = true;
      failRound(inFlight, "STORE_UNAVAILABLE", MAYBE_SAVED);
    }
    // A queue that is merely long (a vote burst on a busy machine) is not a stuck store: while appends come back,
    // queued commands wait their turn. Only a stalled append or a reload that cannot read the log fails them.
    while (!queue.isEmpty() && (stalled || (!loaded && now - queue.peek().queuedAt() >= STORE_TIMEOUT_MS))) {
      queue.poll().promise().tryComplete(new Outcome.Failed("STORE_UNAVAILABLE", NOT_ANSWERING));
    }
  }
}
