package vn.hoinghi.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.hoinghi.auth.Accounts;
import vn.hoinghi.auth.AuthError;
import vn.hoinghi.auth.Tokens;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.Decision;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.domain.Rejection;
import vn.hoinghi.domain.RejectionCode;
import vn.hoinghi.domain.Role;
import vn.hoinghi.domain.Viewer;
import vn.hoinghi.domain.document.DraftImporter;
import vn.hoinghi.domain.document.ImportResult;
import vn.hoinghi.live.ConferenceWriter;
import vn.hoinghi.live.Conferences;
import vn.hoinghi.live.Outcome;
import vn.hoinghi.wire.Codec;
import vn.hoinghi.wire.ErrorCode;
import vn.hoinghi.wire.WireError;

/**
 * The REST API under /api (docs/api.md): log in, join with an invite, refresh tokens, set up
 * conferences. Every state change is a domain command submitted to the conference's writer, the
 * same path as the WebSocket's.
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

  public RestApi(Vertx vertx, Gateway gateway) {
    this.vertx = vertx;
    this.gateway = gateway;
    this.joinRequests = new JoinRequests(gateway, this);
    this.joinCodes = new JoinCodes(gateway);
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
    r.post("/login").handler(this::login);
    r.post("/password").handler(new PasswordChange(gateway)::handle);
    r.post("/join").handler(this::join);
    r.post("/token/refresh").handler(this::refresh);
    r.get("/join/requests/:requestId").handler(ctx -> joinRequests.status(ctx));
    r.get("/join/code").handler(ctx -> joinCodes.describe(ctx));
    r.get("/conferences").handler(this::listConferences);
    r.post("/conferences").handler(bearer).handler(this::createConference);
    r.post("/accounts").handler(bearer).handler(this::createAccount);
    r.get("/conferences/:id").handler(member).handler(this::state);
    r.get("/conferences/:id/state").handler(member).handler(this::state);
    r.post("/conferences/:id/commands").handler(member).handler(this::command);
    r.post("/conferences/:id/draft").handler(member).handler(this::importDraft);
    r.post("/conferences/:id/draft/preview").handler(member).handler(this::previewDraft);
    r.post("/conferences/:id/endpoints/import").handler(member).handler(this::importEndpoints);
    r.post("/conferences/:id/participants").handler(member).handler(this::registerParticipant);
    r.get("/conferences/:id/participants/:pid").handler(member).handler(this::participant);
    r.post("/conferences/:id/invites").handler(member).handler(this::issueInvite);
    r.delete("/conferences/:id/invites/:code").handler(member).handler(this::revokeInvite);
    r.get("/conferences/:id/votes/:voteId/tally").handler(member).handler(this::tally);
    new DelegatesApi(vertx, gateway, this).mount(r);
    new OpinionsApi(vertx, gateway, this).mount(r);
    r.route().last().handler(ctx -> fail(ctx, 404, Replies.error(null, "NOT_FOUND", "no such API route")));
    r.route().failureHandler(this::failure);
    return r;
  }

  // ------------------------------------------------------------------------------------------- auth

  private void login(RoutingContext ctx) {
    JsonObject body = jsonBody(ctx);
    if (body == null) return;
    String username = body.getValue("username") instanceof String s ? s : null;
    String password = body.getValue("password") instanceof String s ? s : null;
    String conferenceId = body.getValue("conferenceId") instanceof String s ? s : null;
    if (username == null || password == null || username.length() > 64 || password.length() > 200) {
      fail(ctx, 400, Replies.error(null, "INVALID", "username and password are required strings"));
      return;
    }
    String userKey = "login:" + Accounts.normalize(username);
    String ipKey = "login-ip:" + ctx.request().remoteAddress().hostAddress();
    long wait = Math.max(gateway.throttle().retryAfterSeconds(userKey), gateway.throttle().retryAfterSeconds(ipKey));
    if (wait > 0) {
      ctx.response().putHeader("Retry-After", Long.toString(wait));
      fail(ctx, 429, Replies.error(null, "THROTTLED", "retry after " + wait + " s"));
      return;
    }
    gateway.accounts().verify(username, password).onComplete(ar -> {
      if (ar.failed() || ar.result().isEmpty()) {
        gateway.throttle().failure(userKey);
        gateway.throttle().failure(ipKey, vn.hoinghi.auth.Throttle.FREE_PER_ADDRESS);
        fail(ctx, 401, Replies.error(null, "LOGIN_FAILED", null));
        return;
      }
      gateway.throttle().success(userKey);
      Accounts.Account a = ar.result().get();
      if (a.mustChangePassword()) {
        // No token at all until the password is changed: nothing else can be reached with this password.
        fail(ctx, 403, Replies.error(null, "PASSWORD_CHANGE_REQUIRED", null).put("mustChangePassword", true));
        return;
      }
      Map<String, String> links = a.participantByConference();
      String conf = conferenceId != null ? conferenceId : (links.size() == 1 && !a.organizer() ? links.keySet().iterator().next() : null);
      if (conf != null && links.containsKey(conf)) {
        issueParticipantTokens(ctx, conf, links.get(conf), 200);
      } else if (a.organizer()) {
        JsonObject out = tokens(Tokens.Claims.of(a.id(), Tokens.Kind.ORGANIZER, null, Tokens.Type.ACCESS,
            Set.of("ORGANIZER"), null, a.displayName()));
        out.put("kind", "organizer").put("accountId", a.id()).put("name", a.displayName())
            .put("conferences", new JsonArray(List.copyOf(links.keySet())));
        json(ctx, 200, out);
      } else if (conf != null) {
        fail(ctx, 403, Replies.error(null, "FORBIDDEN", "this account takes no part in conference " + conf));
      } else if (links.isEmpty()) {
        fail(ctx, 403, Replies.error(null, "NO_CONFERENCE", null));
      } else {
        json(ctx, 200, new JsonObject().put("kind", "choose").put("conferences", new JsonArray(List.copyOf(links.keySet()))));
      }
    });
  }

  private JsonObject tokens(Tokens.Claims access) {
    Tokens.Claims refresh = new Tokens.Claims(access.subject(), access.kind(), access.conferenceId(),
        Tokens.Type.REFRESH, access.roles(), access.endpointId(), access.name(), 0, access.session());
    return new JsonObject()
        .put("accessToken", gateway.tokens().issue(access))
        .put("refreshToken", gateway.tokens().issue(refresh))
        .put("expiresIn", gateway.tokens().accessTtlSeconds());
  }

  /** Tokens for a participant, with roles and endpoint read from the conference's current roster. */
  void issueParticipantTokens(RoutingContext ctx, String conferenceId, String participantId, int status) {
    issueParticipantTokens(ctx, conferenceId, participantId, status, -1, null);
  }

  /**
   * As above; {@code heldSession} ≥ 0 is the session of a refresh token, refused once a newer session started.
   * {@code extra} fields are added to the answer.
   */
  void issueParticipantTokens(RoutingContext ctx, String conferenceId, String participantId, int status,
                              int heldSession, JsonObject extra) {
    gateway.conferences().existing(conferenceId)
        .compose(w -> w.queryFresh(c -> new Object[] {c.participant(participantId).orElse(null), c.session(participantId)},
            r -> r[0] != null && ((Participant) r[0]).active()))
        .onComplete(ar -> {
          Participant p = ar.succeeded() ? (Participant) ar.result()[0] : null;
          if (p == null || !p.active()) {
            fail(ctx, 403, Replies.error(null, "FORBIDDEN", "not an active participant of this conference"));
            return;
          }
          int session = (int) ar.result()[1];
          if (heldSession >= 0 && heldSession < session) {
            fail(ctx, 401, Replies.error(null, "SESSION_ENDED", null));
            return;
          }
          JsonObject out = participantTokens(conferenceId, p.id(), p.displayName(), p.roles(), p.endpointId(), session);
          if (extra != null) out.mergeIn(extra);
          json(ctx, status, out);
        });
  }

  private JsonObject participantTokens(String conferenceId, String participantId, String name,
                                       Set<vn.hoinghi.domain.Role> participantRoles, String endpointId, int session) {
    Set<String> roles = new java.util.TreeSet<>();
    participantRoles.forEach(r -> roles.add(r.name()));
    JsonObject out = tokens(Tokens.Claims.of(participantId, Tokens.Kind.PARTICIPANT, conferenceId, Tokens.Type.ACCESS,
        roles, endpointId, name).inSession(session));
    return out.put("kind", "participant").put("conferenceId", conferenceId).put("participantId", participantId)
        .put("name", name).put("roles", new JsonArray(List.copyOf(roles))).put("endpointId", endpointId);
  }

  private void join(RoutingContext ctx) {
    JsonObject body = jsonBody(ctx);
    if (body == null) return;
    String conferenceId = body.getValue("conferenceId") instanceof String s ? s : null;
    // The domain folds the code's case and spaces, as on revoke: one rule (InviteRules).
    String code = body.getValue("code") instanceof String s ? s : null;
    String name = body.getValue("displayName") instanceof String s ? s : null;
    if (conferenceId == null || code == null || code.length() > 64
        || (body.containsKey("displayName") && body.getValue("displayName") != null && name == null)) {
      fail(ctx, 400, Replies.error(null, "INVALID", "conferenceId and code are required strings; displayName a string"));
      return;
    }
    String ipKey = "join-ip:" + ctx.request().remoteAddress().hostAddress();
    long wait = gateway.throttle().retryAfterSeconds(ipKey);
    if (wait > 0) {
      ctx.response().putHeader("Retry-After", Long.toString(wait));
      fail(ctx, 429, Replies.error(null, "THROTTLED", "retry after " + wait + " s"));
      return;
    }
    String commandId = "join-" + randomCode(16);
    String claim = body.getValue("claimParticipantId") instanceof String s ? s : null;
    // For a hall's shared link the answer is a request the host decides: this secret lets the device ask for it.
    String requestKey = JoinRequests.newKey();
    Command join = new Command.JoinWithInvite(code, name, claim, JoinRequests.hash(requestKey));
    gateway.conferences().existing(conferenceId)
        .compose(w -> w.submit(new CommandEnvelope(commandId, Actor.anonymous(), join), null))
        .onComplete(ar -> {
          if (ar.failed()) {
            gateway.throttle().failure(ipKey, vn.hoinghi.auth.Throttle.FREE_PER_ADDRESS);
            failCause(ctx, ar.cause());
            return;
          }
          Outcome o = ar.result();
          if (o instanceof Outcome.Acked a) {
            joined(ctx, conferenceId, a, requestKey);
          } else {
            gateway.throttle().failure(ipKey, vn.hoinghi.auth.Throttle.FREE_PER_ADDRESS);
            outcome(ctx, commandId, o, 201);
          }
        });
  }

  /**
   * What a successful join gives: tokens for the new or signed-in participant, or, for a hall's shared link, the
   * pending request and the key to ask about it.
   */
  private void joined(RoutingContext ctx, String conferenceId, Outcome.Acked a, String requestKey) {
    for (Event e : a.events()) {
      if (e instanceof Event.JoinRequested r) {
        json(ctx, 202, new JsonObject().put("status", "PENDING").put("conferenceId", conferenceId)
            .put("requestId", r.requestId()).put("requestKey", requestKey).put("displayName", r.displayName())
            .put("endpointId", r.endpointId()).put("duplicate", r.duplicateOf() != null));
        return;
      }
    }
    for (Event e : a.events()) {
      // Answered from the outcome, not from this node's replica: the participant exists once the join is acked.
      if (e instanceof Event.ParticipantRegistered joined) {
        json(ctx, 201, participantTokens(conferenceId, joined.participantId(), joined.displayName(), joined.roles(),
            joined.endpointId(), 0));
        return;
      }
      if (e instanceof Event.SessionStarted signedIn) {
        // The session this sign-in started, not the replica's latest: two devices signing in at once get one each.
        gateway.conferences().existing(conferenceId)
            .compose(w -> w.query(c -> c.participant(signedIn.participantId()).orElse(null)))
            .onComplete(ar -> {
              Participant p = ar.succeeded() ? ar.result() : null;
              if (p == null) fail(ctx, 500, Replies.error(null, "INTERNAL", "the signed-in participant is unknown"));
              else json(ctx, 201, participantTokens(conferenceId, p.id(), p.displayName(), p.roles(), p.endpointId(),
                  signedIn.session()));
            });
        return;
      }
    }
    fail(ctx, 500, Replies.error(null, "INTERNAL", "the join registered no participant"));
  }

  private void refresh(RoutingContext ctx) {
    JsonObject body = jsonBody(ctx);
    if (body == null) return;
    String token = body.getValue("refreshToken") instanceof String s ? s : null;
    gateway.tokens().verify(token, Tokens.Type.REFRESH).onComplete(ar -> {
      if (ar.failed()) {
        fail(ctx, 401, Replies.error(null, "INVALID_TOKEN", null));
        return;
      }
      Tokens.Claims c = ar.result();
      if (c.kind() == Tokens.Kind.PARTICIPANT) {
        issueParticipantTokens(ctx, c.conferenceId(), c.subject(), 200, c.session(), null);
      } else {
        gateway.accounts().current(c.subject()).onComplete(cur -> {
          Optional<Accounts.Account> a = cur.succeeded() ? cur.result() : Optional.empty();
          if (a.isEmpty() || !a.get().organizer()) {
            fail(ctx, 401, Replies.error(null, "INVALID_TOKEN", "account no longer an organizer"));
            return;
          }
          json(ctx, 200, tokens(Tokens.Claims.of(c.subject(), Tokens.Kind.ORGANIZER, null, Tokens.Type.ACCESS,
              Set.of("ORGANIZER"), null, a.get().displayName())).put("kind", "organizer"));
        });
      }
    });
  }

  /** The verified caller (the chain's {@link AuthEdge#bearer()}), or a 401 already sent. */
  private Future<Tokens.Claims> caller(RoutingContext ctx) {
    return gateway.auth().claimsOf(ctx);
  }

  private static Actor actorOf(Tokens.Claims c) {
    return c.kind() == Tokens.Kind.ORGANIZER ? Actor.organizer(c.subject()) : Actor.participant(c.subject());
  }

  private static Viewer viewerOf(Tokens.Claims c) {
    return c.kind() == Tokens.Kind.ORGANIZER ? Viewer.organizerConsole() : Viewer.participant(c.subject());
  }

  /** The caller's claims if they may act on this conference (the chain's {@link AuthEdge#member()}). */
  Future<Tokens.Claims> callerFor(RoutingContext ctx, String conferenceId) {
    return gateway.auth().callerOf(ctx).map(AuthEdge.Caller::claims);
  }

  private void createAccount(RoutingContext ctx) {
    caller(ctx).onSuccess(c -> {
      if (c.kind() != Tokens.Kind.ORGANIZER) {
        fail(ctx, 403, Replies.error(null, "FORBIDDEN", "only organizers create accounts"));
        return;
      }
      JsonObject body = jsonBody(ctx);
      if (body == null) return;
      String username = body.getValue("username") instanceof String s ? s : null;
      String name = body.getValue("displayName") instanceof String s ? s : null;
      String password = body.getValue("password") instanceof String s ? s : null;
      boolean organizer = Boolean.TRUE.equals(body.getValue("organizer"));
      gateway.accounts().create(username, name, password, organizer, vn.hoinghi.auth.Passwords.COST)
          .onSuccess(a -> json(ctx, 201, new JsonObject().put("accountId", a.id()).put("username", a.username())))
          .onFailure(e -> failCause(ctx, e));
    });
  }

  // ------------------------------------------------------------------------------------------- conferences

  private void listConferences(RoutingContext ctx) {
    gateway.conferences().ids().compose(ids -> {
      List<Future<JsonObject>> all = new ArrayList<>();
      for (String id : ids) {
        all.add(gateway.conferences().existing(id).compose(w -> w.query(c -> summary(id, c))));
      }
      return Future.join(all).map(cf -> {
        JsonArray out = new JsonArray();
        for (int i = 0; i < all.size(); i++) if (all.get(i).succeeded()) out.add(all.get(i).result());
        return out;
      });
    }).onSuccess(list -> json(ctx, 200, new JsonObject().put("conferences", list)))
        .onFailure(e -> failCause(ctx, e));
  }

  private static JsonObject summary(String id, Conference c) {
    var info = c.info();
    JsonObject o = new JsonObject().put("conferenceId", id);
    if (info != null) {
      o.put("title", info.title()).put("status", info.status().name());
      if (info.startsAt() != null) o.put("startsAt", info.startsAt().toString());
    }
    return o;
  }

  private void createConference(RoutingContext ctx) {
    caller(ctx).onSuccess(c -> {
      if (c.kind() != Tokens.Kind.ORGANIZER) {
        fail(ctx, 403, Replies.error(null, "FORBIDDEN", "only organizers create conferences"));
        return;
      }
      JsonNode body = treeBody(ctx);
      if (body == null) return;
      // Defaults for what a form may leave out; the domain checks the rest.
      com.fasterxml.jackson.databind.node.ObjectNode fields = ((com.fasterxml.jackson.databind.node.ObjectNode) body).deepCopy();
      if (!fields.hasNonNull("defaultVoteMode")) fields.put("defaultVoteMode", "NAMED");
      if (!fields.has("speakingLimitSeconds")) fields.put("speakingLimitSeconds", 300);
      Command command;
      try {
        command = Codec.decodeCommand("CreateConference", fields);
      } catch (WireError e) {
        fail(ctx, 400, Replies.error(null, e.code(), e.getMessage()));
        return;
      }
      String id = gateway.conferences().newId();
      String commandId = "create-" + id;
      gateway.conferences().writer(id)
          .compose(w -> w.submit(new CommandEnvelope(commandId, actorOf(c), command), null))
          .onSuccess(o -> {
            if (o instanceof Outcome.Acked a) {
              json(ctx, 201, new JsonObject().put("conferenceId", id).put("firstSeq", a.firstSeq()).put("lastSeq", a.lastSeq()));
            } else {
              outcome(ctx, commandId, o, 201);
            }
          })
          .onFailure(e -> failCause(ctx, e));
    });
  }

  private void state(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    callerFor(ctx, id).onSuccess(c -> gateway.conferences().caughtUp(id)
        .compose(w -> w.query(conf -> new Object[] {conf.views().viewFor(viewerOf(c), Instant.now()), conf.version()}))
        .onSuccess(r -> json(ctx, 200, new JsonObject().put("upTo", r[1]).put("state", new JsonObject(Codec.encode(r[0])))))
        .onFailure(e -> failCause(ctx, e)));
  }

  /** The generic path: any command as JSON, exactly as over the WebSocket. */
  private void command(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    callerFor(ctx, id).onSuccess(c -> {
      JsonNode body = treeBody(ctx);
      if (body == null) return;
      JsonNode idNode = body.get("id");
      String commandId = idNode != null && idNode.isTextual() ? idNode.asText() : null;
      if (commandId == null || !commandId.matches("[A-Za-z0-9._:-]{1,64}") || !body.path("command").isObject()) {
        fail(ctx, 400, Replies.error(commandId, "INVALID_MESSAGE", "body is {\"id\": commandId, \"command\": {\"type\": …}}"));
        return;
      }
      // The body's id is the command id here; a key that says otherwise would be silently ignored, so it is refused.
      String key = ctx.request().getHeader("Idempotency-Key");
      if (key != null && !key.equals(commandId)) {
        fail(ctx, 400, Replies.error(commandId, "INVALID_MESSAGE", "the Idempotency-Key header, when sent, must equal the body's id"));
        return;
      }
      Command command;
      try {
        JsonNode cmd = body.get("command");
        command = ServerChosen.fill(Codec.decodeCommand(cmd.path("type").isTextual() ? cmd.get("type").asText() : null, cmd));
      } catch (WireError e) {
        fail(ctx, 400, Replies.error(commandId, e.code(), e.getMessage()));
        return;
      }
      submit(ctx, id, c, commandId, command, 200);
    });
  }

  private void submit(RoutingContext ctx, String conferenceId, Tokens.Claims c, String commandId, Command command, int okStatus) {
    gateway.conferences().existing(conferenceId)
        .compose(w -> w.submit(new CommandEnvelope(commandId, actorOf(c), command),
            c.kind() == Tokens.Kind.PARTICIPANT ? c.subject() : null))
        .onSuccess(o -> outcome(ctx, commandId, o, okStatus))
        .onFailure(e -> failCause(ctx, e));
  }

  private void importDraft(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    callerFor(ctx, id).onSuccess(c -> DraftUpload.read(vertx, ctx).onSuccess(d -> {
      if (d.text().isBlank()) {
        fail(ctx, 400, Replies.error(null, "INVALID", "send the draft as the request body (text/plain, text/markdown or a .docx)"));
        return;
      }
      String note = Optional.ofNullable(ctx.request().getParam("note")).orElse("");
      String commandId = Optional.ofNullable(ctx.request().getHeader("Idempotency-Key")).orElse("draft-" + randomCode(12));
      // Parse and match stable ids on a worker, against the current version read from the writer, before the command
      // reaches it: the writer then takes the prepared result (PreparedImport) instead of holding its thread.
      gateway.conferences().existing(id).compose(w -> DraftUpload.prepare(vertx, w, d.text()))
          .onComplete(ar -> submit(ctx, id, c, commandId, new Command.ImportDraft(d.text(), note), 201));
    }));
  }

  private void previewDraft(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    callerFor(ctx, id).onSuccess(c -> DraftUpload.read(vertx, ctx).onSuccess(d ->
      vertx.executeBlocking(() -> DraftImporter.parse(d.text()), false).onComplete(ar -> {
        if (ar.failed()) {
          failCause(ctx, ar.cause());
          return;
        }
        ImportResult r = ar.result();
        JsonArray problems = new JsonArray();
        r.problems().forEach(p -> problems.add(new JsonObject(Codec.encode(p))));
        // What the .docx reader left out, then what the importer left out (page furniture), by line.
        JsonArray notices = d.noticesJson();
        r.notices().forEach(p -> notices.add(new JsonObject(Codec.encode(p))));
        JsonObject out = new JsonObject().put("ok", r.problems().isEmpty()).put("problems", problems)
            .put("format", d.docx() ? "docx" : "text").put("notices", notices);
        // A .docx's problems refer to the lines of the text made from it: the client shows that text.
        if (d.docx()) out.put("text", d.text());
        if (r.doc() != null) out.put("document", new JsonObject(Codec.encode(r.doc())));
        json(ctx, 200, out);
      })));
  }

  /**
   * Endpoints from CSV with a header row: code,name,region,level (level CENTRAL, PROVINCIAL or COMMUNE), added by one
   * ImportEndpoints command: all rows or none. Any problem → 400 listing every problem of the file by line.
   */
  private void importEndpoints(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    callerFor(ctx, id).onSuccess(c -> {
      EndpointCsv csv = EndpointCsv.parse(ctx.body().asString("UTF-8"));
      String commandId = "csv-" + Optional.ofNullable(ctx.request().getHeader("Idempotency-Key")).orElse(randomCode(10));
      CommandEnvelope env = new CommandEnvelope(commandId, actorOf(c), csv.command());
      gateway.conferences().existing(id).onComplete(war -> {
        if (war.failed()) {
          failCause(ctx, war.cause());
          return;
        }
        ConferenceWriter w = war.result();
        if (!csv.readWhole() || csv.rows().isEmpty()) {
          // Nothing is submitted, but the rows that were read are still judged, so one answer lists every problem.
          w.query(conf -> conf.decide(env, Instant.now())).onSuccess(d -> {
            Rejection r = d instanceof Decision.Rejected rej ? rej.rejection() : null;
            if (r != null && r.code() != RejectionCode.INVALID) {
              json(ctx, statusFor(r.code().name()), Replies.rejection(null, r));
            } else {
              List<String> details = r != null && !csv.rows().isEmpty() ? r.details() : List.of();
              fail(ctx, 400, Replies.error(null, "INVALID", null).put("details", new JsonArray(csv.problems(details))));
            }
          }).onFailure(e -> failCause(ctx, e));
          return;
        }
        w.submit(env, c.kind() == Tokens.Kind.PARTICIPANT ? c.subject() : null).onSuccess(o -> {
          if (o instanceof Outcome.Refused r && r.rejection().code() == RejectionCode.INVALID) {
            fail(ctx, 400, Replies.error(null, "INVALID", null)
                .put("details", new JsonArray(csv.problems(r.rejection().details()))));
          } else if (o instanceof Outcome.Acked a) {
            w.query(conf -> {
              JsonArray out = new JsonArray();
              for (int i = 0; i < csv.rows().size(); i++) {
                String code = csv.rows().get(i).code().strip();
                out.add(new JsonObject().put("line", csv.lineOf(i)).put("code", code)
                    .put("endpointId", conf.endpointByCode(code).map(e -> e.id()).orElse(null)));
              }
              return out;
            }).onSuccess(eps -> json(ctx, 201, Replies.outcome(commandId, o)
                .put("added", a.duplicate() ? 0 : eps.size()).put("endpoints", eps)))
                .onFailure(e -> failCause(ctx, e));
          } else {
            outcome(ctx, commandId, o, 201);
          }
        }).onFailure(e -> failCause(ctx, e));
      });
    });
  }

  private void registerParticipant(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    callerFor(ctx, id).onSuccess(c -> {
      JsonObject body = jsonBody(ctx);
      if (body == null) return;
      String username = body.getValue("username") instanceof String s ? s : null;
      String password = body.getValue("password") instanceof String s ? s : null;
      JsonObject fields = body.copy();
      fields.remove("username");
      fields.remove("password");
      Command command;
      try {
        command = Codec.decodeCommand("RegisterParticipant", Codec.parse(fields.encode()));
      } catch (WireError e) {
        fail(ctx, 400, Replies.error(null, e.code(), e.getMessage()));
        return;
      }
      String commandId = Optional.ofNullable(ctx.request().getHeader("Idempotency-Key")).orElse("reg-" + randomCode(12));
      new ParticipantRegistration(gateway).register(id, actorOf(c), commandId, (Command.RegisterParticipant) command,
              username, password)
          .onSuccess(r -> json(ctx, r.status(), r.body()))
          .onFailure(e -> failCause(ctx, e));
    });
  }

  /** A name for an id seen in the feed (delegates' arrivals are not announced to everyone). */
  private void participant(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String pid = ctx.pathParam("pid");
    callerFor(ctx, id).onSuccess(c -> gateway.conferences().caughtUp(id)
        .compose(w -> w.query(conf -> conf.participant(pid).orElse(null)))
        .onSuccess(p -> {
          if (p == null) {
            fail(ctx, 404, Replies.error(null, "NOT_FOUND", "no participant " + pid));
          } else {
            json(ctx, 200, new JsonObject().put("participantId", p.id()).put("displayName", p.displayName())
                .put("endpointId", p.endpointId()).put("active", p.active())
                .put("roles", new JsonArray(p.roles().stream().map(Enum::name).sorted().toList())));
          }
        })
        .onFailure(e -> failCause(ctx, e)));
  }

  private void issueInvite(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    callerFor(ctx, id).onSuccess(c -> {
      JsonObject body = jsonBody(ctx);
      if (body == null) return;
      Command command;
      try {
        // Defaults (uses, expiry) are the domain's, as over the WebSocket; the code is drawn here, never sent.
        command = ServerChosen.fill(Codec.decodeCommand("IssueInvite", Codec.parse(body.encode())));
      } catch (WireError e) {
        fail(ctx, 400, Replies.error(null, e.code(), e.getMessage()));
        return;
      }
      String commandId = Optional.ofNullable(ctx.request().getHeader("Idempotency-Key"))
          .orElse("inv-" + ((Command.IssueInvite) command).code());
      gateway.conferences().existing(id)
          .compose(w -> w.submit(new CommandEnvelope(commandId, actorOf(c), command), c.kind() == Tokens.Kind.PARTICIPANT ? c.subject() : null))
          .onSuccess(o -> {
            if (!(o instanceof Outcome.Acked a)) {
              outcome(ctx, commandId, o, 201);
              return;
            }
            // A retry drew a code of its own that was never issued: answer the code the first request issued.
            gateway.conferences().produced(id, commandId, a).onSuccess(events -> {
              String code = events.stream().filter(e -> e instanceof Event.InviteIssued)
                  .map(e -> ((Event.InviteIssued) e).code()).findFirst().orElse(null);
              if (code == null) {
                fail(ctx, 400, Replies.error(null, "INVALID", "this Idempotency-Key was used for another kind of request"));
                return;
              }
              json(ctx, 201, Replies.outcome(commandId, o).put("code", code)
                  .put("joinUrl", baseUrl(ctx) + "/#/join/" + id + "/" + code));
            }).onFailure(e -> failCause(ctx, e));
          })
          .onFailure(e -> failCause(ctx, e));
    });
  }

  private void revokeInvite(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    callerFor(ctx, id).onSuccess(c -> submit(ctx, id, c, "revoke-" + randomCode(10),
        new Command.RevokeInvite(ctx.pathParam("code")), 200));
  }

  private void tally(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String voteId = ctx.pathParam("voteId");
    callerFor(ctx, id).onSuccess(c -> gateway.conferences().caughtUp(id)
        .compose(w -> w.query(conf -> {
          var vote = conf.vote(voteId).orElse(null);
          if (vote == null) return null;
          // The per-endpoint breakdown is for moderators only, as on the WebSocket (docs/protocol.md).
          boolean moderator = c.kind() == Tokens.Kind.ORGANIZER
              || conf.participant(c.subject()).map(Participant::moderator).orElse(false);
          JsonArray articles = new JsonArray();
          for (String a : vote.articleIds()) {
            JsonObject t = new JsonObject(Codec.encode(conf.tally(voteId, a))).put("articleId", a);
            if (!moderator) t.remove("byEndpoint");
            articles.add(t);
          }
          return new JsonObject().put("voteId", voteId).put("status", vote.status().name())
              .put("asOf", conf.version()).put("articles", articles);
        }))
        .onSuccess(t -> {
          if (t == null) fail(ctx, 404, Replies.error(null, "NOT_FOUND", "no vote " + voteId));
          else json(ctx, 200, t);
        })
        .onFailure(e -> failCause(ctx, e)));
  }

  // ------------------------------------------------------------------------------------------- plumbing

  private static String randomCode(int n) {
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

  private static JsonNode treeBody(RoutingContext ctx) {
    try {
      JsonNode n = Codec.parse(ctx.body().asString("UTF-8") == null ? "" : ctx.body().asString("UTF-8"));
      if (!n.isObject()) throw new WireError("INVALID_MESSAGE", "the body must be a JSON object");
      return n;
    } catch (WireError e) {
      fail(ctx, 400, Replies.error(null, e.code(), e.getMessage()));
      return null;
    }
  }

  private static void outcome(RoutingContext ctx, String commandId, Outcome o, int okStatus) {
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

  static void fail(RoutingContext ctx, int status, JsonObject body) {
    json(ctx, status, body);
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(body.encode());
  }

  private void failure(RoutingContext ctx) {
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    String code = status == 413 ? "TOO_LARGE" : status == 400 ? "INVALID" : status == 404 ? "NOT_FOUND" : "INTERNAL";
    json(ctx, status, Replies.error(null, code, null));
  }
}
