package vn.hoinghi.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import vn.hoinghi.auth.AuthError;
import vn.hoinghi.auth.Tokens;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.domain.Role;
import vn.hoinghi.domain.Viewer;
import vn.hoinghi.live.ConferenceWriter;
import vn.hoinghi.live.Conferences;
import vn.hoinghi.live.Subscriber;
import vn.hoinghi.wire.Codec;
import vn.hoinghi.wire.ServerMessage;
import vn.hoinghi.wire.WireError;

/**
 * One WebSocket connection. States: waiting for {@code hello} (bounded in time), authenticating, live (following one
 * conference, sending commands), closed. Runs on the connection's event loop; its feed frames arrive there too. See
 * docs/protocol.md. Its parts: the socket ({@link SessionSocket}), the first checks of every message
 * ({@link InboundCheck}, {@link HelloRequest}), the heartbeat, the congestion window and the token's expiry.
 */
public final class ClientSession implements Subscriber {
  private static final Pattern COMMAND_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  static final long HELLO_TIMEOUT_MS = 10_000;
  static final int ABUSE_LIMIT = 100;
  static final int RATE_VIOLATION_LIMIT = 200;

  private enum State { AWAIT_HELLO, AUTHENTICATING, LIVE, CLOSED }

  private final Gateway gateway;
  private final SessionSocket socket;
  private final Context context;
  private final String headerToken;
  private final RateLimiter limiter;
  private final Heartbeat heartbeat;
  private final CongestionWindow congestion = new CongestionWindow();
  private final TokenExpiry expiry;
  private State state = State.AWAIT_HELLO;
  private Viewer viewer;
  private Actor actor;
  private String participantId;
  /** The participant's session the token was issued for. */
  private int session;
  private ConferenceWriter writer;
  private int abuse;
  private int rateViolations;
  private long helloTimer = -1;

  ClientSession(Gateway gateway, ServerWebSocket ws, Context context, String headerToken) {
    this.gateway = gateway;
    this.socket = new SessionSocket(ws);
    this.context = context;
    this.headerToken = headerToken;
    this.limiter = new RateLimiter(gateway.messagesPerSecond(), gateway.messageBurst(), System.nanoTime());
    this.heartbeat = new Heartbeat(System.currentTimeMillis());
    this.expiry = new TokenExpiry(gateway.vertx(), () -> {
      if (state == State.LIVE) close(CloseCodes.TOKEN_EXPIRED, "token expired");
    });
  }

  /** The participant behind this session once the hello was accepted (null before, and for the organizer). */
  String participantId() {
    return participantId;
  }

  /** The connection's TCP keepalive timings now; null where they cannot be read. */
  KeepAlive.Timings keepAlive() {
    Channel ch = socket.channel();
    return ch == null ? null : KeepAlive.read(ch);
  }

  void start() {
    socket.start(context, new WsTransport.Listener() {
      @Override public void onText(String text) { ClientSession.this.onText(text); }
      @Override public void onBinary() { onBinaryMessage(); }
      @Override public void onPong() { heartbeat.heard(System.currentTimeMillis()); }
      @Override public void onTooBig() { tooBig(); }
      @Override public void onInvalidText() { close(CloseCodes.INVALID_DATA, "text message is not valid UTF-8"); }
      @Override public void onClosed() { ClientSession.this.onClosed(); }
    }, gateway.serverFrame());
    helloTimer = gateway.vertx().setTimer(HELLO_TIMEOUT_MS, t -> {
      if (state == State.AWAIT_HELLO || state == State.AUTHENTICATING) close(CloseCodes.AUTH_REQUIRED, "authentication required");
    });
  }

  private void onBinaryMessage() {
    heartbeat.heard(System.currentTimeMillis());
    send(Replies.errorMessage(null, "UNSUPPORTED", null));
    noteAbuse();
  }

  private void tooBig() {
    close(CloseCodes.TOO_BIG, "message too big (max " + Gateway.MAX_WS_MESSAGE + " bytes)");
  }

  // ------------------------------------------------------------------------------------ Subscriber

  @Override
  public Context context() {
    return context;
  }

  @Override
  public Viewer viewer() {
    return viewer;
  }

  /**
   * Writes a feed frame. The frame goes straight to the Netty channel on its own event loop (one frame object, one
   * flush, no per-message queue in Vert.x); replies (acks, errors) still take Vert.x's path. A client that stays
   * congested ({@link CongestionWindow}) is closed with 4008: it never stalls the others and its memory stays bounded.
   */
  @Override
  public void deliver(Buffer frame) {
    // A socket can close before its session hears of it; a fan-out must never stop on it.
    if (state == State.CLOSED || socket.isClosed() || congested(System.currentTimeMillis(), 1)) return;
    socket.sendFrame(frame);
    gateway.metrics().framesOut();
  }

  /** The same, with the frame already encoded for the wire and shared by every connection of this event loop. */
  @Override
  public void deliver(Buffer frame, ByteBuf wire) {
    if (wire == null || !socket.takesWire()) {
      deliver(frame);
      return;
    }
    if (state == State.CLOSED || socket.isClosed() || congested(System.currentTimeMillis(), 1)) return;
    // Past the WebSocket encoder: the bytes are already a complete frame.
    socket.sendWire(wire);
    gateway.metrics().framesOut();
  }

  /** True when the client was closed for staying congested too long ({@code frames} more added now). */
  private boolean congested(long now, int frames) {
    if (!congestion.tooSlow(socket.full(), now, frames)) return false;
    gateway.metrics().slowClosed();
    close(CloseCodes.TOO_SLOW, "client too slow; reconnect and resume");
    return true;
  }

  // ------------------------------------------------------------------------------------ inbound

  private void onText(String text) {
    heartbeat.heard(System.currentTimeMillis());
    if (state == State.CLOSED) return;
    if (!limiter.tryAcquire(System.nanoTime())) {
      // A rate-limited message is not parsed; its id is not echoed.
      if (++rateViolations > RATE_VIOLATION_LIMIT) close(CloseCodes.RATE_LIMIT, "too many messages");
      else send(Replies.errorMessage(null, "RATE_LIMITED", null));
      return;
    }
    JsonNode msg;
    try {
      msg = InboundCheck.message(text);
    } catch (WireError e) {
      refuse(null, e);
      return;
    }
    switch (msg.get("type").asText()) {
      case "hello" -> onHello(msg);
      case "command" -> onCommand(msg);
      case "ping" -> onPing(msg);
      default -> onToken(msg);
    }
  }

  /** Answers a malformed message with its error and counts it towards the abuse limit. */
  private void refuse(String id, WireError e) {
    send(Replies.errorMessage(id, e.code(), e.getMessage()));
    noteAbuse();
  }

  private void onHello(JsonNode msg) {
    if (state != State.AWAIT_HELLO) {
      send(Replies.errorMessage(null, "ALREADY_AUTHENTICATED", null));
      return;
    }
    HelloRequest hello;
    try {
      hello = HelloRequest.read(msg, headerToken);
    } catch (WireError e) {
      refuse(null, e);
      return;
    }
    state = State.AUTHENTICATING;
    gateway.auth().token(hello.token()).onComplete(ar -> {
      if (state == State.CLOSED) return;
      if (ar.failed()) {
        refuseHello("INVALID_TOKEN", ar.cause().getMessage());
        return;
      }
      Tokens.Claims c = ar.result();
      String conferenceId = c.kind() == Tokens.Kind.PARTICIPANT && hello.conferenceId() == null ? c.conferenceId()
          : hello.conferenceId();
      if (conferenceId == null) {
        // A malformed hello like any other: the connection stays, and a corrected hello may follow within the 10 s.
        state = State.AWAIT_HELLO;
        refuse(null, new WireError("INVALID_MESSAGE", "an organizer hello names the conferenceId"));
        return;
      }
      // The same membership check as every REST route's (AuthEdge): token for this conference, active, session current.
      gateway.auth().member(c, conferenceId).onComplete(m -> {
        if (state == State.CLOSED) return;
        if (m.succeeded()) {
          admit(m.result(), hello.resumeAfter());
        } else if (m.cause() instanceof Conferences.NoSuchConference) {
          send(Replies.errorMessage(null, "NOT_FOUND", m.cause().getMessage()));
          close(CloseCodes.NOT_FOUND, "no such conference");
        } else if (m.cause() instanceof AuthError e && e.code().equals("SESSION_ENDED")) {
          send(Replies.errorMessage(null, "SESSION_ENDED", null));
          close(CloseCodes.SESSION_ENDED, "signed in elsewhere");
        } else if (m.cause() instanceof AuthError e) {
          refuseHello(e.code(), e.getMessage());
        } else {
          // The conference could not be loaded (the store failed): nothing refused, the hello may be sent again.
          state = State.AWAIT_HELLO;
          send(Replies.errorMessage(null, "STORE_UNAVAILABLE", "the conference cannot be loaded now; send the hello again"));
        }
      });
    });
  }

  private void refuseHello(String code, String detail) {
    send(Replies.errorMessage(null, code, detail));
    close(code.equals("FORBIDDEN") ? CloseCodes.FORBIDDEN : CloseCodes.AUTH_REQUIRED, "authentication failed");
  }

  /** Starts the feed for a caller the authentication edge admitted. */
  private void admit(AuthEdge.Caller caller, Long resumeAfter) {
    Tokens.Claims c = caller.claims();
    ConferenceWriter w = caller.writer();
    Participant p = caller.participant();
    boolean organizer = caller.organizer();
    session = c.session();
    writer = w;
    participantId = organizer ? null : p.id();
    viewer = organizer ? Viewer.organizerConsole() : Viewer.participant(p.id());
    actor = organizer ? Actor.organizer(c.subject()) : Actor.participant(p.id());
    expiry.until(c.expiresAt());
    heartbeat.watchClosely(organizer || p.moderator() || p.has(Role.HOST));
    Channel ch = heartbeat.watchedClosely() ? socket.channel() : null;
    if (ch != null) KeepAlive.fast(ch);
    state = State.LIVE;
    gateway.vertx().cancelTimer(helloTimer);
    ServerMessage.Welcomed who = p == null ? null
        : new ServerMessage.Welcomed(p.id(), p.displayName(), p.endpointId());
    List<Role> roles = p == null ? List.of()
        : p.roles().stream().sorted(Comparator.comparing(Role::name)).toList();
    send(new ServerMessage.WelcomeMessage(w.conferenceId(), organizer, Instant.now(),
        Instant.ofEpochSecond(c.expiresAt()), who, roles));
    w.attach(this, resumeAfter);
  }

  private void onCommand(JsonNode msg) {
    JsonNode idNode = msg.get("id");
    String id = idNode != null && idNode.isTextual() && COMMAND_ID.matcher(idNode.asText()).matches() ? idNode.asText() : null;
    if (state != State.LIVE) {
      send(Replies.errorMessage(id, "NOT_AUTHENTICATED", null));
      return;
    }
    String problem = InboundCheck.onlyFields(msg, "type", "id", "command");
    if (problem == null && id == null) problem = "command id must be 1–64 characters of A-Z a-z 0-9 . _ : -";
    if (problem == null && !msg.path("command").isObject()) problem = "\"command\" must be an object";
    if (problem != null) {
      refuse(id, new WireError("INVALID_MESSAGE", problem));
      return;
    }
    Command command;
    try {
      JsonNode body = msg.get("command");
      String commandType = body.path("type").isTextual() ? body.get("type").asText() : null;
      command = ServerChosen.fill(Codec.decodeCommand(commandType, body));
    } catch (WireError e) {
      refuse(id, e);
      return;
    }
    gateway.metrics().commandIn();
    writer.submit(new CommandEnvelope(id, actor, command), participantId).onComplete(ar -> {
      send(ar.succeeded() ? Replies.outcomeMessage(id, ar.result()) : Replies.errorMessage(id, "INTERNAL", null));
    });
  }

  private void onPing(JsonNode msg) {
    JsonNode t = msg.get("t");
    // A t beyond a double (1e400) reads as Infinity, which JSON cannot carry as a number: it is not echoed.
    boolean echo = t != null && t.isNumber() && Double.isFinite(t.asDouble());
    send(new ServerMessage.PongMessage(Instant.now(), echo ? t.asDouble() : null));
  }

  /** A fresh access token for the same subject keeps a long-lived connection open past expiry. */
  private void onToken(JsonNode msg) {
    if (state != State.LIVE) {
      send(Replies.errorMessage(null, "NOT_AUTHENTICATED", null));
      return;
    }
    String token = msg.path("token").isTextual() ? msg.get("token").asText() : null;
    gateway.auth().token(token).onComplete(ar -> {
      if (state != State.LIVE) return;
      boolean same = ar.succeeded() && ar.result().subject().equals(actor.id())
          && (ar.result().kind() == Tokens.Kind.ORGANIZER || writer.conferenceId().equals(ar.result().conferenceId()));
      if (!same) {
        send(Replies.errorMessage(null, "INVALID_TOKEN", "the token is invalid or for someone else"));
        return;
      }
      expiry.until(ar.result().expiresAt());
      send(new ServerMessage.TokenAcceptedMessage(Instant.ofEpochSecond(ar.result().expiresAt())));
    });
  }

  private void noteAbuse() {
    if (++abuse > ABUSE_LIMIT) close(CloseCodes.POLICY, "too many invalid messages");
  }

  // ------------------------------------------------------------------------------------ replies, heartbeat, close

  /** A reply to this connection only (acks, errors, pong…), encoded here. */
  void send(ServerMessage m) {
    if (state == State.CLOSED || socket.isClosed()) return;
    socket.sendText(Codec.encode(m));
  }

  /** Called by the heartbeat sweep on this session's context. */
  void heartbeat(long nowMs, boolean lagging) {
    if (state == State.CLOSED) return;
    if (!lagging && !socket.isClosed() && congested(nowMs, 0)) return;
    switch (heartbeat.at(nowMs, lagging)) {
      case TIMED_OUT -> close(CloseCodes.HEARTBEAT_TIMEOUT, "no answer to ping");
      case PING -> socket.ping();
      case NONE -> { }
    }
  }

  void close(short code, String reason) {
    if (state == State.CLOSED) return;
    onClosed();
    socket.close(code, reason);
  }

  /** Closes with 1001 (shutdown); completes once the connection is closed: the close handshake ended, or the link. */
  Future<Void> goAway() {
    Channel ch = socket.channel();
    close(CloseCodes.GOING_AWAY, "server shutting down");
    if (ch == null) return Future.succeededFuture();
    Promise<Void> closed = Promise.promise();
    ch.closeFuture().addListener(f -> closed.tryComplete());
    return closed.future();
  }

  @Override
  public void revoked() {
    close(CloseCodes.FORBIDDEN, "removed from the conference");
  }

  @Override
  public void unavailable() {
    close(CloseCodes.GOING_AWAY, "conference unavailable, reconnect");
  }

  @Override
  public int session() {
    return session;
  }

  @Override
  public void sessionEnded(int current) {
    if (current <= session) return;
    send(Replies.errorMessage(null, "SESSION_ENDED", null));
    close(CloseCodes.SESSION_ENDED, "signed in elsewhere");
  }

  private void onClosed() {
    if (state == State.CLOSED) return;
    boolean wasLive = state == State.LIVE;
    state = State.CLOSED;
    if (helloTimer >= 0) gateway.vertx().cancelTimer(helloTimer);
    expiry.cancel();
    if (wasLive) writer.detach(this);
    gateway.removed(this);
  }
}
