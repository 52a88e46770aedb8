package vn.hoinghi.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import vn.hoinghi.auth.Throttle;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.DelegateDetails;
import vn.hoinghi.domain.Endpoint;
import vn.hoinghi.domain.JoinCode;
import vn.hoinghi.domain.Participant;

/**
 * {@code GET /api/join/code}: what a code opens, before anybody joins with it (docs/api.md). The join page shows the
 * conference, the hall and the date, tells a refused code at once, and for a hall's shared link lists the names on
 * the hall's delegate list so a person can pick their own (the host then confirms it is them). Unknown codes count
 * against the client address like refused joins.
 */
final class JoinCodes {
  private final Gateway gateway;

  JoinCodes(Gateway gateway) {
    this.gateway = gateway;
  }

  void describe(RoutingContext ctx) {
    String conferenceId = ctx.request().getParam("conferenceId");
    String code = ctx.request().getParam("code");
    if (conferenceId == null || code == null || code.length() > 64) {
      RestApi.fail(ctx, 400, Replies.error(null, "INVALID", "send ?conferenceId=…&code=…"));
      return;
    }
    String ipKey = "join-ip:" + ctx.request().remoteAddress().hostAddress();
    long wait = gateway.throttle().retryAfterSeconds(ipKey);
    if (wait > 0) {
      ctx.response().putHeader("Retry-After", Long.toString(wait));
      RestApi.fail(ctx, 429, Replies.error(null, "THROTTLED", "retry after " + wait + " s"));
      return;
    }
    gateway.conferences().existing(conferenceId)
        .compose(w -> w.query(c -> describe(c, code)))
        .onComplete(ar -> {
          JsonObject body = ar.succeeded() ? ar.result() : null;
          if (body == null) {
            gateway.throttle().failure(ipKey, Throttle.FREE_PER_ADDRESS);
            RestApi.fail(ctx, 404, Replies.error(null, "NOT_FOUND", "no such conference or code"));
            return;
          }
          RestApi.json(ctx, 200, body);
        });
  }

  private static JsonObject describe(Conference c, String code) {
    JoinCode jc = c.views().joinCode(code, Instant.now()).orElse(null);
    if (jc == null || c.info() == null) return null;
    Endpoint hall = jc.endpointId() == null ? null : c.endpoint(jc.endpointId()).orElse(null);
    JsonObject out = new JsonObject().put("conferenceId", c.conferenceId()).put("title", c.info().title())
        .put("status", c.info().status().name()).put("kind", jc.kind().name())
        .put("startsAt", c.info().startsAt() == null ? null : c.info().startsAt().toString())
        .put("role", jc.participant() != null ? "DELEGATE" : jc.invite().role().name())
        .put("endpointId", jc.endpointId())
        .put("endpointName", hall == null ? null : hall.name()).put("endpointCode", hall == null ? null : hall.code())
        .put("usable", jc.refusal() == null);
    if (jc.participant() != null) out.put("name", jc.participant().displayName());
    if (jc.refusal() != null) {
      out.put("refusal", new JsonObject().put("code", jc.refusal().code().name()).put("message",
          new JsonObject().put("vi", jc.refusal().messageVi()).put("en", jc.refusal().messageEn())));
    }
    if (jc.kind() == JoinCode.Kind.HALL_LINK && jc.refusal() == null) {
      // Names and positions only: contact details stay with the hosts and the moderators.
      JsonArray names = new JsonArray();
      for (Participant p : c.listedDelegates(jc.endpointId())) {
        DelegateDetails d = c.delegateDetails(p.id()).orElse(null);
        names.add(new JsonObject().put("participantId", p.id()).put("fullName", p.displayName())
            .put("position", d == null ? null : d.position()));
      }
      out.put("delegates", names);
    }
    return out;
  }
}
