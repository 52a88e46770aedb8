package vn.hoinghi.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The append-only event log, one stream per conference. Every method is non-blocking; an
 * append's future completes only after the events are committed.
 */
public interface EventStore {

  /** Largest batch one append may carry; bounded so one command can never flood the log. */
  int MAX_BATCH = 1_000;

  /**
   * Appends {@code events} after {@code expectedLastSeq}: they get sequences
   * {@code expectedLastSeq+1 ...}. Fails with {@link AppendConflict} when the log's last sequence
   * is not {@code expectedLastSeq} (nothing written), with {@link StoreUnavailable} on I/O failure.
   *
   * @return the committed events with their sequence numbers
   */
  Future<List<StoredEvent>> append(String conferenceId, long expectedLastSeq, List<NewEvent> events);

  /** Up to {@code limit} events with {@code seq > afterSeq}, in sequence order. */
  Future<List<StoredEvent>> read(String conferenceId, long afterSeq, int limit);

  /** The last committed sequence of a conference, 0 when it has none. */
  Future<Long> latestSeq(String conferenceId);

  /** Ids of every conference that has at least one event, sorted. */
  Future<List<String>> conferences();

  /** Stores a snapshot; a later one replaces the earlier ones for replay. */
  Future<Void> saveSnapshot(Snapshot snapshot);

  /** The latest snapshot of a conference, if any. */
  Future<Optional<Snapshot>> latestSnapshot(String conferenceId);

  /** Succeeds when the store answers a trivial query; used by readiness checks. */
  Future<Void> ping();

  /** A short description for logs and status, never containing secrets. */
  String describe();

  /** Finishes pending appends, then releases connections. */
  Future<Void> close();
}
