package vn.hoinghi.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.domain.ConferenceSnapshot;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.store.Snapshot;
import vn.hoinghi.wire.Codec;

/**
 * Saves a snapshot of the state once {@link #SNAPSHOT_EVERY} events have passed and commits pause for
 * {@link #SNAPSHOT_QUIET_MS} (after at most {@link #SNAPSHOT_AT_MOST} events whatever the flow). The state is copied on
 * the writer (immutable records), and encoded and saved on a worker thread: encoding a conference of 15,000
 * participants and ballots is megabytes of JSON the writer should not spend its time on; one snapshot at a time. A
 * conference unloaded as idle saves one of what it holds ({@link #takeNow}), so that loading it again is quick.
 * Used on the writer's context only.
 */
final class SnapshotTaker {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotTaker.class);
  static final int SNAPSHOT_EVERY = 5_000;
  /**
   * A snapshot that is due waits for a pause this long in the flow of commits (a vote burst is no time to copy and
   * encode a whole conference), but never beyond {@link #SNAPSHOT_AT_MOST} events.
   */
  static final long SNAPSHOT_QUIET_MS = 1_000;
  static final int SNAPSHOT_AT_MOST = 20_000;

  private final Replica replica;
  private final EventStore store;
  private final WriterClock clock;
  private long lastSnapshot;
  private boolean inFlight;
  private long lastCommit = WriterClock.NEVER;

  SnapshotTaker(Replica replica, EventStore store, WriterClock clock) {
    this.replica = replica;
    this.store = store;
    this.clock = clock;
  }

  /** Whether a snapshot is taken now: due, and the flow paused or the log grew too far past the last one. */
  static boolean snapshotDue(long sinceLastSnapshot, long quietMs) {
    if (sinceLastSnapshot < SNAPSHOT_EVERY) return false;
    return quietMs >= SNAPSHOT_QUIET_MS || sinceLastSnapshot >= SNAPSHOT_AT_MOST;
  }

  /** The state was (re)loaded from the latest snapshot and the log: count from that snapshot. */
  void loaded() {
    lastSnapshot = replica.loadedFrom();
  }

  /** A round committed. */
  void committed() {
    lastCommit = clock.ticks();
  }

  /** A snapshot is being encoded or saved. */
  boolean inFlight() {
    return inFlight;
  }

  /** Takes a snapshot if one is due; {@code at}: the timestamp it is saved with. */
  void maybeTake(Vertx vertx, Instant at) {
    if (inFlight) return;
    if (!snapshotDue(replica.committed() - lastSnapshot, clock.ticks() - lastCommit)) return;
    take(vertx, at);
  }

  /**
   * Saves a snapshot of the state now unless the latest one already holds it; completes once saved. A failure is
   * logged, not passed on: the log holds everything, the snapshot only shortens the next load.
   */
  Future<Void> takeNow(Vertx vertx, Instant at) {
    if (inFlight || replica.committed() <= lastSnapshot) return Future.succeededFuture();
    return take(vertx, at);
  }

  private Future<Void> take(Vertx vertx, Instant at) {
    long seq = replica.committed();
    ConferenceSnapshot copy = replica.state().snapshot();
    lastSnapshot = seq;
    inFlight = true;
    return vertx.executeBlocking(() -> Codec.encode(copy), false)
        .compose(json -> store.saveSnapshot(new Snapshot(replica.conferenceId(), seq, json, at)))
        .onComplete(ar -> {
          inFlight = false;
          if (ar.failed()) LOG.warn("snapshot of {} at {} not saved: {}", replica.conferenceId(), seq, ar.cause().getMessage());
        })
        .otherwiseEmpty();
  }
}
