package vn.hoinghi.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.hoinghi.auth.Accounts;
import vn.hoinghi.auth.Tokens;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.domain.Role;
import vn.hoinghi.wire.RestBody;
import vn.hoinghi.wire.RestBody.ChooseKind;
import vn.hoinghi.wire.RestBody.LoginChoice;
import vn.hoinghi.wire.RestBody.OrganizerKind;
import vn.hoinghi.wire.RestBody.OrganizerTokens;
import vn.hoinghi.wire.RestBody.ParticipantKind;
import vn.hoinghi.wire.RestBody.ParticipantTokens;
import vn.hoinghi.wire.RestBody.TokenPair;

/** Signing in and staying signed in (docs/api.md): log in, refresh tokens, and the accounts organizers create. */
final class SignInApi {
  private final Gateway gateway;
  private final RestApi rest;

  SignInApi(Gateway gateway, RestApi rest) {
    this.gateway = gateway;
    this.rest = rest;
  }

  void login(RoutingContext ctx) {
    JsonObject body = RestApi.jsonBody(ctx);
    if (body == null) return;
    String username = body.getValue("username") instanceof String s ? s : null;
    String password = body.getValue("password") instanceof String s ? s : null;
    String conferenceId = body.getValue("conferenceId") instanceof String s ? s : null;
    if (username == null || password == null || username.length() > 64 || password.length() > 200) {
      RestApi.fail(ctx, 400, Replies.error(null, "INVALID", "username and password are required strings"));
      return;
    }
    RestApi.withPassword(ctx, gateway, username, password, a -> {
      if (a.mustChangePassword()) {
        // No token at all until the password is changed: nothing else can be reached with this password.
        RestApi.fail(ctx, 403, Replies.error(null, "PASSWORD_CHANGE_REQUIRED", null).put("mustChangePassword", true));
        return;
      }
      Map<String, String> links = a.participantByConference();
      String conf = conferenceId != null ? conferenceId : (links.size() == 1 && !a.organizer() ? links.keySet().iterator().next() : null);
      if (conf != null && links.containsKey(conf)) {
        issueParticipantTokens(ctx, conf, links.get(conf), 200);
      } else if (a.organizer()) {
        TokenPair pair = tokens(Tokens.Claims.of(a.id(), Tokens.Kind.ORGANIZER, null, Tokens.Type.ACCESS,
            Set.of("ORGANIZER"), null, a.displayName()));
        RestApi.json(ctx, 200, new OrganizerTokens(pair, OrganizerKind.ORGANIZER, a.id(), a.displayName(),
            List.copyOf(links.keySet())));
      } else if (conf != null) {
        RestApi.fail(ctx, 403, Replies.error(null, "FORBIDDEN", "this account takes no part in conference " + conf));
      } else if (links.isEmpty()) {
        RestApi.fail(ctx, 403, Replies.error(null, "NO_CONFERENCE", null));
      } else {
        RestApi.json(ctx, 200, new LoginChoice(ChooseKind.CHOOSE, List.copyOf(links.keySet())));
      }
    });
  }

  private TokenPair tokens(Tokens.Claims access) {
    Tokens.Claims refresh = new Tokens.Claims(access.subject(), access.kind(), access.conferenceId(),
        Tokens.Type.REFRESH, access.roles(), access.endpointId(), access.name(), 0, access.session());
    return new TokenPair(gateway.tokens().issue(access), gateway.tokens().issue(refresh),
        gateway.tokens().accessTtlSeconds());
  }

  /** Tokens for a participant, with roles and endpoint read from the conference's current roster. */
  void issueParticipantTokens(RoutingContext ctx, String conferenceId, String participantId, int status) {
    issueParticipantTokens(ctx, conferenceId, participantId, status, -1, t -> t);
  }

  /**
   * As above; {@code heldSession} ≥ 0 is the session of a refresh token, refused once a newer session started.
   * {@code answer} makes the body from the tokens.
   */
  void issueParticipantTokens(RoutingContext ctx, String conferenceId, String participantId, int status,
                              int heldSession, Function<ParticipantTokens, RestBody> answer) {
    gateway.conferences().existing(conferenceId)
        .compose(w -> w.queryFresh(c -> new Object[] {c.participant(participantId).orElse(null), c.session(participantId)},
            r -> r[0] != null && ((Participant) r[0]).active()))
        .onComplete(ar -> {
          Participant p = ar.succeeded() ? (Participant) ar.result()[0] : null;
          if (p == null || !p.active()) {
            RestApi.fail(ctx, 403, Replies.error(null, "FORBIDDEN", "not an active participant of this conference"));
            return;
          }
          int session = (int) ar.result()[1];
          if (heldSession >= 0 && heldSession < session) {
            RestApi.fail(ctx, 401, Replies.error(null, "SESSION_ENDED", null));
            return;
          }
          RestApi.json(ctx, status,
              answer.apply(participantTokens(conferenceId, p.id(), p.displayName(), p.roles(), p.endpointId(), session)));
        });
  }

  ParticipantTokens participantTokens(String conferenceId, String participantId, String name,
                                      Set<Role> participantRoles, String endpointId, int session) {
    Set<String> roles = new java.util.TreeSet<>();
    participantRoles.forEach(r -> roles.add(r.name()));
    TokenPair pair = tokens(Tokens.Claims.of(participantId, Tokens.Kind.PARTICIPANT, conferenceId, Tokens.Type.ACCESS,
        roles, endpointId, name).inSession(session));
    return new ParticipantTokens(pair, ParticipantKind.PARTICIPANT, conferenceId, participantId, name,
        roles.stream().map(Role::valueOf).toList(), endpointId);
  }

  void refresh(RoutingContext ctx) {
    JsonObject body = RestApi.jsonBody(ctx);
    if (body == null) return;
    String token = body.getValue("refreshToken") instanceof String s ? s : null;
    gateway.tokens().verify(token, Tokens.Type.REFRESH).onComplete(ar -> {
      if (ar.failed()) {
        RestApi.fail(ctx, 401, Replies.error(null, "INVALID_TOKEN", null));
        return;
      }
      Tokens.Claims c = ar.result();
      if (c.kind() == Tokens.Kind.PARTICIPANT) {
        issueParticipantTokens(ctx, c.conferenceId(), c.subject(), 200, c.session(), t -> t);
      } else {
        gateway.accounts().current(c.subject()).onComplete(cur -> {
          Optional<Accounts.Account> a = cur.succeeded() ? cur.result() : Optional.empty();
          if (a.isEmpty() || !a.get().organizer()) {
            RestApi.fail(ctx, 401, Replies.error(null, "INVALID_TOKEN", "account no longer an organizer"));
            return;
          }
          TokenPair pair = tokens(Tokens.Claims.of(c.subject(), Tokens.Kind.ORGANIZER, null, Tokens.Type.ACCESS,
              Set.of("ORGANIZER"), null, a.get().displayName()));
          RestApi.json(ctx, 200, new OrganizerTokens(pair, OrganizerKind.ORGANIZER, null, null, null));
        });
      }
    });
  }

  void createAccount(RoutingContext ctx) {
    rest.caller(ctx).onSuccess(c -> {
      if (c.kind() != Tokens.Kind.ORGANIZER) {
        RestApi.fail(ctx, 403, Replies.error(null, "FORBIDDEN", "only organizers create accounts"));
        return;
      }
      JsonObject body = RestApi.jsonBody(ctx);
      if (body == null) return;
      String username = body.getValue("username") instanceof String s ? s : null;
      String name = body.getValue("displayName") instanceof String s ? s : null;
      String password = body.getValue("password") instanceof String s ? s : null;
      boolean organizer = Boolean.TRUE.equals(body.getValue("organizer"));
      gateway.accounts().create(username, name, password, organizer, vn.hoinghi.auth.Passwords.COST)
          .onSuccess(a -> RestApi.json(ctx, 201, new RestBody.CreatedAccount(a.id(), a.username())))
          .onFailure(e -> RestApi.failCause(ctx, e));
    });
  }
}
