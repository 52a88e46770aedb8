package vn.hoinghi.gateway;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.hoinghi.auth.Accounts;
import vn.hoinghi.auth.Throttle;
import vn.hoinghi.auth.Tokens;
import vn.hoinghi.live.Conferences;

/**
 * Shared by every HTTP verticle: accepts WebSockets on /ws, keeps the sessions of each event loop
 * and sweeps them for heartbeats there, and closes them all with "going away" at shutdown.
 */
public final class Gateway {
  /** Per-connection inbound rate by default: a sustained 10 messages a second with bursts of 30. */
  static final double MESSAGES_PER_SECOND = 10;
  static final double MESSAGE_BURST = 30;
  /** The rate in force (config keys ws.rate.per.second and ws.rate.burst; tests raise it to fuzz at volume). */
  private volatile double messagesPerSecond = MESSAGES_PER_SECOND;
  private volatile double messageBurst = MESSAGE_BURST;
  /**
   * Heartbeats. Hosts and moderators (whose loss the chair must see within 10 s: a hall's presence) are pinged
   * after 3 s of silence and closed after 8 s; everyone else after 20 s and 45 s, so tens of thousands of delegates
   * do not cost thousands of pings a second. Dead direct links are also found by the kernel's TCP keepalive in the
   * same two regimes ({@link KeepAlive}: about 8 s and 45 s, no frames at all); app pings cover proxies that keep
   * their side of the socket open.
   */
  static final long PING_INTERVAL_MS = 3_000;
  static final long HEARTBEAT_TIMEOUT_MS = 8_000;
  static final long RELAXED_PING_INTERVAL_MS = 20_000;
  static final long RELAXED_HEARTBEAT_TIMEOUT_MS = 45_000;
  static final long SWEEP_MS = 1_000;
  /** The subprotocol clients may offer, optionally with a second one "bearer.TOKEN". */
  public static final String SUBPROTOCOL = "hoinghi.v1";
  /** Largest WebSocket frame and message from a client: commands are small; drafts go over REST. */
  public static final int MAX_WS_MESSAGE = 64 * 1024;

  private final Vertx vertx;
  private final Tokens tokens;
  private final Conferences conferences;
  private final Accounts accounts;
  private final Throttle throttle;
  private final AuthEdge auth = new AuthEdge(this);
  private final GatewayMetrics metrics;
  private final Map<Context, Set<ClientSession>> sessions = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  private final io.vertx.core.buffer.Buffer serverFrame;

  public Gateway(Vertx vertx, Tokens tokens, Conferences conferences, Accounts accounts, Throttle throttle,
                 GatewayMetrics metrics, String version, String storeKind) {
    this.serverFrame = io.vertx.core.buffer.Buffer.buffer(vn.hoinghi.wire.Codec.encodeBytes(
        new vn.hoinghi.wire.ServerMessage.ServerGreeting("hoinghi", version, storeKind, SUBPROTOCOL)));
    this.vertx = vertx;
    this.tokens = tokens;
    this.conferences = conferences;
    this.accounts = accounts;
    this.throttle = throttle;
    this.metrics = metrics;
  }

  /** Sets the per-connection inbound rate for connections opened from now on. */
  public void rateLimit(double perSecond, double burst) {
    this.messagesPerSecond = perSecond;
    this.messageBurst = burst;
  }

  double messagesPerSecond() { return messagesPerSecond; }
  double messageBurst() { return messageBurst; }

  Vertx vertx() { return vertx; }
  /** The first frame on every connection: who answers, before any authentication. */
  io.vertx.core.buffer.Buffer serverFrame() { return serverFrame; }
  public Tokens tokens() { return tokens; }
  public Conferences conferences() { return conferences; }
  public Accounts accounts() { return accounts; }
  public Throttle throttle() { return throttle; }
  /** The authentication edge every route and the WebSocket hello share. */
  public AuthEdge auth() { return auth; }
  GatewayMetrics metrics() { return metrics; }

  /** Accepts the handshake on /ws; a token may ride in the subprotocol header as "bearer.TOKEN". */
  public void handshake(ServerWebSocketHandshake hs) {
    if (stopping) {
      hs.reject(503);
      return;
    }
    if (!"/ws".equals(hs.path())) {
      hs.reject(404);
      return;
    }
    hs.accept();
  }

  public void connected(ServerWebSocket ws) {
    if (stopping) {
      ws.close(CloseCodes.GOING_AWAY, "server shutting down");
      return;
    }
    Context ctx = eventLoopOf(vertx.getOrCreateContext());
    KeepAlive.enable(ws);
    ClientSession s = new ClientSession(this, ws, ctx, bearerFromSubprotocol(ws.headers().get("Sec-WebSocket-Protocol")));
    Set<ClientSession> local = sessions.computeIfAbsent(ctx, c -> {
      Set<ClientSession> set = ConcurrentHashMap.newKeySet();
      long[] last = {System.currentTimeMillis()};
      vertx.setPeriodic(SWEEP_MS, t -> {
        long now = System.currentTimeMillis();
        // A sweep that comes late means this event loop is behind: pongs may sit unread in its sockets. Closing
        // "silent" clients then would punish them for our delay, so that round only pings.
        boolean lagging = now - last[0] > 2 * SWEEP_MS;
        last[0] = now;
        sweep(set, now, lagging);
      });
      return set;
    });
    local.add(s);
    metrics.sessionOpened();
    s.start();
  }

  /**
   * The event loop's own context. Vert.x runs each connection's handlers on a context duplicated for that connection;
   * keyed by it, the per-loop groups (this class's sweep, the conference's {@code LocalFeed}s, the grouped command
   * answers) would be one per connection — a timer, a map entry and a cross-thread task each — and would never be
   * removed. Everything done on the unwrapped context runs on the same thread as the connection's handlers.
   */
  static Context eventLoopOf(Context c) {
    return c instanceof io.vertx.core.internal.ContextInternal ci ? ci.unwrap() : c;
  }

  /** The event loops this node's WebSocket sessions are grouped by (diagnostics and tests): at most one per loop. */
  int loopGroups() {
    return sessions.size();
  }

  static String bearerFromSubprotocol(String header) {
    if (header == null) return null;
    for (String p : header.split(",")) {
      String t = p.trim();
      if (t.startsWith("bearer.") && t.length() > 7) return t.substring(7);
    }
    return null;
  }

  private void sweep(Set<ClientSession> local, long now, boolean lagging) {
    for (ClientSession s : local) s.heartbeat(now, lagging);
  }

  void removed(ClientSession s) {
    Set<ClientSession> local = sessions.get(s.context());
    if (local != null && local.remove(s)) metrics.sessionClosed();
  }

  public int sessionCount() {
    return metrics.sessions();
  }

  /** The sessions open on this node now (diagnostics and tests). */
  java.util.List<ClientSession> sessions() {
    java.util.List<ClientSession> all = new java.util.ArrayList<>();
    sessions.values().forEach(all::addAll);
    return all;
  }

  /**
   * Refuses new sockets (503) and closes the open ones with 1001, each on its own event loop. Completes when every one
   * of those connections has closed (its client answered the close frame, or the link dropped), or after
   * {@code boundMs}: until then the caller keeps the listener up, so the close handshakes can end.
   */
  public Future<Void> closeAll(long boundMs) {
    stopping = true;
    List<Future<Void>> all = new ArrayList<>();
    for (Map.Entry<Context, Set<ClientSession>> e : sessions.entrySet()) {
      Promise<Void> p = Promise.promise();
      e.getKey().runOnContext(v -> {
        List<Future<Void>> closed = new ArrayList<>();
        for (ClientSession s : List.copyOf(e.getValue())) closed.add(s.goAway());
        Future.join(closed).onComplete(x -> p.tryComplete());
      });
      all.add(p.future());
    }
    Promise<Void> done = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, boundMs), t -> done.tryComplete());
    Future.join(all).onComplete(x -> {
      vertx.cancelTimer(timer);
      done.tryComplete();
    });
    return done.future();
  }
}
