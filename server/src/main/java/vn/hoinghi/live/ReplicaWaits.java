package vn.hoinghi.live;

import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Readers waiting for this node's replica of a conference to reach a sequence: a follower answers a forwarded
 * command, or a read, only once it has applied what the writer committed up to then (read-your-writes across nodes).
 * Each wait is bounded; past its deadline it is released all the same. Used on the writer's context only.
 */
final class ReplicaWaits {
  private record Waiter(long deadlineMs, Promise<Void> promise) {}

  private final TreeMap<Long, List<Waiter>> bySeq = new TreeMap<>();

  boolean isEmpty() {
    return bySeq.isEmpty();
  }

  void add(long seq, long deadlineMs, Promise<Void> promise) {
    bySeq.computeIfAbsent(seq, k -> new ArrayList<>()).add(new Waiter(deadlineMs, promise));
  }

  /** The replica has applied everything up to {@code committed}: releases whoever waited for that much. */
  void reached(long committed) {
    Map<Long, List<Waiter>> done = bySeq.headMap(committed, true);
    if (done.isEmpty()) return;
    List<Waiter> release = new ArrayList<>();
    done.values().forEach(release::addAll);
    done.clear();
    release.forEach(w -> w.promise().tryComplete());
  }

  /** Releases the waits past their deadline; returns how many. */
  int expire(long nowMs) {
    List<Waiter> release = new ArrayList<>();
    for (Iterator<List<Waiter>> it = bySeq.values().iterator(); it.hasNext(); ) {
      List<Waiter> list = it.next();
      list.removeIf(w -> {
        if (w.deadlineMs() > nowMs) return false;
        release.add(w);
        return true;
      });
      if (list.isEmpty()) it.remove();
    }
    release.forEach(w -> w.promise().tryComplete());
    return release.size();
  }

  /** Releases every wait (the node stops). */
  void releaseAll() {
    List<Waiter> release = new ArrayList<>();
    bySeq.values().forEach(release::addAll);
    bySeq.clear();
    release.forEach(w -> w.promise().tryComplete());
  }
}
