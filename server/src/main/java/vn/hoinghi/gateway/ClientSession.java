package vn.hoinghi.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import vn.hoinghi.wire.MessageValidator;
import vn.hoinghi.wire.ServerMessage;
import vn.hoinghi.wire.WireError;

/**
 * One WebSocket connection. States: waiting for {@code hello} (bounded in time), authenticating,
 * live (following one conference, sending commands), closed. Runs on the connection's event loop;
 * its feed frames arrive there too. See docs/protocol.md.
 */
public final class ClientSession implements Subscriber {
  private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
  private static final Pattern COMMAND_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  static final long HELLO_TIMEOUT_MS = 10_000;
  static final int ABUSE_LIMIT = 100;
  static final int RATE_VIOLATION_LIMIT = 200;
  static final int WRITE_QUEUE_BYTES = 1024 * 1024;
  static final long CONGESTION_MS = 10_000;
  static final int CONGESTION_FRAMES = 500;
  private long congestedSince;
  /** The socket as a bare Netty channel, taken over from Vert.x after the upgrade (null: Vert.x's WebSocket). */
  private WsTransport transport;
  private int framesWhileCongested;

  private enum State { AWAIT_HELLO, AUTHENTICATING, LIVE, CLOSED }

  private final Gateway gateway;
  /** Vert.x's WebSocket, kept only when its channel could not be taken over (then it carries the protocol). */
  private ServerWebSocket ws;
  private final Context context;
  private final String headerToken;
  private final RateLimiter limiter;
  private State state = State.AWAIT_HELLO;
  private Viewer viewer;
  private Actor actor;
  private String participantId;
  private ConferenceWriter writer;
  private long tokenExpiresAtMs;
  long lastInboundMs;
  private int abuse;
  private int rateViolations;
  private long helloTimer = -1;

  ClientSession(Gateway gateway, ServerWebSocket ws, Context context, String headerToken) {
    this.gateway = gateway;
    this.ws = ws;
    this.context = context;
    this.headerToken = headerToken;
    this.limiter = new RateLimiter(gateway.messagesPerSecond(), gateway.messageBurst(), System.nanoTime());
    this.lastInboundMs = System.currentTimeMillis();

  }

  /** The participant's session the token was issued for. */
  private int session;
  /** The participant behind this session once the hello was accepted (null before, and for the organizer). */
  String participantId() {
    return participantId;
  }

  /** The connection's TCP keepalive timings now; null where they cannot be read. */
  KeepAlive.Timings keepAlive() {
    io.netty.channel.Channel ch = nettyChannel();
    return ch == null ? null : KeepAlive.read(ch);
  }

  /** The connection's Netty channel, taken over or still inside Vert.x's WebSocket; null if neither exposes it. */
  private io.netty.channel.Channel nettyChannel() {
    if (transport != null) return transport.channel();
    return ws instanceof io.vertx.core.internal.http.WebSocketInternal wi ? wi.channelHandlerContext().channel() : null;
  }

  void start() {
    transport = WsTransport.adopt(ws, (io.vertx.core.internal.ContextInternal) context, new WsTransport.Listener() {
      @Override public void onText(String text) { ClientSession.this.onText(text); }
      @Override public void onBinary() { onBinaryMessage(); }
      @Override public void onPong() { lastInboundMs = System.currentTimeMillis(); }
      @Override public void onTooBig() { tooBig(); }
      @Override public void onInvalidText() { close(CloseCodes.INVALID_DATA, "text message is not valid UTF-8"); }
      @Override public void onClosed() { ClientSession.this.onClosed(); }
    });
    if (transport != null) {
      transport.channel().config().setWriteBufferWaterMark(
          new io.netty.channel.WriteBufferWaterMark(WRITE_QUEUE_BYTES / 2, WRITE_QUEUE_BYTES));
      transport.sendFrame(gateway.serverFrame());
      // Holding Vert.x's WebSocket would keep its connection objects (queues, upgrade request, headers) alive.
      ws = null;
    } else {
      // A Vert.x that does not expose the channel: the same protocol through its ServerWebSocket.
      ws.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
      ws.textMessageHandler(this::onText);
      ws.binaryMessageHandler(b -> onBinaryMessage());
      ws.pongHandler(b -> lastInboundMs = System.currentTimeMillis());
      ws.closeHandler(v -> onClosed());
      ws.exceptionHandler(this::onSocketError);
      ws.writeFrame(TextFrames.of(gateway.serverFrame()));
    }
    helloTimer = gateway.vertx().setTimer(HELLO_TIMEOUT_MS, t -> {
      if (state == State.AWAIT_HELLO || state == State.AUTHENTICATING) close(CloseCodes.AUTH_REQUIRED, "authentication required");
    });
  }

  private void onBinaryMessage() {
    lastInboundMs = System.currentTimeMillis();
    send(Replies.errorMessage(null, "UNSUPPORTED", null));
    noteAbuse();
  }

  private void tooBig() {
    close(CloseCodes.TOO_BIG, "message too big (max " + Gateway.MAX_WS_MESSAGE + " bytes)");
  }

  /** Vert.x reports an oversized message as an exception and drops it; the protocol closes with 1009. */
  private void onSocketError(Throwable e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("max message size") || m.contains("frame length") || e instanceof io.netty.handler.codec.TooLongFrameException) {
      tooBig();
    } else {
      LOG.debug("websocket error: {}", m);
    }
  }

  private boolean socketClosed() {
    return transport != null ? transport.isClosed() : ws.isClosed();
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
   * flush, no per-message queue in Vert.x); replies (acks, errors) still take Vert.x's path. A full outbound buffer
   * (over {@link #WRITE_QUEUE_BYTES}) alone is not fatal — a phone on a poor link may take seconds to drain a
   * snapshot — but a client that stays congested for {@link #CONGESTION_MS}, or while {@link #CONGESTION_FRAMES}
   * more frames pile up, is closed with 4008: it never stalls the others and its memory stays bounded. It resumes on
   * reconnect.
   */
  @Override
  public void deliver(Buffer frame) {
    // A socket can close before its session hears of it; a fan-out must never stop on it.
    if (state == State.CLOSED || socketClosed() || congested()) return;
    if (transport != null) transport.sendFrame(frame);
    else ws.writeFrame(TextFrames.of(frame));
    gateway.metrics().framesOut();
  }

  /** The same, with the frame already encoded for the wire and shared by every connection of this event loop. */
  @Override
  public void deliver(Buffer frame, io.netty.buffer.ByteBuf wire) {
    if (wire == null || transport == null) {
      deliver(frame);
      return;
    }
    if (state == State.CLOSED || socketClosed() || congested()) return;
    // Past the WebSocket encoder: the bytes are already a complete frame.
    transport.sendWire(wire);
    gateway.metrics().framesOut();
  }

  /** True when the client was closed for staying congested too long; otherwise tracks the congestion window. */
  private boolean congested() {
    return congested(System.currentTimeMillis(), 1);
  }

  /**
   * The congestion window, counted from the first time the outbound buffer was seen full: {@code frames} more frames
   * are being added to it now (0 from the heartbeat sweep, which closes a client that stays congested with nothing
   * more sent to it, so that its buffered bytes are not held until the next frame).
   */
  private boolean congested(long now, int frames) {
    boolean full = transport != null ? !transport.writable() : ws.writeQueueFull();
    if (!full) {
      congestedSince = 0;
      return false;
    }
    if (congestedSince == 0) {
      congestedSince = now;
      framesWhileCongested = 0;
    }
    framesWhileCongested += frames;
    if (framesWhileCongested > CONGESTION_FRAMES || now - congestedSince > CONGESTION_MS) {
      gateway.metrics().slowClosed();
      close(CloseCodes.TOO_SLOW, "client too slow; reconnect and resume");
      return true;
    }
    return false;
  }

  // ------------------------------------------------------------------------------------ inbound

  private void onText(String text) {
    lastInboundMs = System.currentTimeMillis();
    if (state == State.CLOSED) return;
    if (!limiter.tryAcquire(System.nanoTime())) {
      if (++rateViolations > RATE_VIOLATION_LIMIT) {
        close(CloseCodes.RATE_LIMIT, "too many messages");
      } else {
        send(Replies.errorMessage(idOf(text), "RATE_LIMITED", null));
      }
      return;
    }
    JsonNode msg;
    try {
      msg = Codec.parse(text);
    } catch (WireError e) {
      send(Replies.errorMessage(null, e.code(), e.getMessage()));
      noteAbuse();
      return;
    }
    if (!msg.isObject() || !msg.path("type").isTextual()) {
      send(Replies.errorMessage(null, "INVALID_MESSAGE", "a message is a JSON object with a string \"type\""));
      noteAbuse();
      return;
    }
    String type = msg.get("type").asText();
    String definition = switch (type) {
      case "hello" -> "HelloMessage";
      case "ping" -> "PingMessage";
      case "token" -> "TokenMessage";
      case "command" -> null; // the envelope is checked here, the command against its own definition
      default -> "";
    };
    if ("".equals(definition)) {
      send(Replies.errorMessage(null, "UNKNOWN_TYPE", "unknown message type \"" + abbreviate(type) + "\""));
      noteAbuse();
      return;
    }
    if (definition != null) {
      try {
        MessageValidator.check(definition, msg);
      } catch (WireError e) {
        send(Replies.errorMessage(null, e.code(), e.getMessage()));
        noteAbuse();
        return;
      }
    }
    switch (type) {
      case "hello" -> onHello(msg);
      case "command" -> onCommand(msg);
      case "ping" -> onPing(msg);
      default -> onToken(msg);
    }
  }

  private void onHello(JsonNode msg) {
    if (state != State.AWAIT_HELLO) {
      send(Replies.errorMessage(null, "ALREADY_AUTHENTICATED", null));
      return;
    }
    String problem = onlyFields(msg, "type", "token", "conferenceId", "resumeAfter", "client");
    JsonNode resume = msg.get("resumeAfter");
    if (problem == null && resume != null && !resume.isNull() && !(resume.canConvertToLong() && resume.isIntegralNumber()
        && resume.asLong() >= 0)) {
      problem = "resumeAfter must be a non-negative integer";
    }
    String token = msg.path("token").isTextual() ? msg.get("token").asText() : headerToken;
    if (problem == null && token == null) problem = "hello needs a token (or the bearer subprotocol)";
    if (problem != null) {
      send(Replies.errorMessage(null, "INVALID_MESSAGE", problem));
      noteAbuse();
      return;
    }
    Long resumeAfter = resume == null || resume.isNull() ? null : resume.asLong();
    String requestedConference = msg.path("conferenceId").isTextual() ? msg.get("conferenceId").asText() : null;
    state = State.AUTHENTICATING;
    gateway.auth().token(token).onComplete(ar -> {
      if (state == State.CLOSED) return;
      if (ar.failed()) {
        refuseHello("INVALID_TOKEN", ar.cause().getMessage());
        return;
      }
      Tokens.Claims c = ar.result();
      String conferenceId = c.kind() == Tokens.Kind.PARTICIPANT && requestedConference == null ? c.conferenceId()
          : requestedConference;
      if (conferenceId == null) {
        // A malformed hello like any other: the connection stays, and a corrected hello may follow within the 10 s.
        state = State.AWAIT_HELLO;
        send(Replies.errorMessage(null, "INVALID_MESSAGE", "an organizer hello names the conferenceId"));
        noteAbuse();
        return;
      }
      // The same membership check as every REST route's (AuthEdge): token for this conference, active, session current.
      gateway.auth().member(c, conferenceId).onComplete(m -> {
        if (state == State.CLOSED) return;
        if (m.succeeded()) {
          admit(m.result(), resumeAfter);
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
    tokenExpiresAtMs = c.expiresAt() * 1000;
    scheduleExpiry();
    fastHeartbeat = organizer || p.moderator() || p.has(vn.hoinghi.domain.Role.HOST);
    io.netty.channel.Channel ch = fastHeartbeat ? nettyChannel() : null;
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
    String problem = onlyFields(msg, "type", "id", "command");
    if (problem == null && id == null) problem = "command id must be 1–64 characters of A-Z a-z 0-9 . _ : -";
    if (problem == null && !msg.path("command").isObject()) problem = "\"command\" must be an object";
    if (problem != null) {
      send(Replies.errorMessage(id, "INVALID_MESSAGE", problem));
      noteAbuse();
      return;
    }
    Command command;
    try {
      JsonNode body = msg.get("command");
      String commandType = body.path("type").isTextual() ? body.get("type").asText() : null;
      command = ServerChosen.fill(Codec.decodeCommand(commandType, body));
    } catch (WireError e) {
      send(Replies.errorMessage(id, e.code(), e.getMessage()));
      noteAbuse();
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
      tokenExpiresAtMs = ar.result().expiresAt() * 1000;
      scheduleExpiry();
      send(new ServerMessage.TokenAcceptedMessage(Instant.ofEpochSecond(ar.result().expiresAt())));
    });
  }

  private long expiryTimer = -1;

  private void scheduleExpiry() {
    if (expiryTimer >= 0) gateway.vertx().cancelTimer(expiryTimer);
    long delay = Math.max(1, tokenExpiresAtMs - System.currentTimeMillis());
    expiryTimer = gateway.vertx().setTimer(delay, t -> {
      if (state == State.LIVE && System.currentTimeMillis() >= tokenExpiresAtMs) {
        close(CloseCodes.TOKEN_EXPIRED, "token expired");
      }
    });
  }

  // ------------------------------------------------------------------------------------ helpers

  private static String onlyFields(JsonNode msg, String... allowed) {
    java.util.Iterator<String> names = msg.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      boolean ok = false;
      for (String a : allowed) if (a.equals(n)) ok = true;
      if (!ok) return "unexpected field \"" + abbreviate(n) + "\"";
    }
    return null;
  }

  private static String idOf(String text) {
    return null; // a rate-limited message is not parsed; its id is not echoed
  }

  private static String abbreviate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "…";
  }

  private void noteAbuse() {
    if (++abuse > ABUSE_LIMIT) close(CloseCodes.POLICY, "too many invalid messages");
  }

  /** A reply to this connection only (acks, errors, pong…), encoded here. */
  void send(ServerMessage m) {
    if (state == State.CLOSED || socketClosed()) return;
    String text = Codec.encode(m);
    if (transport != null) transport.sendText(text);
    else ws.writeTextMessage(text);
  }

  /** Called by the heartbeat sweep on this session's context. */
  void heartbeat(long nowMs, boolean lagging) {
    if (state == State.CLOSED) return;
    if (!lagging && !socketClosed() && congested(nowMs, 0)) return;
    long interval = fastHeartbeat ? Gateway.PING_INTERVAL_MS : Gateway.RELAXED_PING_INTERVAL_MS;
    long timeout = fastHeartbeat ? Gateway.HEARTBEAT_TIMEOUT_MS : Gateway.RELAXED_HEARTBEAT_TIMEOUT_MS;
    if (lagging) {
      lastInboundMs = Math.max(lastInboundMs, nowMs - interval);
    } else if (nowMs - lastInboundMs > timeout) {
      close(CloseCodes.HEARTBEAT_TIMEOUT, "no answer to ping");
    } else if (nowMs - lastInboundMs >= interval && nowMs - lastPingMs >= interval) {
      lastPingMs = nowMs;
      if (transport != null) transport.ping();
      else ws.writePing(PING);
    }
  }

  private static final Buffer PING = Buffer.buffer("hb");
  /** Until authenticated every connection is watched closely; then only hosts and moderators stay so. */
  private boolean fastHeartbeat = true;
  private long lastPingMs;

  void close(short code, String reason) {
    if (state == State.CLOSED) return;
    onClosed();
    if (transport != null) transport.close(code, reason);
    else ws.close(code, reason).onFailure(e -> LOG.debug("close: {}", e.getMessage()));
  }

  /** Closes with 1001 (shutdown); completes once the connection is closed: the close handshake ended, or the link. */
  io.vertx.core.Future<Void> goAway() {
    io.netty.channel.Channel ch = nettyChannel();
    close(CloseCodes.GOING_AWAY, "server shutting down");
    if (ch == null) return io.vertx.core.Future.succeededFuture();
    io.vertx.core.Promise<Void> closed = io.vertx.core.Promise.promise();
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

  boolean isLive() {
    return state == State.LIVE;
  }

  private void onClosed() {
    if (state == State.CLOSED) return;
    boolean wasLive = state == State.LIVE;
    state = State.CLOSED;
    if (helloTimer >= 0) gateway.vertx().cancelTimer(helloTimer);
    if (expiryTimer >= 0) gateway.vertx().cancelTimer(expiryTimer);
    if (wasLive) writer.detach(this);
    gateway.removed(this);
  }
}
