package vn.hoinghi.gateway;

import io.vertx.core.json.JsonObject;
import vn.hoinghi.wire.RestBody;
import io.vertx.ext.web.RoutingContext;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.live.Outcome;

/**
 * {@code POST /api/join}: a code joins (or signs in again) through the conference's writer; a hall's shared link answers a
 * request its host decides ({@link JoinRequests}).
 */
final class JoinApi {
  private final Gateway gateway;
  private final RestApi rest;

  JoinApi(Gateway gateway, RestApi rest) {
    this.gateway = gateway;
    this.rest = rest;
  }

  void join(RoutingContext ctx) {
    JsonObject body = RestApi.jsonBody(ctx);
    if (body == null) return;
    String conferenceId = body.getValue("conferenceId") instanceof String s ? s : null;
    // The domain folds the code's case and spaces, as on revoke: one rule (InviteRules).
    String code = body.getValue("code") instanceof String s ? s : null;
    String name = body.getValue("displayName") instanceof String s ? s : null;
    if (conferenceId == null || code == null || code.length() > 64
        || (body.containsKey("displayName") && body.getValue("displayName") != null && name == null)) {
      RestApi.fail(ctx, 400, Replies.error(null, "INVALID", "conferenceId and code are required strings; displayName a string"));
      return;
    }
    String ipKey = "join-ip:" + ctx.request().remoteAddress().hostAddress();
    if (RestApi.throttled(ctx, gateway.throttle(), ipKey)) return;
    String commandId = "join-" + RestApi.randomCode(16);
    String claim = body.getValue("claimParticipantId") instanceof String s ? s : null;
    // For a hall's shared link the answer is a request the host decides: this secret lets the device ask for it.
    String requestKey = JoinRequests.newKey();
    Command join = new Command.JoinWithInvite(code, name, claim, JoinRequests.hash(requestKey));
    gateway.conferences().existing(conferenceId)
        .compose(w -> w.submit(new CommandEnvelope(commandId, Actor.anonymous(), join), null))
        .onComplete(ar -> {
          if (ar.failed()) {
            gateway.throttle().failure(ipKey, vn.hoinghi.auth.Throttle.FREE_PER_ADDRESS);
            RestApi.failCause(ctx, ar.cause());
            return;
          }
          Outcome o = ar.result();
          if (o instanceof Outcome.Acked a) {
            joined(ctx, conferenceId, a, requestKey);
          } else {
            gateway.throttle().failure(ipKey, vn.hoinghi.auth.Throttle.FREE_PER_ADDRESS);
            RestApi.outcome(ctx, commandId, o, 201);
          }
        });
  }

  /**
   * What a successful join gives: tokens for the new or signed-in participant, or, for a hall's shared link, the
   * pending request and the key to ask about it.
   */
  void joined(RoutingContext ctx, String conferenceId, Outcome.Acked a, String requestKey) {
    for (Event e : a.events()) {
      if (e instanceof Event.JoinRequested r) {
        RestApi.json(ctx, 202, new RestBody.JoinPending(RestBody.Pending.PENDING, conferenceId, r.requestId(),
            requestKey, r.displayName(), r.endpointId(), r.duplicateOf() != null));
        return;
      }
    }
    for (Event e : a.events()) {
      // Answered from the outcome, not from this node's replica: the participant exists once the join is acked.
      if (e instanceof Event.ParticipantRegistered joined) {
        RestApi.json(ctx, 201, rest.signIn().participantTokens(conferenceId, joined.participantId(),
            joined.displayName(), joined.roles(), joined.endpointId(), 0));
        return;
      }
      if (e instanceof Event.SessionStarted signedIn) {
        // The session this sign-in started, not the replica's latest: two devices signing in at once get one each.
        gateway.conferences().existing(conferenceId)
            .compose(w -> w.query(c -> c.participant(signedIn.participantId()).orElse(null)))
            .onComplete(ar -> {
              Participant p = ar.succeeded() ? ar.result() : null;
              if (p == null) RestApi.fail(ctx, 500, Replies.error(null, "INTERNAL", "the signed-in participant is unknown"));
              else RestApi.json(ctx, 201, rest.signIn().participantTokens(conferenceId, p.id(), p.displayName(),
                  p.roles(), p.endpointId(), signedIn.session()));
            });
        return;
      }
    }
    RestApi.fail(ctx, 500, Replies.error(null, "INTERNAL", "the join registered no participant"));
  }
}
