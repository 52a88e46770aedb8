package vn.hoinghi.gateway;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.hoinghi.auth.Throttle;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.DelegateDetails;
import vn.hoinghi.domain.Endpoint;
import vn.hoinghi.domain.JoinCode;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.domain.Role;
import vn.hoinghi.wire.RestBody.CodeRefusal;
import vn.hoinghi.wire.RestBody.HallDelegate;
import vn.hoinghi.wire.RestBody.JoinCodeInfo;
import vn.hoinghi.wire.ServerMessage.BilingualText;

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
    if (RestApi.throttled(ctx, gateway.throttle(), ipKey)) return;
    gateway.conferences().existing(conferenceId)
        .compose(w -> w.query(c -> describe(c, code)))
        .onComplete(ar -> {
          JoinCodeInfo body = ar.succeeded() ? ar.result() : null;
          if (body == null) {
            gateway.throttle().failure(ipKey, Throttle.FREE_PER_ADDRESS);
            RestApi.fail(ctx, 404, Replies.error(null, "NOT_FOUND", "no such conference or code"));
            return;
          }
          RestApi.json(ctx, 200, body);
        });
  }

  private static JoinCodeInfo describe(Conference c, String code) {
    JoinCode jc = c.views().joinCode(code, Instant.now()).orElse(null);
    if (jc == null || c.info() == null) return null;
    Endpoint hall = jc.endpointId() == null ? null : c.endpoint(jc.endpointId()).orElse(null);
    CodeRefusal refusal = jc.refusal() == null ? null : new CodeRefusal(jc.refusal().code().name(),
        new BilingualText(jc.refusal().messageVi(), jc.refusal().messageEn()));
    List<HallDelegate> names = null;
    if (jc.kind() == JoinCode.Kind.HALL_LINK && jc.refusal() == null) {
      // Names and positions only: contact details stay with the hosts and the moderators.
      names = new ArrayList<>();
      for (Participant p : c.listedDelegates(jc.endpointId())) {
        DelegateDetails d = c.delegateDetails(p.id()).orElse(null);
        names.add(new HallDelegate(p.id(), p.displayName(), d == null ? null : d.position()));
      }
    }
    return new JoinCodeInfo(c.conferenceId(), c.info().title(), c.info().status(), jc.kind(), c.info().startsAt(),
        jc.participant() != null ? Role.DELEGATE : jc.invite().role(), jc.endpointId(),
        hall == null ? null : hall.name(), hall == null ? null : hall.code(), jc.refusal() == null,
        jc.participant() == null ? null : jc.participant().displayName(), refusal, names);
  }
}
