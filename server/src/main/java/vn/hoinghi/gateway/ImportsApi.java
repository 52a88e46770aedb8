package vn.hoinghi.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.hoinghi.auth.Tokens;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Decision;
import vn.hoinghi.domain.Rejection;
import vn.hoinghi.domain.RejectionCode;
import vn.hoinghi.domain.document.DraftImporter;
import vn.hoinghi.domain.document.ImportProblem;
import vn.hoinghi.domain.document.ImportResult;
import vn.hoinghi.live.ConferenceWriter;
import vn.hoinghi.live.Outcome;
import vn.hoinghi.wire.RestBody;

/** Files a conference is set up from: a draft (text or .docx, checked first with a preview) and a CSV of endpoints. */
final class ImportsApi {
  private final Vertx vertx;
  private final Gateway gateway;
  private final RestApi rest;

  ImportsApi(Vertx vertx, Gateway gateway, RestApi rest) {
    this.vertx = vertx;
    this.gateway = gateway;
    this.rest = rest;
  }

  void importDraft(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    rest.callerFor(ctx, id).onSuccess(c -> DraftUpload.read(vertx, ctx).onSuccess(d -> {
      if (d.text().isBlank()) {
        RestApi.fail(ctx, 400, Replies.error(null, "INVALID", "send the draft as the request body (text/plain, text/markdown or a .docx)"));
        return;
      }
      String note = Optional.ofNullable(ctx.request().getParam("note")).orElse("");
      String commandId = Optional.ofNullable(ctx.request().getHeader("Idempotency-Key")).orElse("draft-" + RestApi.randomCode(12));
      // Parse and match stable ids on a worker, against the current version read from the writer, before the command
      // reaches it: the writer then takes the prepared result (PreparedImport) instead of holding its thread.
      gateway.conferences().existing(id).compose(w -> DraftUpload.prepare(vertx, w, d.text()))
          .onComplete(ar -> rest.submit(ctx, id, c, commandId, new Command.ImportDraft(d.text(), note), 201));
    }));
  }

  void previewDraft(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    rest.callerFor(ctx, id).onSuccess(c -> DraftUpload.read(vertx, ctx).onSuccess(d ->
      vertx.executeBlocking(() -> DraftImporter.parse(d.text()), false).onComplete(ar -> {
        if (ar.failed()) {
          RestApi.failCause(ctx, ar.cause());
          return;
        }
        ImportResult r = ar.result();
        // What the .docx reader left out, then what the importer left out (page furniture), by line.
        List<ImportProblem> notices = new ArrayList<>(d.notices());
        notices.addAll(r.notices());
        // A .docx's problems refer to the lines of the text made from it: the client shows that text.
        RestApi.json(ctx, 200, new RestBody.DraftPreview(r.problems().isEmpty(), r.problems(),
            d.docx() ? RestBody.DraftFormat.DOCX : RestBody.DraftFormat.TEXT, notices, d.docx() ? d.text() : null,
            r.doc()));
      })));
  }

  /**
   * Endpoints from CSV with a header row: code,name,region,level (level CENTRAL, PROVINCIAL or COMMUNE), added by one
   * ImportEndpoints command: all rows or none. Any problem → 400 listing every problem of the file by line.
   */
  void importEndpoints(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    rest.callerFor(ctx, id).onSuccess(c -> {
      EndpointCsv csv = EndpointCsv.parse(ctx.body().asString("UTF-8"));
      String commandId = "csv-" + Optional.ofNullable(ctx.request().getHeader("Idempotency-Key")).orElse(RestApi.randomCode(10));
      CommandEnvelope env = new CommandEnvelope(commandId, RestApi.actorOf(c), csv.command());
      gateway.conferences().existing(id).onComplete(war -> {
        if (war.failed()) {
          RestApi.failCause(ctx, war.cause());
          return;
        }
        ConferenceWriter w = war.result();
        if (!csv.readWhole() || csv.rows().isEmpty()) {
          // Nothing is submitted, but the rows that were read are still judged, so one answer lists every problem.
          w.query(conf -> conf.decide(env, Instant.now())).onSuccess(d -> {
            Rejection r = d instanceof Decision.Rejected rej ? rej.rejection() : null;
            if (r != null && r.code() != RejectionCode.INVALID) {
              RestApi.json(ctx, RestApi.statusFor(r.code().name()), Replies.rejection(null, r));
            } else {
              List<String> details = r != null && !csv.rows().isEmpty() ? r.details() : List.of();
              RestApi.fail(ctx, 400, Replies.error(null, "INVALID", null).put("details", new JsonArray(csv.problems(details))));
            }
          }).onFailure(e -> RestApi.failCause(ctx, e));
          return;
        }
        w.submit(env, c.kind() == Tokens.Kind.PARTICIPANT ? c.subject() : null).onSuccess(o -> {
          if (o instanceof Outcome.Refused r && r.rejection().code() == RejectionCode.INVALID) {
            RestApi.fail(ctx, 400, Replies.error(null, "INVALID", null)
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
            }).onSuccess(eps -> RestApi.json(ctx, 201, Replies.outcome(commandId, o)
                .put("added", a.duplicate() ? 0 : eps.size()).put("endpoints", eps)))
                .onFailure(e -> RestApi.failCause(ctx, e));
          } else {
            RestApi.outcome(ctx, commandId, o, 201);
          }
        }).onFailure(e -> RestApi.failCause(ctx, e));
      });
    });
  }

}
