package vn.hoinghi.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.domain.CommandEnvelope;

/**
 * Who writes the conference: this node (it holds the conference's lock in the {@link Cluster}) or another one, to
 * which this node forwards its clients' commands. A follower tries once a second to take over and wins when the
 * writer's node is gone; a writer that loses the lock steps down. Used on the writer's context only.
 */
final class Leadership {
  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);
  static final long RETRY_MS = 1_000;

  /** What changes with the role. */
  interface Roles {
    /** This node now writes: it must first read the log to its end (the former writer may have committed more). */
    void tookOver();

    /** This node no longer writes: answer what waits ({@link Failures#WRITER_MOVED}). */
    void steppedDown();

    /** Waits (bounded) for this node's replica to reach {@code seq}. */
    Future<Void> replicaAt(long seq);
  }

  private final String conferenceId;
  private final Cluster cluster;
  private final Cluster.Inbox inbox;
  private final Roles roles;
  private Vertx vertx;
  private boolean leader;
  private boolean stopping;
  private long timer = -1;

  Leadership(String conferenceId, Cluster cluster, Cluster.Inbox inbox, Roles roles) {
    this.conferenceId = conferenceId;
    this.cluster = cluster;
    this.inbox = inbox;
    this.roles = roles;
  }

  boolean leads() {
    return leader;
  }

  /** First attempt at start; a follower then keeps trying. */
  Future<Boolean> start(Vertx vertx) {
    this.vertx = vertx;
    return cluster.tryLead(conferenceId, inbox).onSuccess(won -> {
      leader = won;
      if (!won) watch();
    });
  }

  /** A follower tries, once a second, to take over the writing: it wins when the writer's node is gone. */
  private void watch() {
    if (timer >= 0 || stopping) return;
    timer = vertx.setPeriodic(RETRY_MS, t -> {
      if (leader || stopping) return;
      cluster.tryLead(conferenceId, inbox).onSuccess(won -> {
        if (!won || leader) return;
        vertx.cancelTimer(timer);
        timer = -1;
        leader = true;
        roles.tookOver();
      });
    });
  }

  /** This node lost the lock (its database connection dropped): stop writing, answer what waits, follow again. */
  void stepDown() {
    if (!leader) return;
    leader = false;
    LOG.info("no longer writing conference {}", conferenceId);
    roles.steppedDown();
    watch();
  }

  /** The node stops: no more attempts to take over. */
  void stop() {
    stopping = true;
    if (timer >= 0) vertx.cancelTimer(timer);
    timer = -1;
  }

  /** Gives the lock up (after {@link #stop} and the last round). */
  Future<Void> release() {
    return cluster.release(conferenceId);
  }

  /**
   * Hands a command to the writer's node. An ack is answered once this replica holds its events, so that whatever the
   * caller reads next on this node shows them; it is delivered on the caller's event loop ({@code replyTo}) if any.
   */
  void forward(CommandEnvelope envelope, String submitter, Promise<Outcome> promise, Context replyTo) {
    cluster.forward(conferenceId, envelope, submitter).onComplete(ar -> {
      Outcome o = ar.succeeded() ? ar.result() : Failures.NO_WRITER;
      if (!(o instanceof Outcome.Acked a)) {
        promise.tryComplete(o);
        return;
      }
      roles.replicaAt(a.lastSeq()).onComplete(x -> {
        if (replyTo == null) promise.tryComplete(o);
        else replyTo.runOnContext(y -> promise.tryComplete(o));
      });
    });
  }

  /** Forwards queued commands (queued before this node learned it is not the writer). */
  void forwardAll(Iterable<Pending> pending) {
    for (Pending p : pending) forward(p.envelope(), p.submitter(), p.promise(), p.replyTo());
  }

}
