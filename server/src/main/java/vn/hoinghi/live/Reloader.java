package vn.hoinghi.live;

import io.vertx.core.Vertx;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a writer's state from the log after a failed round, retrying once a second while the store is down, and
 * publishes what the failed append committed all the same. Used on the writer's context only.
 */
final class Reloader {
  private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);
  static final long RETRY_MS = 1_000;

  /** The writer's side of a reload: it stops deciding while one is under way and resumes after. */
  interface Host {
    void reloading();

    void reloaded();

    /** Entries the clients have not been sent yet (committed by a failed append): published like any commit. */
    void publishLate(List<Entry> late);
  }

  private final String conferenceId;
  private final Replica replica;
  private final SnapshotTaker snapshots;
  private final LogFollower follower;
  private final Fanout fanout;
  private final RoundCommitter committer;
  private final Host host;

  Reloader(String conferenceId, Replica replica, SnapshotTaker snapshots, LogFollower follower, Fanout fanout,
      RoundCommitter committer, Host host) {
    this.conferenceId = conferenceId;
    this.replica = replica;
    this.snapshots = snapshots;
    this.follower = follower;
    this.fanout = fanout;
    this.committer = committer;
    this.host = host;
  }

  /** Reloads; the clients were sent events up to {@code publishedUpTo}, the failed round held {@code tentative}. */
  void reload(Vertx vertx, long publishedUpTo, List<Entry> tentative) {
    host.reloading();
    replica.load().onComplete(ar -> {
      if (ar.succeeded()) {
        snapshots.loaded();
        follower.reached(replica.committed());
        fanout.reindexAll();
        publishReloaded(publishedUpTo, tentative);
        host.reloaded();
      } else {
        LOG.warn("reload of {} failed ({}); retrying", conferenceId, ar.cause().getMessage());
        committer.failQueued(new Outcome.Failed("STORE_UNAVAILABLE",
            "the event store is unavailable; nothing was saved, try again"));
        vertx.setTimer(RETRY_MS, t -> reload(vertx, publishedUpTo, tentative));
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
    host.publishLate(late);
  }
}
