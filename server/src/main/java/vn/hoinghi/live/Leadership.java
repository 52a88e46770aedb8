package vn.hoinghi.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.domain.CommandEnvelope;

/**
 * Who writes the conference: this node (it holds the conference's lock in the {@link Cluster}) or another one, to
 * which this node forwards its clients' commands. A follower tries once a second to take over and wins when the
 * writer's node is gone; a writer that loses the lock steps down. A command forwarded to a writer that moved before
 * deciding it (it stepped down, or was unloaded as idle) is sent again, to this node if it writes by then. Used on the
 * writer's context only.
 */
final class Leadership {
  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);
  static final long RETRY_MS = 1_000;
  /** How often a forwarded command answered WRITER_MOVED (nothing saved) is sent again, and after how long. */
  static final int MAX_RESENDS = 3;
  static final long RESEND_MS = 250;

  /** What changes with the role. */
  interface Roles {
    /** This node now writes: it must first read the log to its end (the former writer may have committed more). */
    void tookOver();

    /** This node no longer writes: answer what waits ({@link Failures#WRITER_MOVED}). */
    void steppedDown();

    /** Waits (bounded) for this node's replica to reach {@code seq}. */
    Future<Void> replicaAt(long seq);

    /** Queues a command to be decided here: this node writes. */
    void decideHere(CommandEnvelope envelope, String submitter, Promise<Outcome> promise, Context replyTo);
  }

  private final String conferenceId;
  private final Cluster cluster;
  private final Cluster.Inbox inbox = this::decideForwarded;
  private final Roles roles;
  /** Commands handed to the writer's node and not answered yet. */
  private final AtomicInteger forwarding = new AtomicInteger();
  private Vertx vertx;
  private Context ctx;
  private boolean leader;
  private boolean stopping;
  private long timer = -1;
  /** The last attempt to take the lock over: {@link #release} waits for it, it may win after {@link #stop}. */
  private volatile Future<Boolean> attempt = Future.succeededFuture(false);

  Leadership(String conferenceId, Cluster cluster, Roles roles) {
    this.conferenceId = conferenceId;
    this.cluster = cluster;
    this.roles = roles;
  }

  boolean leads() {
    return leader;
  }

  /** Whether commands of this node's clients are on their way to the writer's node. */
  boolean forwarding() {
    return forwarding.get() > 0;
  }

  /** First attempt at start (on the writer's context); a follower then keeps trying. */
  Future<Boolean> start(Vertx vertx) {
    this.vertx = vertx;
    this.ctx = vertx.getOrCreateContext();
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
      attempt = cluster.tryLead(conferenceId, inbox).onSuccess(won -> {
        if (!won || leader || stopping) return;
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

  /** The writer stops (the node stops, or the conference is unloaded): no more attempts to take over. */
  void stop() {
    stopping = true;
    if (timer >= 0) vertx.cancelTimer(timer);
    timer = -1;
  }

  /** Gives the lock up (after {@link #stop} and the last round), also when an attempt still under way wins it. */
  Future<Void> release() {
    return attempt.transform(ar -> cluster.release(conferenceId));
  }

  /**
   * Hands a command to the writer's node. An ack is answered once this replica holds its events, so that whatever the
   * caller reads next on this node shows them; it is delivered on the caller's event loop ({@code replyTo}) if any.
   */
  void forward(Pending p) {
    forwarding.incrementAndGet();
    p.promise().future().onComplete(x -> forwarding.decrementAndGet());
    send(p, 0);
  }

  private void send(Pending p, int resends) {
    cluster.forward(conferenceId, p.envelope(), p.submitter()).onComplete(ar -> {
      Outcome o = ar.succeeded() ? ar.result() : Failures.NO_WRITER;
      if (o instanceof Outcome.Failed f && f.code().equals(Failures.WRITER_MOVED.code()) && resends < MAX_RESENDS) {
        // Not decided there, nothing saved: the lock is changing hands, maybe to this node. Send it again.
        vertx.setTimer(RESEND_MS, t -> ctx.runOnContext(v -> {
          if (stopping) p.promise().tryComplete(Failures.STOPPING);
          else if (leader) roles.decideHere(p.envelope(), p.submitter(), p.promise(), p.replyTo());
          else send(p, resends + 1);
        }));
        return;
      }
      if (!(o instanceof Outcome.Acked a)) {
        p.promise().tryComplete(o);
        return;
      }
      roles.replicaAt(a.lastSeq()).onComplete(x -> {
        if (p.replyTo() == null) p.promise().tryComplete(o);
        else p.replyTo().runOnContext(y -> p.promise().tryComplete(o));
      });
    });
  }

  /** Forwards queued commands (queued before this node learned it is not the writer). */
  void forwardAll(Iterable<Pending> pending) {
    for (Pending p : pending) forward(p);
  }

  /**
   * A command another node forwarded: decided here while this node writes; otherwise (the lock moved, or this writer
   * stops or is being unloaded) answered {@link Failures#WRITER_MOVED} undecided, and the other node sends it again.
   */
  private Future<Outcome> decideForwarded(CommandEnvelope envelope, String submitter) {
    Promise<Outcome> promise = Promise.promise();
    ctx.runOnContext(v -> {
      if (stopping || !leader) promise.tryComplete(Failures.WRITER_MOVED);
      else roles.decideHere(envelope, submitter, promise, null);
    });
    return promise.future();
  }

}
