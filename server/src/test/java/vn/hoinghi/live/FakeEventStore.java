package vn.hoinghi.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import vn.hoinghi.store.AppendConflict;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.store.NewEvent;
import vn.hoinghi.store.Snapshot;
import vn.hoinghi.store.StoreUnavailable;
import vn.hoinghi.store.StoredEvent;

/**
 * An in-memory {@link EventStore} for the writer's parts, with the faults a test needs: appends that wait for the
 * test ({@link #holdAppends}), that never get an answer, or that fail after committing all the same (a lost answer).
 * Every answer is delivered on the caller's context, as the real stores do. Thread-safe: the writer's context calls
 * it, the test thread inspects it.
 */
final class FakeEventStore implements EventStore {
  private final Map<String, List<StoredEvent>> logs = new HashMap<>();
  private final Map<String, Snapshot> snapshots = new HashMap<>();
  /** Sizes of the append calls, in order. */
  private final List<Integer> appendSizes = new ArrayList<>();
  /** The afterSeq of every read, in order. */
  private final List<Long> reads = new ArrayList<>();
  private int snapshotLoads;
  private boolean hold;
  private boolean silent;
  private boolean loseNextAnswer;
  private final List<Runnable> held = new ArrayList<>();
  private final List<Runnable> unanswered = new ArrayList<>();
  private boolean holdSnapshots;
  private final List<Runnable> heldSnapshots = new ArrayList<>();
  private int snapshotSaves;

  /** Snapshot saves wait until {@link #releaseSnapshots}. */
  synchronized void holdSnapshots() {
    holdSnapshots = true;
  }

  /** Saves and answers the held snapshots; later ones are saved at once. */
  void releaseSnapshots() {
    synchronized (this) {
      holdSnapshots = false;
    }
    runAll(heldSnapshots);
  }

  /** Takes the held actions out of {@code held} and runs them, outside the lock. */
  private void runAll(List<Runnable> held) {
    List<Runnable> run;
    synchronized (this) {
      run = new ArrayList<>(held);
      held.clear();
    }
    run.forEach(Runnable::run);
  }

  /** Snapshot saves asked for so far (held ones included). */
  synchronized int snapshotSaves() {
    return snapshotSaves;
  }

  synchronized Optional<Snapshot> snapshot(String conferenceId) {
    return Optional.ofNullable(snapshots.get(conferenceId));
  }

  /** Appends wait until {@link #release}. */
  synchronized void holdAppends() {
    hold = true;
  }

  /** Commits the held appends in the order they came, and answers them; later appends go through at once. */
  void release() {
    answerHeld(false);
  }

  /** Commits and answers the appends held so far; {@code keepHolding}: later ones wait too. */
  void answerHeld(boolean keepHolding) {
    synchronized (this) {
      hold = keepHolding;
    }
    runAll(held);
  }

  /** Appends are never answered (a database that keeps the connection open and says nothing). */
  synchronized void neverAnswer() {
    silent = true;
  }

  /** The next append commits but answers with a failure, as when the connection drops after the commit. */
  synchronized void loseNextAnswer() {
    loseNextAnswer = true;
  }

  /** The silent store comes back: the appends it never answered commit now and are answered; later ones at once. */
  void answerAgain() {
    synchronized (this) {
      silent = false;
    }
    runAll(unanswered);
  }

  synchronized List<Integer> appendSizes() {
    return List.copyOf(appendSizes);
  }

  synchronized List<Long> reads() {
    return List.copyOf(reads);
  }

  synchronized int snapshotLoads() {
    return snapshotLoads;
  }

  synchronized List<StoredEvent> log(String conferenceId) {
    return List.copyOf(logs.getOrDefault(conferenceId, List.of()));
  }

  /** Writes directly, as another node would. */
  synchronized List<StoredEvent> appendNow(String conferenceId, long expectedLastSeq, List<NewEvent> events) {
    List<StoredEvent> log = logs.computeIfAbsent(conferenceId, k -> new ArrayList<>());
    if (log.size() != expectedLastSeq) throw new AppendConflict(conferenceId, expectedLastSeq, log.size());
    List<StoredEvent> out = new ArrayList<>();
    for (NewEvent e : events) {
      StoredEvent se = StoredEvent.of(conferenceId, log.size() + 1, e);
      log.add(se);
      out.add(se);
    }
    return out;
  }

  @Override
  public Future<List<StoredEvent>> append(String conferenceId, long expectedLastSeq, List<NewEvent> events) {
    Context caller = Vertx.currentContext();
    Promise<List<StoredEvent>> p = Promise.promise();
    Runnable commit = () -> {
      boolean lose;
      List<StoredEvent> out;
      synchronized (this) {
        lose = loseNextAnswer;
        loseNextAnswer = false;
        try {
          out = appendNow(conferenceId, expectedLastSeq, events);
        } catch (AppendConflict c) {
          answer(caller, () -> p.fail(c));
          return;
        }
      }
      if (lose) answer(caller, () -> p.fail(new StoreUnavailable("connection lost after the commit", null)));
      else answer(caller, () -> p.complete(out));
    };
    synchronized (this) {
      appendSizes.add(events.size());
      if (silent) {
        unanswered.add(commit);
        return p.future();
      }
      if (hold) {
        held.add(commit);
        return p.future();
      }
    }
    commit.run();
    return p.future();
  }

  private static void answer(Context caller, Runnable r) {
    if (caller == null) r.run();
    else caller.runOnContext(v -> r.run());
  }

  @Override
  public synchronized Future<List<StoredEvent>> read(String conferenceId, long afterSeq, int limit) {
    reads.add(afterSeq);
    List<StoredEvent> log = logs.getOrDefault(conferenceId, List.of());
    int from = (int) Math.min(afterSeq, log.size());
    return Future.succeededFuture(List.copyOf(log.subList(from, Math.min(log.size(), from + limit))));
  }

  @Override
  public synchronized Future<Long> latestSeq(String conferenceId) {
    return Future.succeededFuture((long) logs.getOrDefault(conferenceId, List.of()).size());
  }

  @Override
  public synchronized Future<List<String>> conferences() {
    return Future.succeededFuture(List.copyOf(new TreeSet<>(logs.keySet())));
  }

  @Override
  public synchronized Future<Void> saveSnapshot(Snapshot snapshot) {
    snapshotSaves++;
    Context caller = Vertx.currentContext();
    Promise<Void> p = Promise.promise();
    Runnable save = () -> {
      synchronized (this) {
        snapshots.put(snapshot.conferenceId(), snapshot);
      }
      answer(caller, p::complete);
    };
    if (holdSnapshots) heldSnapshots.add(save);
    else save.run();
    return p.future();
  }

  @Override
  public synchronized Future<Optional<Snapshot>> latestSnapshot(String conferenceId) {
    snapshotLoads++;
    return Future.succeededFuture(Optional.ofNullable(snapshots.get(conferenceId)));
  }

  @Override
  public Future<Void> ping() {
    return Future.succeededFuture();
  }

  @Override
  public String describe() {
    return "in-memory (test)";
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
