package vn.hoinghi.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hoinghi.domain.Annotation;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.DraftVersion;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.ResponseKind;
import vn.hoinghi.live.ConferenceWriter;
import vn.hoinghi.live.Outcome;
import vn.hoinghi.report.revision.AlternativeChoice;
import vn.hoinghi.report.revision.DraftRevision;
import vn.hoinghi.report.revision.VersionDiff;
import vn.hoinghi.wire.Codec;
import vn.hoinghi.wire.WireError;

/**
 * {@code POST …/drafts/revise}: the next version composed from the current one, accepted proposed wordings, free edits
 * and chosen alternatives; previewed ({@code dryRun}) or imported as the caller.
 */
final class DraftRevisionApi {
  static final int MAX_ACCEPT = 1_000;

  private final Vertx vertx;
  private final ReportApi report;

  DraftRevisionApi(Vertx vertx, ReportApi report) {
    this.vertx = vertx;
    this.report = report;
  }

  private record ReviseRequest(int baseVersion, List<String> accept, List<DraftRevision.NodeEdit> edits, String note,
      boolean dryRun, boolean markAccepted, Map<String, String> alternatives) {}

  private static ReviseRequest parseRevise(RoutingContext ctx) {
    JsonNode b = Codec.parse(ctx.body().asString("UTF-8") == null ? "" : ctx.body().asString("UTF-8"));
    if (!b.isObject()) throw new WireError("INVALID_MESSAGE", "the body must be a JSON object");
    Set<String> known = Set.of("baseVersion", "accept", "edits", "note", "dryRun", "markAccepted", "alternatives");
    b.fieldNames().forEachRemaining(f -> {
      if (!known.contains(f)) throw new WireError("INVALID_MESSAGE", "unknown field \"" + f + "\"");
    });
    if (!b.path("baseVersion").isInt()) throw new WireError("INVALID_MESSAGE", "baseVersion (a whole number) is required");
    List<String> accept = new ArrayList<>();
    JsonNode acc = b.path("accept");
    if (!acc.isMissingNode()) {
      if (!acc.isArray() || acc.size() > MAX_ACCEPT) throw new WireError("INVALID_MESSAGE", "accept is a list of at most 1000 annotation ids");
      for (JsonNode x : acc) {
        if (!x.isTextual() || x.asText().length() > 64) throw new WireError("INVALID_MESSAGE", "accept holds annotation ids");
        accept.add(x.asText());
      }
    }
    List<DraftRevision.NodeEdit> edits = new ArrayList<>();
    JsonNode ed = b.path("edits");
    if (!ed.isMissingNode()) {
      if (!ed.isArray() || ed.size() > MAX_ACCEPT) throw new WireError("INVALID_MESSAGE", "edits is a list of at most 1000 edits");
      for (JsonNode x : ed) {
        if (!x.isObject() || !x.path("nodeId").isTextual()
            || (x.has("title") && !x.get("title").isTextual()) || (x.has("text") && !x.get("text").isTextual())
            || (!x.has("title") && !x.has("text"))) {
          throw new WireError("INVALID_MESSAGE", "an edit is {\"nodeId\", \"title\"?, \"text\"?} with title or text");
        }
        edits.add(new DraftRevision.NodeEdit(x.get("nodeId").asText(), x.has("title") ? x.get("title").asText() : null,
            x.has("text") ? x.get("text").asText() : null));
      }
    }
    if (b.has("note") && !b.get("note").isTextual()) throw new WireError("INVALID_MESSAGE", "note is a string");
    for (String f : List.of("dryRun", "markAccepted")) {
      if (b.has(f) && !b.get(f).isBoolean()) throw new WireError("INVALID_MESSAGE", f + " is true or false");
    }
    // The secretary's choice of alternative wording per group: {"groupNodeId": "alternativeNodeId"}.
    Map<String, String> alternatives = new java.util.LinkedHashMap<>();
    JsonNode alts = b.path("alternatives");
    if (!alts.isMissingNode()) {
      if (!alts.isObject() || alts.size() > MAX_ACCEPT) {
        throw new WireError("INVALID_MESSAGE", "alternatives maps a node id to the id of its chosen alternative");
      }
      alts.fields().forEachRemaining(f -> {
        if (!f.getValue().isTextual() || f.getKey().length() > 64 || f.getValue().asText().length() > 64) {
          throw new WireError("INVALID_MESSAGE", "alternatives maps a node id to the id of its chosen alternative");
        }
        alternatives.put(f.getKey(), f.getValue().asText());
      });
    }
    if (accept.isEmpty() && edits.isEmpty() && alternatives.isEmpty()) {
      throw new WireError("INVALID_MESSAGE", "nothing to revise: give accepted annotations, edits and/or alternatives");
    }
    return new ReviseRequest(b.get("baseVersion").asInt(), List.copyOf(new LinkedHashSet<>(accept)), edits,
        b.path("note").asText("Tiếp thu ý kiến góp ý"), b.path("dryRun").asBoolean(false),
        b.path("markAccepted").asBoolean(true), alternatives);
  }

  /**
   * Version N+1 from version N (the current one), the accepted proposed wordings and free edits. With
   * {@code dryRun} it only answers the composed text and the differences. Otherwise it imports the text as the caller
   * (roles.md: ImportDraft) and, with {@code markAccepted} (default), answers ACCEPTED to each applied annotation not
   * yet answered so (RespondToAnnotation: chair or secretary).
   */
  void revise(RoutingContext ctx) {
    ReviseRequest req;
    try {
      req = parseRevise(ctx);
    } catch (WireError e) {
      ReportApi.fail(ctx, 400, Replies.error(null, e.code(), e.getMessage()));
      return;
    }
    String key = ctx.request().getHeader("Idempotency-Key");
    if (key != null && !key.matches("[A-Za-z0-9._:-]{1,48}")) {
      ReportApi.fail(ctx, 400, Replies.error(null, "INVALID", "Idempotency-Key: 1–48 of A-Z a-z 0-9 . _ : -"));
      return;
    }
    report.reader(ctx, ReportApi.Need.MODERATOR).onSuccess(reader -> report.copy(ctx).compose(conf -> vertx.executeBlocking(() -> {
      int current = conf.drafts().size();
      if (req.baseVersion() != current) {
        throw new ReportApi.Conflict("the draft is at version " + current + "; compose against it (baseVersion " + current + ")");
      }
      List<Annotation> accepted = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (String id : req.accept()) {
        conf.annotation(id).ifPresentOrElse(accepted::add, () -> missing.add(id + ": không có góp ý này / no such annotation"));
      }
      if (!missing.isEmpty()) throw new DraftRevision.Refused(missing);
      DraftVersion base = conf.drafts().get(current - 1);
      List<AlternativeChoice.Chosen> chosen = AlternativeChoice.resolve(base.document(), current, conf.votes(),
          conf::tally, req.alternatives());
      DraftRevision.Result result = DraftRevision.compose(base.document(), current, accepted, req.edits(), chosen);
      // Ids as the import will assign them, so the preview matches articles as the real diff will.
      Set<String> used = new java.util.HashSet<>();
      conf.drafts().forEach(v -> v.document().allNodes().forEach(n -> used.add(n.id())));
      VersionDiff.Comparison preview = VersionDiff.compare(current, base.document(), current + 1,
          vn.hoinghi.domain.document.StableIds.assign(
              vn.hoinghi.domain.document.DraftImporter.parse(result.text()).doc(), base.document(), used), List.of());
      return Map.entry(result, preview);
    }, false)).onSuccess(composed -> {
      DraftRevision.Result result = composed.getKey();
      JsonObject body = new JsonObject().put("baseVersion", req.baseVersion())
          .put("applied", new JsonArray(Codec.encode(result.applied())))
          .put("edited", new JsonArray(result.editedNodes()))
          .put("alternatives", new JsonArray(Codec.encode(result.alternatives())))
          .put("changedArticles", composed.getValue().changed());
      if (req.dryRun()) {
        body.put("text", result.text()).put("diff", new JsonObject(Codec.encode(composed.getValue())));
        ReportApi.send(ctx, "json", body.encode().getBytes(StandardCharsets.UTF_8), null);
        return;
      }
      String commandId = key != null ? "revise-" + key : "revise-" + java.util.UUID.randomUUID();
      report.writer(ctx).compose(w -> w.submit(new CommandEnvelope(commandId, reader.actor(),
          new Command.ImportDraft(result.text(), req.note())), reader.submitter()).compose(o -> {
            if (!(o instanceof Outcome.Acked ack)) {
              return Future.succeededFuture(Map.entry(o, new JsonArray()));
            }
            int version = ack.events().stream().filter(e -> e instanceof Event.DraftVersionImported)
                .map(e -> ((Event.DraftVersionImported) e).version()).findFirst().orElse(req.baseVersion() + 1);
            body.put("version", version).put("firstSeq", ack.firstSeq()).put("lastSeq", ack.lastSeq())
                .put("duplicate", ack.duplicate());
            return markAccepted(w, reader, req, result, commandId).map(responses -> Map.entry(o, responses));
          }))
          .onSuccess(done -> {
            Outcome o = done.getKey();
            if (o instanceof Outcome.Acked) {
              body.put("type", "ack").put("responses", done.getValue());
              ReportApi.send(ctx, 201, body);
            } else {
              JsonObject reply = Replies.outcome(commandId, o);
              ReportApi.send(ctx, RestApi.statusFor(reply.getString("code")), reply);
            }
          })
          .onFailure(e -> ReportApi.failCause(ctx, e));
    }).onFailure(e -> ReportApi.failCause(ctx, e)));
  }

  /** Answers ACCEPTED to the applied annotations that are not answered so yet; each result is reported. */
  private Future<JsonArray> markAccepted(ConferenceWriter w, ReportApi.Reader reader, ReviseRequest req,
      DraftRevision.Result result, String commandId) {
    JsonArray out = new JsonArray();
    if (!req.markAccepted() || result.applied().isEmpty()) return Future.succeededFuture(out);
    return w.query(conf -> result.applied().stream().map(DraftRevision.Applied::annotationId).distinct()
        .filter(id -> conf.annotation(id).map(a -> a.response() == null || a.response().kind() != ResponseKind.ACCEPTED)
            .orElse(false)).toList())
        .compose(ids -> {
          List<Future<Outcome>> all = new ArrayList<>();
          for (String id : ids) {
            String cid = (commandId + ":" + id);
            cid = cid.length() > 64 ? cid.substring(cid.length() - 64) : cid;
            all.add(w.submit(new CommandEnvelope(cid, reader.actor(),
                new Command.RespondToAnnotation(id, ResponseKind.ACCEPTED, null)), reader.submitter()));
          }
          return Future.join(all).transform(ar -> {
            for (int i = 0; i < ids.size(); i++) {
              Outcome o = all.get(i).succeeded() ? all.get(i).result() : new Outcome.Failed("INTERNAL", "failed");
              out.add(Replies.outcome(null, o).put("annotationId", ids.get(i)));
            }
            return Future.succeededFuture(out);
          });
        });
  }
}
