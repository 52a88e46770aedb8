package vn.hoinghi.cluster;

import vn.hoinghi.live.Cluster;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgChannel;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.live.Outcome;

/**
 * The cluster on PostgreSQL.
 *
 * <ul>
 *   <li><b>Writer</b>: a session-level advisory lock per conference, held on one dedicated connection per node. When
 *       the node dies its connection closes, PostgreSQL frees the locks, and another node's periodic attempt wins.
 *       Appends stay optimistic (expected sequence), so even a writer that has not yet noticed the loss of its lock
 *       can never write a gap or overwrite: it gets a conflict and reloads.</li>
 *   <li><b>Fan-out</b>: after each commit the writer sends {@code NOTIFY hoinghi_events 'conference seq'}; the other
 *       nodes read the new events from the log (so order and completeness come from the log, not from the
 *       notification) and publish them to their own connections.</li>
 *   <li><b>Commands</b>: {@link PgForwarding} — a follower inserts commands into {@code command_inbox} in batches
 *       and notifies; the writer node takes the rows, decides them, writes the outcomes to {@code command_outbox} in
 *       batches and notifies the origin node.</li>
 * </ul>
 */
public final class PgCluster implements Cluster {
  private static final Logger LOG = LoggerFactory.getLogger(PgCluster.class);
  static final String EVENTS = "hoinghi_events";
  static final String INBOX = "hoinghi_inbox";
  static final String OUTBOX = "hoinghi_outbox";
  static final String PRESENCE = "hoinghi_presence";

  private final Vertx vertx;
  private final PgConnectOptions options;
  private final Pool pool;
  private final String nodeId = "node-" + UUID.randomUUID().toString().substring(0, 8);
  private final PgSubscriber subscriber;
  private final PgChannel events;
  private final PgChannel inbox;
  private final PgChannel outbox;
  private final PgChannel presence;
  private final List<Consumer<String>> presenceHandlers = new CopyOnWriteArrayList<>();
  private final List<BiConsumer<String, Long>> committedHandlers = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> lostHandlers = new CopyOnWriteArrayList<>();
  private final Map<String, Inbox> leading = new ConcurrentHashMap<>();
  private final PgForwarding forwarding;
  private Future<PgConnection> lockConnection;
  /** The database session of the lock connection, and of the one lost before it (still holding our locks?). */
  private record Session(int pid, java.time.OffsetDateTime started) {}
  private volatile Session lockSession;
  private volatile Session staleSession;
  private volatile boolean closed;

  private PgCluster(Vertx vertx, PgConnectOptions options, Pool pool) {
    this.vertx = vertx;
    this.options = options;
    this.pool = pool;
    this.subscriber = PgSubscriber.subscriber(vertx, new PgConnectOptions(options));
    subscriber.reconnectPolicy(retries -> closed ? -1L : 1_000L);
    this.events = subscriber.channel(EVENTS);
    this.inbox = subscriber.channel(INBOX);
    this.outbox = subscriber.channel(OUTBOX);
    this.presence = subscriber.channel(PRESENCE);
    this.forwarding = new PgForwarding(vertx, pool, nodeId, leading::get);
  }

  /** Connects the notification listener; call once at start-up. */
  public static Future<PgCluster> start(Vertx vertx, PgConnectOptions options, Pool pool) {
    PgCluster c = new PgCluster(vertx, options, pool);
    c.events.handler(c::onEvents);
    // After a (re)subscription notifications may have been missed: every follower re-reads the log.
    c.events.subscribeHandler(v -> c.committedHandlers.forEach(h -> h.accept(null, -1L)));
    c.inbox.handler(c.forwarding::onInbox);
    c.inbox.subscribeHandler(v -> c.leading.keySet().forEach(c.forwarding::drainInbox));
    c.outbox.handler(c.forwarding::onOutbox);
    c.outbox.subscribeHandler(v -> c.forwarding.drainOutbox());
    c.presence.handler(payload -> {
      int sp = payload.indexOf(' ');
      if (sp > 0 && !payload.substring(0, sp).equals(c.nodeId)) {
        String conference = payload.substring(sp + 1);
        c.presenceHandlers.forEach(h -> h.accept(conference));
      }
    });
    return c.subscriber.connect().map(c);
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  // ------------------------------------------------------------------------------------------- writer lock

  private synchronized Future<PgConnection> lockConnection() {
    if (lockConnection == null || lockConnection.failed()) {
      lockConnection = PgConnection.connect(vertx, new PgConnectOptions(options)).compose(conn -> {
        conn.closeHandler(v -> onLockConnectionLost());
        return endStaleSession(conn)
            .compose(v -> conn.query("SELECT pid, backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()")
                .execute())
            .map(rs -> {
              Row r = rs.iterator().next();
              lockSession = new Session(r.getInteger(0), r.getOffsetDateTime(1));
              return conn;
            })
            .otherwise(conn);
      });
    }
    return lockConnection;
  }

  /**
   * This node saw its lock connection die, but PostgreSQL may not have: until it notices (on a cut link, as late as
   * its TCP keep-alive), the dead session keeps this node's locks and the node cannot write its own conferences
   * again. The session is certainly ours and unused, so end it (only that one: same pid and start time).
   */
  private Future<Void> endStaleSession(PgConnection conn) {
    Session stale = staleSession;
    if (stale == null) return Future.succeededFuture();
    return conn.preparedQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = $1 AND backend_start = $2")
        .execute(Tuple.of(stale.pid(), stale.started()))
        .onSuccess(rs -> {
          staleSession = null;
          if (rs.iterator().hasNext() && Boolean.TRUE.equals(rs.iterator().next().getBoolean(0))) {
            LOG.info("ended this node's former lock session (pid {}), which PostgreSQL still kept", stale.pid());
          }
        })
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  private void onLockConnectionLost() {
    synchronized (this) {
      lockConnection = null;
      if (lockSession != null) staleSession = lockSession;
      lockSession = null;
    }
    if (closed) return;
    List<String> lost = new ArrayList<>(leading.keySet());
    leading.clear();
    LOG.warn("lost the lock connection: no longer writing {}", lost);
    for (String c : lost) lostHandlers.forEach(h -> h.accept(c));
  }

  /**
   * The advisory lock's name: advisory locks are per database, so the schema is part of it — two deployments (or
   * test runs) in different schemas of one database each have their own writer for a conference of the same id.
   */
  private String lockName(String conferenceId) {
    return options.getProperties().getOrDefault("search_path", "") + "/" + conferenceId;
  }

  @Override
  public Future<Boolean> tryLead(String conferenceId, Inbox handler) {
    if (closed) return Future.succeededFuture(false);
    if (leading.containsKey(conferenceId)) return Future.succeededFuture(true);
    return lockConnection()
        .compose(conn -> conn.preparedQuery("SELECT pg_try_advisory_lock(hashtextextended($1, 7))")
            .execute(Tuple.of(lockName(conferenceId))))
        .map(rs -> rs.iterator().next().getBoolean(0))
        .onSuccess(won -> {
          if (won) {
            leading.put(conferenceId, handler);
            LOG.info("{} writes conference {}", nodeId, conferenceId);
            forwarding.drainInbox(conferenceId);
          }
        })
        .otherwise(e -> {
          LOG.debug("lock attempt failed: {}", e.getMessage());
          return false;
        });
  }

  @Override
  public Future<Void> release(String conferenceId) {
    if (leading.remove(conferenceId) == null || lockConnection == null) return Future.succeededFuture();
    return lockConnection.compose(conn -> conn.preparedQuery("SELECT pg_advisory_unlock(hashtextextended($1, 7))")
        .execute(Tuple.of(lockName(conferenceId)))).<Void>mapEmpty().otherwiseEmpty();
  }

  @Override
  public void onLeadershipLost(Consumer<String> handler) {
    lostHandlers.add(handler);
  }

  // ------------------------------------------------------------------------------------------- fan-out

  @Override
  public void committed(String conferenceId, long seq) {
    notify(EVENTS, conferenceId + " " + seq);
  }

  @Override
  public void onCommitted(BiConsumer<String, Long> handler) {
    committedHandlers.add(handler);
  }

  private void onEvents(String payload) {
    int sp = payload.indexOf(' ');
    if (sp < 0) return;
    String conference = payload.substring(0, sp);
    if (leading.containsKey(conference)) return; // our own commit
    long seq;
    try {
      seq = Long.parseLong(payload.substring(sp + 1));
    } catch (NumberFormatException e) {
      return;
    }
    committedHandlers.forEach(h -> h.accept(conference, seq));
  }

  private void notify(String channel, String payload) {
    pool.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(channel, payload))
        .onFailure(e -> LOG.warn("NOTIFY {} failed: {}", channel, e.getMessage()));
  }

  // ------------------------------------------------------------------------------------------- forwarding

  @Override
  public Future<Outcome> forward(String conferenceId, CommandEnvelope env, String submitter) {
    return forwarding.forward(conferenceId, env, submitter);
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public void publishPresence(String conferenceId, String payload) {
    pool.preparedQuery("INSERT INTO presence(node_id, conference_id, payload, updated_at) VALUES ($1, $2, $3::text::json, now()) "
            + "ON CONFLICT (node_id, conference_id) DO UPDATE SET payload = EXCLUDED.payload, updated_at = now()")
        .execute(Tuple.of(nodeId, conferenceId, payload))
        .onSuccess(v -> notify(PRESENCE, nodeId + " " + conferenceId))
        .onFailure(e -> LOG.debug("presence not shared: {}", e.getMessage()));
  }

  @Override
  public Future<Map<String, String>> remotePresence(String conferenceId) {
    return pool.preparedQuery("SELECT node_id, payload::text FROM presence WHERE conference_id = $1 AND node_id <> $2 "
            + "AND updated_at > now() - interval '15 seconds'")
        .execute(Tuple.of(conferenceId, nodeId))
        .map(rs -> {
          Map<String, String> out = new java.util.HashMap<>();
          for (Row r : rs) out.put(r.getString(0), r.getString(1));
          return out;
        });
  }

  @Override
  public void onPresence(Consumer<String> handler) {
    presenceHandlers.add(handler);
  }

  @Override
  public Future<Void> close() {
    closed = true;
    forwarding.close();
    pool.preparedQuery("DELETE FROM presence WHERE node_id = $1").execute(Tuple.of(nodeId));
    Future<Void> lock = lockConnection == null ? Future.succeededFuture()
        : lockConnection.compose(PgConnection::close).otherwiseEmpty();
    return Future.join(lock, subscriber.close()).mapEmpty();
  }
}
