package vn.hoinghi.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.security.SecureRandom;
import java.util.Map;
import vn.hoinghi.auth.AuthError;
import vn.hoinghi.auth.Tokens;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Viewer;
import vn.hoinghi.live.Conferences;
import vn.hoinghi.live.Outcome;
import vn.hoinghi.wire.Codec;
import vn.hoinghi.wire.ErrorCode;
import vn.hoinghi.wire.RestBody;
import vn.hoinghi.wire.WireError;

/**
 * The REST API under /api (docs/api.md): the routes, each handled by the class of its concern ({@link SignInApi},
 * {@link JoinApi}, {@link ConferencesApi}, {@link ImportsApi}, {@link DelegatesApi}, {@link OpinionsApi}), and what
 * they share: the caller, submitting a command, the JSON answers and errors. Every state change is a domain command
 * submitted to the conference's writer, the same path as the WebSocket's.
 */
public final class RestApi {
  /** Largest request body: a whole draft (2 MB of text, or a .docx of up to 3 MiB) with room to spare. */
  public static final long BODY_LIMIT = 3L * 1024 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final Vertx vertx;
  private final Gateway gateway;

  private final JoinRequests joinRequests;
  private final JoinCodes joinCodes;
  private final SignInApi signIn;
  private final JoinApi joins;
  private final ConferencesApi conferences;
  private final ImportsApi imports;

  public RestApi(Vertx vertx, Gateway gateway) {
    this.vertx = vertx;
    this.gateway = gateway;
    this.joinRequests = new JoinRequests(gateway, this);
    this.joinCodes = new JoinCodes(gateway);
    this.signIn = new SignInApi(gateway, this);
    this.joins = new JoinApi(gateway, this);
    this.conferences = new ConferencesApi(gateway, this);
    this.imports = new ImportsApi(vertx, gateway, this);
  }

  /** Who signs callers in and issues their tokens (a join, an admitted request). */
  SignInApi signIn() {
    return signIn;
  }

  /** The address the caller used, for links it will share (join links, QR codes). */
  static String baseUrl(RoutingContext ctx) {
    String host = ctx.request().authority() == null ? "localhost" : ctx.request().authority().toString();
    return ctx.request().scheme() + "://" + host;
  }

  /** The /api sub-router. */
  public Router router() {
    Router r = Router.router(vertx);
    r.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    // The authentication edge runs after the body handler, so the body is read before any wait.
    Handler<RoutingContext> bearer = gateway.auth().bearer();
    Handler<RoutingContext> member = gateway.auth().member();
    r.post("/login").handler(signIn::login);
    r.post("/password").handler(new PasswordChange(gateway)::handle);
    r.post("/join").handler(joins::join);
    r.post("/token/refresh").handler(signIn::refresh);
    r.get("/join/requests/:requestId").handler(ctx -> joinRequests.status(ctx));
    r.get("/join/code").handler(ctx -> joinCodes.describe(ctx));
    r.get("/conferences").handler(conferences::listConferences);
    r.post("/conferences").handler(bearer).handler(conferences::createConference);
    r.post("/accounts").handler(bearer).handler(signIn::createAccount);
    r.get("/conferences/:id").handler(member).handler(conferences::state);
    r.get("/conferences/:id/state").handler(member).handler(conferences::state);
    r.post("/conferences/:id/commands").handler(member).handler(conferences::command);
    r.post("/conferences/:id/draft").handler(member).handler(imports::importDraft);
    r.post("/conferences/:id/draft/preview").handler(member).handler(imports::previewDraft);
    r.post("/conferences/:id/endpoints/import").handler(member).handler(imports::importEndpoints);
    r.post("/conferences/:id/participants").handler(member).handler(conferences::registerParticipant);
    r.get("/conferences/:id/participants/:pid").handler(member).handler(conferences::participant);
    r.post("/conferences/:id/invites").handler(member).handler(conferences::issueInvite);
    r.delete("/conferences/:id/invites/:code").handler(member).handler(conferences::revokeInvite);
    r.get("/conferences/:id/votes/:voteId/tally").handler(member).handler(conferences::tally);
    new DelegatesApi(vertx, gateway, this).mount(r);
    new OpinionsApi(vertx, gateway, this).mount(r);
    r.route().last().handler(ctx -> fail(ctx, 404, Replies.error(null, "NOT_FOUND", "no such API route")));
    r.route().failureHandler(this::failure);
    return r;
  }

  // ------------------------------------------------------------------------------------------- shared by the routes

  /** The verified caller (the chain's {@link AuthEdge#bearer()}), or a 401 already sent. */
  Future<Tokens.Claims> caller(RoutingContext ctx) {
    return gateway.auth().claimsOf(ctx);
  }

  static Actor actorOf(Tokens.Claims c) {
    return c.kind() == Tokens.Kind.ORGANIZER ? Actor.organizer(c.subject()) : Actor.participant(c.subject());
  }

  static Viewer viewerOf(Tokens.Claims c) {
    return c.kind() == Tokens.Kind.ORGANIZER ? Viewer.organizerConsole() : Viewer.participant(c.subject());
  }

  /** The caller's claims if they may act on this conference (the chain's {@link AuthEdge#member()}). */
  Future<Tokens.Claims> callerFor(RoutingContext ctx, String conferenceId) {
    return gateway.auth().callerOf(ctx).map(AuthEdge.Caller::claims);
  }

  void submit(RoutingContext ctx, String conferenceId, Tokens.Claims c, String commandId, Command command, int okStatus) {
    gateway.conferences().existing(conferenceId)
        .compose(w -> w.submit(new CommandEnvelope(commandId, actorOf(c), command),
            c.kind() == Tokens.Kind.PARTICIPANT ? c.subject() : null))
        .onSuccess(o -> outcome(ctx, commandId, o, okStatus))
        .onFailure(e -> failCause(ctx, e));
  }

  // ------------------------------------------------------------------------------------------- plumbing

  static String randomCode(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) sb.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
    return sb.toString();
  }

  static JsonObject jsonBody(RoutingContext ctx) {
    try {
      JsonNode n = Codec.parse(ctx.body().asString("UTF-8") == null ? "" : ctx.body().asString("UTF-8"));
      if (!n.isObject()) throw new WireError("INVALID_MESSAGE", "the body must be a JSON object");
      // Converted, not re-parsed from text: printing the tree turns an overflowing number (1e400) into the string
      // "Infinity", which then passed for a string field (a password, a name).
      @SuppressWarnings("unchecked")
      Map<String, Object> map = Codec.mapper().convertValue(n, Map.class);
      return new JsonObject(map);
    } catch (WireError e) {
      fail(ctx, 400, Replies.error(null, e.code(), e.getMessage()));
      return null;
    }
  }

  static JsonNode treeBody(RoutingContext ctx) {
    try {
      JsonNode n = Codec.parse(ctx.body().asString("UTF-8") == null ? "" : ctx.body().asString("UTF-8"));
      if (!n.isObject()) throw new WireError("INVALID_MESSAGE", "the body must be a JSON object");
      return n;
    } catch (WireError e) {
      fail(ctx, 400, Replies.error(null, e.code(), e.getMessage()));
      return null;
    }
  }

  static void outcome(RoutingContext ctx, String commandId, Outcome o, int okStatus) {
    JsonObject reply = Replies.outcome(commandId, o);
    if (o instanceof Outcome.Acked) {
      json(ctx, okStatus, reply);
    } else {
      json(ctx, statusFor(reply.getString("code")), reply);
    }
  }

  /** The HTTP status of an error code ({@link ErrorCode#httpStatus()}). */
  static int statusFor(String code) {
    return ErrorCode.of(code).httpStatus();
  }

  static void failCause(RoutingContext ctx, Throwable e) {
    if (e instanceof Conferences.NoSuchConference) fail(ctx, 404, Replies.error(null, "NOT_FOUND", e.getMessage()));
    else if (e instanceof AuthError a) fail(ctx, statusFor(a.code()), Replies.error(null, a.code(), a.getMessage()));
    else if (e instanceof WireError w) fail(ctx, 400, Replies.error(null, w.code(), w.getMessage()));
    else fail(ctx, 500, Replies.error(null, "INTERNAL", null));
  }

  /**
   * Answers 429 with {@code Retry-After} when any of the throttle's {@code keys} (an account, an address) must still
   * wait; true when it did (the caller stops there).
   */
  static boolean throttled(RoutingContext ctx, vn.hoinghi.auth.Throttle throttle, String... keys) {
    long wait = 0;
    for (String k : keys) wait = Math.max(wait, throttle.retryAfterSeconds(k));
    if (wait == 0) return false;
    ctx.response().putHeader("Retry-After", Long.toString(wait));
    fail(ctx, 429, Replies.error(null, "THROTTLED", "retry after " + wait + " s"));
    return true;
  }

  /**
   * Checks an account's password under the sign-in throttle (per account and per address): answers 429 while either
   * must wait, 401 {@code LOGIN_FAILED} on a wrong name or password (counted against both), and otherwise counts a
   * success and hands the account to {@code then}.
   */
  static void withPassword(RoutingContext ctx, Gateway gateway, String username, String password,
      java.util.function.Consumer<vn.hoinghi.auth.Accounts.Account> then) {
    String userKey = "login:" + vn.hoinghi.auth.Accounts.normalize(username);
    String ipKey = "login-ip:" + ctx.request().remoteAddress().hostAddress();
    if (throttled(ctx, gateway.throttle(), userKey, ipKey)) return;
    gateway.accounts().verify(username, password).onComplete(ar -> {
      if (ar.failed() || ar.result().isEmpty()) {
        gateway.throttle().failure(userKey);
        gateway.throttle().failure(ipKey, vn.hoinghi.auth.Throttle.FREE_PER_ADDRESS);
        fail(ctx, 401, Replies.error(null, "LOGIN_FAILED", null));
        return;
      }
      gateway.throttle().success(userKey);
      then.accept(ar.result().get());
    });
  }

  static void fail(RoutingContext ctx, int status, JsonObject body) {
    json(ctx, status, body);
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    send(ctx, status, body.encode());
  }

  /** An answer the client reads by its generated type: the record, encoded by the one codec. */
  static void json(RoutingContext ctx, int status, RestBody body) {
    send(ctx, status, Codec.encode(body));
  }

  private static void send(RoutingContext ctx, int status, String json) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(json);
  }

  private void failure(RoutingContext ctx) {
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    String code = status == 413 ? "TOO_LARGE" : status == 400 ? "INVALID" : status == 404 ? "NOT_FOUND" : "INTERNAL";
    json(ctx, status, Replies.error(null, code, null));
  }
}
