package vn.hoinghi.gateway;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import vn.hoinghi.auth.AuthError;
import vn.hoinghi.auth.Tokens;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.domain.Viewer;
import vn.hoinghi.live.ConferenceWriter;

/**
 * The one authentication edge. REST and report routes chain {@link #bearer()} or {@link #member()} before their
 * handler; the WebSocket hello calls {@link #token} and {@link #member(Tokens.Claims, String)}, the same two checks.
 * Membership is read fresh from the conference's roster on its writer, because a removed participant's token stays
 * signed and unexpired, and a newer sign-in ends the older session.
 */
public final class AuthEdge {
  private static final String CLAIMS = "hoinghi.claims";
  private static final String CALLER = "hoinghi.caller";

  /** A verified caller admitted to one conference; {@code participant} is null for an organizer. */
  public record Caller(Tokens.Claims claims, ConferenceWriter writer, Participant participant, int session) {
    public boolean organizer() {
      return claims.kind() == Tokens.Kind.ORGANIZER;
    }

    public Actor actor() {
      return organizer() ? Actor.organizer(claims.subject()) : Actor.participant(claims.subject());
    }

    public Viewer viewer() {
      return organizer() ? Viewer.organizerConsole() : Viewer.participant(claims.subject());
    }

    /** The participant a command is submitted as (for the writer's per-person checks), none for organizers. */
    public String submitter() {
      return organizer() ? null : claims.subject();
    }
  }

  private final Gateway gateway;

  public AuthEdge(Gateway gateway) {
    this.gateway = gateway;
  }

  /** A signed, unexpired access token, or a failed future with {@code INVALID_TOKEN}. */
  public Future<Tokens.Claims> token(String token) {
    return gateway.tokens().verify(token, Tokens.Type.ACCESS);
  }

  /**
   * The caller admitted to a conference: an organizer, or an active participant of it whose session is current.
   * Fails with {@link AuthError} {@code FORBIDDEN} or {@code SESSION_ENDED}, or the conference's {@code NOT_FOUND}.
   */
  public Future<Caller> member(Tokens.Claims c, String conferenceId) {
    boolean organizer = c.kind() == Tokens.Kind.ORGANIZER;
    if (!organizer && !conferenceId.equals(c.conferenceId())) {
      return Future.failedFuture(new AuthError("FORBIDDEN", "this token is for another conference"));
    }
    return gateway.conferences().existing(conferenceId).compose(w -> {
      if (organizer) return Future.succeededFuture(new Caller(c, w, null, 0));
      return w.queryFresh(conf -> new Member(conf.participant(c.subject()).orElse(null), conf.session(c.subject())),
          m -> m.participant() != null && m.participant().active()).compose(m -> {
            if (m.participant() == null || !m.participant().active()) {
              return Future.failedFuture(new AuthError("FORBIDDEN", "not an active participant of this conference"));
            }
            if (c.session() < m.session()) {
              return Future.failedFuture(new AuthError("SESSION_ENDED", "signed in on another device, or ended"));
            }
            return Future.succeededFuture(new Caller(c, w, m.participant(), m.session()));
          });
    });
  }

  private record Member(Participant participant, int session) {}

  /** Route handler: a bearer access token, verified, or 401; the claims stay on the context. */
  public Handler<RoutingContext> bearer() {
    return ctx -> claimsOf(ctx).onSuccess(c -> ctx.next());
  }

  /** Route handler: {@link #bearer()}, then membership of the conference named by the path's {@code :id}. */
  public Handler<RoutingContext> member() {
    return ctx -> callerOf(ctx).onSuccess(c -> ctx.next());
  }

  /** The claims the chain verified, verifying them now if no handler of the chain did; an error is already sent. */
  Future<Tokens.Claims> claimsOf(RoutingContext ctx) {
    Tokens.Claims known = ctx.get(CLAIMS);
    if (known != null) return Future.succeededFuture(known);
    String h = ctx.request().getHeader("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      RestApi.fail(ctx, 401, Replies.error(null, "NOT_AUTHENTICATED", "send Authorization: Bearer <access token>"));
      return Future.failedFuture("unauthenticated");
    }
    return token(h.substring(7).trim()).transform(ar -> {
      if (ar.failed()) {
        RestApi.fail(ctx, 401, Replies.error(null, "INVALID_TOKEN", null));
        return Future.failedFuture(ar.cause());
      }
      ctx.put(CLAIMS, ar.result());
      return Future.succeededFuture(ar.result());
    });
  }

  /** The caller admitted to the path's conference, as {@link #member()} found it; an error is already sent. */
  Future<Caller> callerOf(RoutingContext ctx) {
    Caller known = ctx.get(CALLER);
    String id = ctx.pathParam("id");
    if (known != null && known.writer().conferenceId().equals(id)) return Future.succeededFuture(known);
    return claimsOf(ctx).compose(c -> member(c, id).transform(ar -> {
      if (ar.failed()) {
        RestApi.failCause(ctx, ar.cause());
        return Future.failedFuture(ar.cause());
      }
      ctx.put(CALLER, ar.result());
      return Future.succeededFuture(ar.result());
    }));
  }
}
