package vn.hoinghi.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import vn.hoinghi.auth.Tokens;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Event;
import vn.hoinghi.live.Outcome;
import vn.hoinghi.report.DraftPlaces;

/**
 * Written opinions of agencies imported from a file (docs/api.md): {@code POST /api/conferences/{id}/opinions/import}
 * with CSV or XLSX. The file is read and every row checked against the current draft on a worker thread; any problem
 * answers 400 with all of them, by line and column, and nothing is recorded. Otherwise one
 * {@link Command.ImportWrittenOpinions} goes to the writer as the caller (chair or secretary, per roles.md).
 */
final class OpinionsApi {

  private final Vertx vertx;
  private final Gateway gateway;
  private final RestApi rest;

  OpinionsApi(Vertx vertx, Gateway gateway, RestApi rest) {
    this.vertx = vertx;
    this.gateway = gateway;
    this.rest = rest;
  }

  void mount(Router r) {
    r.post("/conferences/:id/opinions/import").handler(gateway.auth().member()).handler(this::importFile);
  }

  private static Actor actorOf(Tokens.Claims c) {
    return c.kind() == Tokens.Kind.ORGANIZER ? Actor.organizer(c.subject()) : Actor.participant(c.subject());
  }

  private void importFile(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String type = ctx.request().getHeader("Content-Type");
    String media = DraftUpload.mediaType(type);
    rest.callerFor(ctx, id).onSuccess(c -> {
      if (media != null && !media.equals(WrittenOpinionTable.XLSX) && !media.equals("text/csv")
          && !media.equals("text/plain")) {
        RestApi.fail(ctx, 415, Replies.error(null, "UNSUPPORTED_MEDIA_TYPE", "send the opinions as text/csv or "
            + WrittenOpinionTable.XLSX + ", not " + media));
        return;
      }
      byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
      gateway.conferences().existing(id)
          .compose(w -> w.query(conf -> conf.currentDraft().map(v -> v.document()).orElse(null)))
          .compose(doc -> vertx.executeBlocking(() -> WrittenOpinionTable.parse(body, type,
              doc == null ? null : new DraftPlaces(doc)), false))
          .onSuccess(p -> {
            if (!p.problems().isEmpty()) {
              RestApi.fail(ctx, 400, Replies.error(null, "INVALID", null).put("details", new JsonArray(p.problems())));
              return;
            }
            submit(ctx, id, c, p);
          })
          .onFailure(e -> RestApi.failCause(ctx, e));
    });
  }

  private void submit(RoutingContext ctx, String id, Tokens.Claims c, WrittenOpinionTable.Parsed p) {
    String commandId = Optional.ofNullable(ctx.request().getHeader("Idempotency-Key"))
        .orElse("opinions-" + JoinRequests.newKey().substring(0, 16));
    gateway.conferences().existing(id)
        .compose(w -> w.submit(new CommandEnvelope(commandId, actorOf(c), new Command.ImportWrittenOpinions(p.rows())),
            c.kind() == Tokens.Kind.PARTICIPANT ? c.subject() : null))
        .onSuccess(o -> {
          JsonObject reply = Replies.outcome(commandId, o);
          if (o instanceof Outcome.Acked a) {
            reply.put("added", a.duplicate() ? null : a.events().stream().mapToInt(e ->
                e instanceof Event.WrittenOpinionsImported i ? i.opinions().size() : 0).sum());
            RestApi.json(ctx, 201, reply);
          } else {
            if (o instanceof Outcome.Refused r && !r.rejection().details().isEmpty()) {
              reply.put("details", new JsonArray(DelegatesApi.byLine(r.rejection().details(), p.lines())));
            }
            RestApi.json(ctx, RestApi.statusFor(reply.getString("code")), reply);
          }
        })
        .onFailure(e -> RestApi.failCause(ctx, e));
  }
}
