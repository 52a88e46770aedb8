package vn.hoinghi.gateway;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import vn.hoinghi.auth.Tokens;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.ConferenceSnapshot;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.domain.ReportHeading;
import vn.hoinghi.domain.Role;
import vn.hoinghi.live.ConferenceWriter;
import vn.hoinghi.report.ReportOptions;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReports;
import vn.hoinghi.report.export.CsvExport;
import vn.hoinghi.report.export.DocumentHeading;
import vn.hoinghi.report.export.DocxExport;
import vn.hoinghi.report.export.MarkdownExport;
import vn.hoinghi.report.export.PdfExport;
import vn.hoinghi.report.export.XlsxExport;
import vn.hoinghi.report.revision.DraftRevision;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.wire.Codec;
import vn.hoinghi.wire.WireError;

/**
 * The synthesis report and its exports (docs/report.md), and the routes of the audit log ({@link AuditApi}), the draft
 * versions ({@link DraftVersionsApi}) and revising the draft ({@link DraftRevisionApi}), with what they share: who may
 * read what, the conference's writer or a private copy of it, the answers and errors.
 * Reads take a snapshot of the conference on its writer (a copy of records, quick) and build everything else on a
 * worker thread, so neither the writer nor an event loop waits for a document. The only write, revising the draft,
 * is an ordinary {@code ImportDraft} of the composed text, submitted as the caller.
 */
public final class ReportApi {
  /** Largest revise request: a thousand edits of a few kilobytes each. */
  static final long BODY_LIMIT = 3L * 1024 * 1024;
  private static final Map<String, String> TYPES = Map.of(
      "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "pdf", "application/pdf",
      "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "csv", "text/csv; charset=utf-8",
      "md", "text/markdown; charset=utf-8",
      "json", "application/json; charset=utf-8");

  private final Vertx vertx;
  private final Gateway gateway;
  private final AuditApi audit;
  private final DraftVersionsApi versions;
  private final DraftRevisionApi revision;

  public ReportApi(Vertx vertx, Gateway gateway, EventStore store) {
    this.vertx = vertx;
    this.gateway = gateway;
    this.audit = new AuditApi(vertx, gateway, this, store);
    this.versions = new DraftVersionsApi(vertx, this);
    this.revision = new DraftRevisionApi(vertx, this);
  }

  /** Routes relative to /api; requests that match none fall through to the next /api router. */
  public Router router() {
    Router r = Router.router(vertx);
    Handler<RoutingContext> member = gateway.auth().member();
    r.get("/conferences/:id/report").handler(member).handler(ctx -> report(ctx, "json"));
    r.get("/conferences/:id/report/:format").handler(member).handler(ctx -> report(ctx, ctx.pathParam("format")));
    r.get("/conferences/:id/audit").handler(member).handler(audit::auditPage);
    r.get("/conferences/:id/audit/:format").handler(member).handler(audit::auditExport);
    r.get("/conferences/:id/drafts").handler(member).handler(versions::versions);
    r.get("/conferences/:id/drafts/diff").handler(member).handler(versions::diff);
    r.get("/conferences/:id/drafts/orphans").handler(member).handler(versions::orphans);
    // The body is read before the edge waits for the roster.
    r.post("/conferences/:id/drafts/revise").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
        .handler(member).handler(revision::revise);
    r.get("/conferences/:id/drafts/:version").handler(member).handler(versions::versionText);
    r.route().failureHandler(this::failure);
    return r;
  }

  // ------------------------------------------------------------------------------------------- who may read

  /** What a caller may read: everything (moderators, organizers) or one endpoint's part (a host). */
  record Reader(Tokens.Claims claims, String endpointId) {
    boolean whole() {
      return endpointId == null;
    }

    Actor actor() {
      return claims.kind() == Tokens.Kind.ORGANIZER ? Actor.organizer(claims.subject())
          : Actor.participant(claims.subject());
    }

    String submitter() {
      return claims.kind() == Tokens.Kind.PARTICIPANT ? claims.subject() : null;
    }
  }

  enum Need { MODERATOR, MODERATOR_OR_HOST, PARTICIPANT }

  /** The caller (admitted by the chain's {@link AuthEdge#member()}) with what they may read, or a 403 already sent. */
  Future<Reader> reader(RoutingContext ctx, Need need) {
    return gateway.auth().callerOf(ctx).compose(caller -> {
      Participant p = caller.participant();
      if (p == null || p.moderator() || need == Need.PARTICIPANT) {
        return Future.succeededFuture(new Reader(caller.claims(), null));
      }
      if (need == Need.MODERATOR_OR_HOST && p.has(Role.HOST) && p.endpointId() != null) {
        return Future.succeededFuture(new Reader(caller.claims(), p.endpointId()));
      }
      fail(ctx, 403, Replies.error(null, "FORBIDDEN", need == Need.MODERATOR
          ? "only the chair, the secretary and organizers may read this"
          : "only the chair, the secretary, organizers and (for their own endpoint) hosts may read the report"));
      return Future.failedFuture("forbidden");
    });
  }

  Future<ConferenceWriter> writer(RoutingContext ctx) {
    return gateway.conferences().caughtUp(ctx.pathParam("id"));
  }

  /** A private copy of the conference, restored from a snapshot taken on its writer: read it on any thread. */
  Future<Conference> copy(RoutingContext ctx) {
    return writer(ctx).compose(w -> w.query(Conference::snapshot))
        .compose(s -> vertx.executeBlocking(() -> Conference.restore(s, gateway.conferences().sealer()), false));
  }

  // ------------------------------------------------------------------------------------------- the report

  private void report(RoutingContext ctx, String format) {
    if (!TYPES.containsKey(format)) {
      fail(ctx, 400, Replies.error(null, "INVALID", "format must be one of docx, pdf, xlsx, csv, md, json"));
      return;
    }
    Integer version;
    ReportHeading layout;
    try {
      version = intParam(ctx, "version", 1, 100);
      layout = ReportLayoutParams.parse(ctx.request().params());
    } catch (IllegalArgumentException e) {
      fail(ctx, 400, Replies.error(null, "INVALID", e.getMessage()));
      return;
    }
    String endpoint = ctx.request().getParam("endpoint");
    reader(ctx, Need.MODERATOR_OR_HOST).onSuccess(reader -> {
      if (!reader.whole() && endpoint != null && !endpoint.equals(reader.endpointId())) {
        fail(ctx, 403, Replies.error(null, "FORBIDDEN", "a host reads their own endpoint's part only"));
        return;
      }
      ReportOptions options = new ReportOptions(version, reader.whole() ? endpoint : reader.endpointId());
      writer(ctx).compose(w -> w.query(Conference::snapshot))
          .compose(snap -> {
            // The stored heading, the query's fields over it (400 when the two together are refused).
            DocumentHeading heading = ReportLayoutParams.resolve(snap.reportHeading(), layout);
            return vertx.executeBlocking(() -> render(snap, options, format, heading), false);
          })
          .onSuccess(bytes -> {
            String name = "bao-cao-tong-hop-" + ctx.pathParam("id")
                + (options.endpointId() == null ? "" : "-" + options.endpointId()) + "." + format;
            send(ctx, format, bytes, format.equals("json") ? null : name);
          })
          .onFailure(e -> failCause(ctx, e));
    });
  }

  private byte[] render(ConferenceSnapshot snap, ReportOptions options, String format, DocumentHeading heading) {
    Conference conf = Conference.restore(snap, gateway.conferences().sealer());
    SynthesisReport r = SynthesisReports.build(conf, options, Instant.now());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (format) {
      case "docx" -> DocxExport.write(r, heading, out);
      case "pdf" -> PdfExport.write(r, heading, out);
      case "xlsx" -> XlsxExport.write(r, out);
      case "csv" -> CsvExport.write(r, out);
      case "md" -> out.writeBytes(MarkdownExport.render(r, heading).getBytes(StandardCharsets.UTF_8));
      default -> out.writeBytes(Codec.encode(r).getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  static Integer intParam(RoutingContext ctx, String name, int min, int max) {
    String v = ctx.request().getParam(name);
    if (v == null) return null;
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
    }
  }

  /** The draft moved on between composing and importing, or the base version is not the current one. */
  static final class Conflict extends RuntimeException {
    Conflict(String message) {
      super(message, null, false, false);
    }
  }

  // ------------------------------------------------------------------------------------------- plumbing

  static void send(RoutingContext ctx, String format, byte[] bytes, String attachment) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(200).putHeader("Content-Type", TYPES.get(format)).putHeader("Cache-Control", "no-store");
    if (attachment != null) {
      ctx.response().putHeader("Content-Disposition", "attachment; filename=\"" + attachment + "\"");
    }
    ctx.response().end(Buffer.buffer(bytes));
  }

  static void send(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(body.encode());
  }

  static void fail(RoutingContext ctx, int status, JsonObject body) {
    send(ctx, status, body);
  }

  static void failCause(RoutingContext ctx, Throwable e) {
    if (ctx.response().ended()) return;
    if (e instanceof vn.hoinghi.live.Conferences.NoSuchConference) {
      fail(ctx, 404, Replies.error(null, "NOT_FOUND", e.getMessage()));
    } else if (e instanceof SynthesisReports.UnknownTarget) {
      fail(ctx, 404, Replies.error(null, "NOT_FOUND", e.getMessage()));
    } else if (e instanceof DraftRevision.Refused r) {
      fail(ctx, 400, Replies.error(null, "INVALID", null).put("details", new JsonArray(r.details)));
    } else if (e instanceof Conflict) {
      fail(ctx, 409, Replies.error(null, "CONFLICT", e.getMessage()));
    } else if (e instanceof ReportHeading.Invalid h) {
      fail(ctx, 400, Replies.error(null, "INVALID", h.getMessage()));
    } else if (e instanceof WireError w) {
      fail(ctx, 400, Replies.error(null, w.code(), w.getMessage()));
    } else {
      org.slf4j.LoggerFactory.getLogger(ReportApi.class).error("report request failed", e);
      fail(ctx, 500, Replies.error(null, "INTERNAL", null));
    }
  }

  private void failure(RoutingContext ctx) {
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    String code = status == 413 ? "TOO_LARGE" : status == 400 ? "INVALID" : status == 404 ? "NOT_FOUND" : "INTERNAL";
    send(ctx, status, Replies.error(null, code, null));
  }
}
