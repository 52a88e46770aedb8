package vn.hoinghi.live;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.store.EventStore;

/**
 * A replica reading the log that another node writes: told that the writer committed up to a sequence (or, with −1,
 * that notifications may have been missed), it reads the log from where the replica stands, page by page, applies and
 * hands the events on to publish, in order. A new writer uses it once to reach the end of the log before deciding.
 * Readers that need the replica to reach a sequence (read-your-writes across nodes) wait here, each at most
 * {@link #REPLICA_WAIT_MS}. Used on the writer's context only.
 */
final class LogFollower {
  private static final Logger LOG = LoggerFactory.getLogger(LogFollower.class);
  /**
   * How long a follower holds a forwarded command's answer, or a read, for its replica to reach the writer's commit
   * (read-your-writes across nodes); past it the answer goes out all the same.
   */
  static final long REPLICA_WAIT_MS = 3_000;
  static final long RETRY_MS = 1_000;
  /** Read to the end of the log, whatever this node's role. */
  static final long TO_THE_END = Long.MAX_VALUE;

  /** Where the events read go, and what happens once the replica has caught up. */
  interface Applied {
    void applied(List<Entry> entries);

    /** The read reached the end of the log for now; commands may be decided again. */
    void followed();

    /** Reading failed; ask again (with −1) later. */
    void retryLater(long delayMs);
  }

  private final Replica replica;
  private final EventStore store;
  private final WriterClock clock;
  private final Applied applied;
  private final ReplicaWaits waits = new ReplicaWaits();
  private boolean catchingUp;
  private boolean catchUpAgain;

  LogFollower(Replica replica, EventStore store, WriterClock clock, Applied applied) {
    this.replica = replica;
    this.store = store;
    this.clock = clock;
    this.applied = applied;
  }

  /** Reading the log, or readers waiting for the replica: the conference is not idle. */
  boolean busy() {
    return catchingUp || !waits.isEmpty();
  }

  /** A read of the log is under way: no command may be decided before it ends. */
  boolean catchingUp() {
    return catchingUp;
  }

  /**
   * Reads the log after the replica's position: when {@code seq} is past it (−1: maybe), or to the end of the log with
   * {@link #TO_THE_END}. A writer reads only to the end ({@code leads}: the log is its own otherwise).
   */
  void follow(long seq, boolean leads) {
    if (leads && !catchingUp && seq != TO_THE_END) return;
    if (seq >= 0 && seq <= replica.committed() && seq != TO_THE_END) return;
    if (catchingUp) {
      catchUpAgain = true;
      return;
    }
    catchingUp = true;
    readAhead();
  }

  private void readAhead() {
    store.read(replica.conferenceId(), replica.committed(), Replica.READ_PAGE).onComplete(ar -> {
      if (ar.failed()) {
        catchingUp = false;
        LOG.warn("cannot follow the log of {}: {}", replica.conferenceId(), ar.cause().getMessage());
        applied.retryLater(RETRY_MS);
        return;
      }
      List<Entry> entries = replica.applyPage(ar.result());
      applied.applied(entries);
      waits.reached(replica.committed());
      if (ar.result().size() == Replica.READ_PAGE || catchUpAgain) {
        catchUpAgain = false;
        readAhead();
      } else {
        catchingUp = false;
        applied.followed();
      }
    });
  }

  /**
   * Registers {@code p} to complete once the replica has applied the log up to {@code seq}: at once when it has
   * (returns false), else when it gets there or after {@link #REPLICA_WAIT_MS} at most (then all the same: the caller
   * answers from what it has). When it returns true, the caller should {@link #follow} to {@code seq}.
   */
  boolean await(long seq, Promise<Void> p) {
    if (replica.committed() >= seq) {
      p.complete();
      return false;
    }
    waits.add(seq, clock.ticks() + REPLICA_WAIT_MS, p);
    return true;
  }

  /** The log's end, as the store says now. */
  Future<Long> logEnd() {
    return store.latestSeq(replica.conferenceId());
  }

  /** The replica reached {@code committed} by other means (its own commit, a reload). */
  void reached(long committed) {
    waits.reached(committed);
  }

  /** Releases the waits past their deadline; returns how many. */
  int expire() {
    return waits.expire(clock.ticks());
  }

  /** Releases every wait (the node stops). */
  void releaseAll() {
    waits.releaseAll();
  }

}
