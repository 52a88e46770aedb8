package vn.hoinghi.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.hoinghi.auth.Tokens;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.Annotation;
import vn.hoinghi.domain.AnnotationKind;
import vn.hoinghi.domain.AnnotationStatus;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.ConferenceSnapshot;
import vn.hoinghi.domain.DraftVersion;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.domain.ReportHeading;
import vn.hoinghi.domain.ResponseKind;
import vn.hoinghi.domain.Role;
import vn.hoinghi.live.ConferenceWriter;
import vn.hoinghi.live.Outcome;
import vn.hoinghi.report.AuditLog;
import vn.hoinghi.report.ReportOptions;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReports;
import vn.hoinghi.report.export.CsvExport;
import vn.hoinghi.report.export.DocumentHeading;
import vn.hoinghi.report.export.DocxExport;
import vn.hoinghi.report.export.DraftDocx;
import vn.hoinghi.report.export.MarkdownExport;
import vn.hoinghi.report.export.PdfExport;
import vn.hoinghi.report.export.XlsxExport;
import vn.hoinghi.report.revision.AlternativeChoice;
import vn.hoinghi.report.revision.DraftRevision;
import vn.hoinghi.report.revision.DraftText;
import vn.hoinghi.report.revision.VersionDiff;
import vn.hoinghi.report.revision.WordDiff;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.store.StoredEvent;
import vn.hoinghi.wire.Codec;
import vn.hoinghi.wire.WireError;

/**
 * The synthesis report, its exports, the audit log and the draft versions with their differences (docs/report.md).
 * Reads take a snapshot of the conference on its writer (a copy of records, quick) and build everything else on a
 * worker thread, so neither the writer nor an event loop waits for a document. The only write, revising the draft,
 * is an ordinary {@code ImportDraft} of the composed text, submitted as the caller.
 */
public final class ReportApi {
  /** Largest revise request: a thousand edits of a few kilobytes each. */
  static final long BODY_LIMIT = 3L * 1024 * 1024;
  static final int AUDIT_PAGE = 1_000;
  static final int MAX_ACCEPT = 1_000;
  private static final Map<String, String> TYPES = Map.of(
      "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "pdf", "application/pdf",
      "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "csv", "text/csv; charset=utf-8",
      "md", "text/markdown; charset=utf-8",
      "json", "application/json; charset=utf-8");

  private final Vertx vertx;
  /** The JSON of draft versions, made once per version (the live clients' source of the text). */
  private final DraftResource draftBodies = new DraftResource();
  private final Gateway gateway;
  private final EventStore store;

  public ReportApi(Vertx vertx, Gateway gateway, EventStore store) {
    this.vertx = vertx;
    this.gateway = gateway;
    this.store = store;
  }

  /** Routes relative to /api; requests that match none fall through to the next /api router. */
  public Router router() {
    Router r = Router.router(vertx);
    Handler<RoutingContext> member = gateway.auth().member();
    r.get("/conferences/:id/report").handler(member).handler(ctx -> report(ctx, "json"));
    r.get("/conferences/:id/report/:format").handler(member).handler(ctx -> report(ctx, ctx.pathParam("format")));
    r.get("/conferences/:id/audit").handler(member).handler(this::auditPage);
    r.get("/conferences/:id/audit/:format").handler(member).handler(this::auditExport);
    r.get("/conferences/:id/drafts").handler(member).handler(this::versions);
    r.get("/conferences/:id/drafts/diff").handler(member).handler(this::diff);
    r.get("/conferences/:id/drafts/orphans").handler(member).handler(this::orphans);
    // The body is read before the edge waits for the roster.
    r.post("/conferences/:id/drafts/revise").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
        .handler(member).handler(this::revise);
    r.get("/conferences/:id/drafts/:version").handler(member).handler(this::versionText);
    r.route().failureHandler(this::failure);
    return r;
  }

  // ------------------------------------------------------------------------------------------- who may read

  /** What a caller may read: everything (moderators, organizers) or one endpoint's part (a host). */
  private record Reader(Tokens.Claims claims, String endpointId) {
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

  private enum Need { MODERATOR, MODERATOR_OR_HOST, PARTICIPANT }

  /** The caller (admitted by the chain's {@link AuthEdge#member()}) with what they may read, or a 403 already sent. */
  private Future<Reader> reader(RoutingContext ctx, Need need) {
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

  private Future<ConferenceWriter> writer(RoutingContext ctx) {
    return gateway.conferences().caughtUp(ctx.pathParam("id"));
  }

  /** A private copy of the conference, restored from a snapshot taken on its writer: read it on any thread. */
  private Future<Conference> copy(RoutingContext ctx) {
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

  private static Integer intParam(RoutingContext ctx, String name, int min, int max) {
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

  // ------------------------------------------------------------------------------------------- the audit log

  /** One page of the audit log as JSON: {@code after} (sequence, default 0), {@code limit} (1–1000, default 200). */
  private void auditPage(RoutingContext ctx) {
    long after;
    int limit;
    try {
      after = longParam(ctx, "after");
      Integer l = intParam(ctx, "limit", 1, AUDIT_PAGE);
      limit = l == null ? 200 : l;
    } catch (IllegalArgumentException e) {
      fail(ctx, 400, Replies.error(null, "INVALID", e.getMessage()));
      return;
    }
    String id = ctx.pathParam("id");
    reader(ctx, Need.MODERATOR).onSuccess(reader -> directory(ctx).compose(dir ->
            store.read(id, after, limit).compose(page -> vertx.executeBlocking(() -> {
              StringBuilder sb = new StringBuilder("{\"conferenceId\":").append(Codec.encode(id)).append(",\"events\":[");
              for (int i = 0; i < page.size(); i++) {
                if (i > 0) sb.append(',');
                sb.append(AuditLog.row(page.get(i), dir).jsonLine());
              }
              sb.append("],\"next\":");
              sb.append(page.size() < limit ? "null" : Long.toString(page.get(page.size() - 1).seq()));
              return sb.append('}').toString();
            }, false)))
        .onSuccess(body -> send(ctx, "json", body.getBytes(StandardCharsets.UTF_8), null))
        .onFailure(e -> failCause(ctx, e)));
  }

  /** The whole history as CSV or JSON Lines, streamed page by page. */
  private void auditExport(RoutingContext ctx) {
    String format = ctx.pathParam("format");
    if (!format.equals("csv") && !format.equals("jsonl")) {
      fail(ctx, 400, Replies.error(null, "INVALID", "format must be csv or jsonl"));
      return;
    }
    String id = ctx.pathParam("id");
    reader(ctx, Need.MODERATOR).onSuccess(reader -> directory(ctx).onSuccess(dir -> {
      HttpServerResponse res = ctx.response();
      res.setChunked(true)
          .putHeader("Content-Type", format.equals("csv") ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8")
          .putHeader("Content-Disposition", "attachment; filename=\"nhat-ky-" + id + "." + format + "\"")
          .putHeader("Cache-Control", "no-store");
      // The head alone first: sent with a first chunk under 1 KB, the whole stream would go out uncompressed.
      res.writeHead();
      if (format.equals("csv")) {
        res.write(Buffer.buffer("\uFEFF" + csvLine(AuditLog.CSV_HEADER)));
      }
      auditPages(ctx, id, 0, format, dir);
    }).onFailure(e -> failCause(ctx, e)));
  }

  private void auditPages(RoutingContext ctx, String id, long after, String format, AuditLog.Directory dir) {
    HttpServerResponse res = ctx.response();
    if (res.closed()) return;
    store.read(id, after, AUDIT_PAGE)
        .compose(page -> vertx.executeBlocking(() -> {
          StringBuilder sb = new StringBuilder();
          for (StoredEvent e : page) {
            AuditLog.Row row = AuditLog.row(e, dir);
            sb.append(format.equals("csv") ? csvLine(row.cells()) : row.jsonLine() + "\n");
          }
          return Map.entry(page.isEmpty() ? after : page.get(page.size() - 1).seq(), Map.entry(page.size(), sb.toString()));
        }, false))
        .onSuccess(r -> {
          long last = r.getKey();
          int count = r.getValue().getKey();
          res.write(Buffer.buffer(r.getValue().getValue()));
          if (count < AUDIT_PAGE) {
            res.end();
          } else if (res.writeQueueFull()) {
            res.drainHandler(v -> auditPages(ctx, id, last, format, dir));
          } else {
            auditPages(ctx, id, last, format, dir);
          }
        })
        .onFailure(e -> res.reset());
  }

  private Future<AuditLog.Directory> directory(RoutingContext ctx) {
    return writer(ctx).compose(w -> w.query(conf -> AuditLog.directory(conf,
        account -> gateway.accounts().byId(account).map(a -> a.displayName()).orElse(null))));
  }

  private static String csvLine(List<String> cells) {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
      p.printRecord(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static long longParam(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    if (v == null) return 0;
    try {
      long n = Long.parseLong(v);
      if (n < 0) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number ≥ 0");
    }
  }

  // ------------------------------------------------------------------------------------------- draft versions

  private void versions(RoutingContext ctx) {
    reader(ctx, Need.PARTICIPANT).onSuccess(reader -> writer(ctx).compose(w -> w.query(conf -> {
      JsonArray out = new JsonArray();
      for (DraftVersion v : conf.drafts()) {
        out.add(new JsonObject().put("version", v.version()).put("note", v.note()).put("importedBy", v.importedBy())
            .put("importedAt", v.importedAt() == null ? null : v.importedAt().toString())
            .put("title", v.document().title()).put("articles", v.document().articles().size()));
      }
      return new JsonObject().put("current", conf.drafts().size()).put("versions", out);
    })).onSuccess(o -> send(ctx, "json", o.encode().getBytes(StandardCharsets.UTF_8), null))
        .onFailure(e -> failCause(ctx, e)));
  }

  /**
   * One version as the importable Markdown text ({@code format=md}, default), a Word file ({@code docx}) or its parsed
   * tree ({@code json}: cacheable, with an ETag, see {@link DraftResource}).
   */
  private void versionText(RoutingContext ctx) {
    int version;
    String format = Optional.ofNullable(ctx.request().getParam("format")).orElse("md");
    try {
      version = pathVersion(ctx);
      if (!Set.of("md", "json", "docx").contains(format)) throw new IllegalArgumentException("format must be md, docx or json");
    } catch (IllegalArgumentException e) {
      fail(ctx, 400, Replies.error(null, "INVALID", e.getMessage()));
      return;
    }
    reader(ctx, Need.PARTICIPANT).onSuccess(reader -> writer(ctx)
        .compose(w -> w.query(conf -> version <= conf.drafts().size()
            ? Map.entry(conf.drafts().get(version - 1), conf.draftEtag(version)) : null))
        .onSuccess(found -> {
          if (found == null) {
            fail(ctx, 404, Replies.error(null, "NOT_FOUND", "no draft version " + version));
            return;
          }
          DraftVersion v = found.getKey();
          if (format.equals("json")) {
            draftBodies.send(ctx, found.getValue(), v.document(), vertx);
            return;
          }
          vertx.executeBlocking(() -> switch (format) {
            case "md" -> DraftText.render(v.document()).getBytes(StandardCharsets.UTF_8);
            case "docx" -> {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              DraftDocx.writeVersion(v.document(), version, out);
              yield out.toByteArray();
            }
            default -> Codec.encode(v.document()).getBytes(StandardCharsets.UTF_8);
          }, false).onSuccess(bytes -> send(ctx, format, bytes,
              format.equals("json") ? null : "du-thao-v" + version + "." + format))
              .onFailure(e -> failCause(ctx, e));
        })
        .onFailure(e -> failCause(ctx, e)));
  }

  private static int pathVersion(RoutingContext ctx) {
    String v = ctx.pathParam("version");
    try {
      int n = Integer.parseInt(v);
      if (n < 1 || n > 100) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the version is a whole number from 1 to 100");
    }
  }

  /** Word-by-word differences per article between {@code from} and {@code to} (defaults: the last two versions). */
  private void diff(RoutingContext ctx) {
    Integer from;
    Integer to;
    ReportHeading layout;
    String format = Optional.ofNullable(ctx.request().getParam("format")).orElse("json");
    try {
      from = intParam(ctx, "from", 1, 100);
      to = intParam(ctx, "to", 1, 100);
      layout = ReportLayoutParams.parse(ctx.request().params());
      if (!Set.of("md", "json", "docx").contains(format)) throw new IllegalArgumentException("format must be json, md or docx");
    } catch (IllegalArgumentException e) {
      fail(ctx, 400, Replies.error(null, "INVALID", e.getMessage()));
      return;
    }
    reader(ctx, Need.PARTICIPANT).onSuccess(reader -> copy(ctx).compose(conf -> vertx.executeBlocking(() -> {
      DocumentHeading heading = ReportLayoutParams.resolve(conf.reportHeading(), layout);
      int n = conf.drafts().size();
      int b = to == null ? n : to;
      int a = from == null ? Math.max(1, b - 1) : from;
      if (a > n || b > n) {
        throw new SynthesisReports.UnknownTarget("no draft version " + Math.max(a, b) + " (versions 1–" + n + ")");
      }
      VersionDiff.Comparison c = VersionDiff.compare(a, conf.drafts().get(a - 1).document(), b,
          conf.drafts().get(b - 1).document(), proposals(conf));
      return switch (format) {
        case "md" -> DiffMarkdown.render(c).getBytes(StandardCharsets.UTF_8);
        case "docx" -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          DraftDocx.writeComparison(c, conf.drafts().get(b - 1).document().title(), heading, Instant.now(), out);
          yield out.toByteArray();
        }
        default -> Codec.encode(c).getBytes(StandardCharsets.UTF_8);
      };
    }, false)).onSuccess(body -> send(ctx, format, body,
        format.equals("json") ? null : "so-sanh-du-thao." + format))
        .onFailure(e -> failCause(ctx, e)));
  }

  /** Accepted proposed wordings that are visible: what the differences are attributed to. */
  private static List<VersionDiff.Proposal> proposals(Conference conf) {
    List<VersionDiff.Proposal> out = new ArrayList<>();
    for (Annotation a : conf.annotations()) {
      if (a.kind() == AnnotationKind.PROPOSED_WORDING && !a.reply() && a.status() == AnnotationStatus.VISIBLE
          && a.response() != null && a.response().kind() == ResponseKind.ACCEPTED && a.anchor() != null) {
        String author = conf.participant(a.authorId()).map(Participant::displayName).orElse(a.authorId());
        String endpoint = conf.endpoint(a.endpointId()).map(e -> e.name()).orElse(a.endpointId());
        out.add(new VersionDiff.Proposal(a.id(), a.anchor().nodeId(), author, endpoint,
            a.anchor().quote() == null ? null : a.anchor().quote().exact(), a.replacement()));
      }
    }
    return out;
  }

  /** Annotations whose quoted passage is in no node of the current version: kept with their old anchor, listed here. */
  private void orphans(RoutingContext ctx) {
    reader(ctx, Need.PARTICIPANT).onSuccess(reader -> writer(ctx).compose(w -> w.query(conf -> {
      JsonArray out = new JsonArray();
      for (Annotation a : conf.annotations()) {
        if (a.orphaned() && !a.reply() && a.status() == AnnotationStatus.VISIBLE) {
          JsonObject o = new JsonObject().put("annotationId", a.id()).put("kind", a.kind().name())
              .put("nodeId", a.anchor().nodeId()).put("draftVersion", a.draftVersion()).put("body", a.body())
              .put("authorId", a.authorId()).put("endpointId", a.endpointId());
          if (a.anchor().quote() != null) o.put("quote", a.anchor().quote().exact());
          if (a.replacement() != null) o.put("replacement", a.replacement());
          if (a.response() != null) o.put("response", a.response().kind().name());
          out.add(o);
        }
      }
      return new JsonObject().put("currentVersion", conf.drafts().size()).put("orphans", out);
    })).onSuccess(o -> send(ctx, "json", o.encode().getBytes(StandardCharsets.UTF_8), null))
        .onFailure(e -> failCause(ctx, e)));
  }

  // ------------------------------------------------------------------------------------------- revising

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
  private void revise(RoutingContext ctx) {
    ReviseRequest req;
    try {
      req = parseRevise(ctx);
    } catch (WireError e) {
      fail(ctx, 400, Replies.error(null, e.code(), e.getMessage()));
      return;
    }
    String key = ctx.request().getHeader("Idempotency-Key");
    if (key != null && !key.matches("[A-Za-z0-9._:-]{1,48}")) {
      fail(ctx, 400, Replies.error(null, "INVALID", "Idempotency-Key: 1–48 of A-Z a-z 0-9 . _ : -"));
      return;
    }
    reader(ctx, Need.MODERATOR).onSuccess(reader -> copy(ctx).compose(conf -> vertx.executeBlocking(() -> {
      int current = conf.drafts().size();
      if (req.baseVersion() != current) {
        throw new Conflict("the draft is at version " + current + "; compose against it (baseVersion " + current + ")");
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
        send(ctx, "json", body.encode().getBytes(StandardCharsets.UTF_8), null);
        return;
      }
      String commandId = key != null ? "revise-" + key : "revise-" + java.util.UUID.randomUUID();
      writer(ctx).compose(w -> w.submit(new CommandEnvelope(commandId, reader.actor(),
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
              send(ctx, 201, body);
            } else {
              JsonObject reply = Replies.outcome(commandId, o);
              send(ctx, RestApi.statusFor(reply.getString("code")), reply);
            }
          })
          .onFailure(e -> failCause(ctx, e));
    }).onFailure(e -> failCause(ctx, e)));
  }

  /** Answers ACCEPTED to the applied annotations that are not answered so yet; each result is reported. */
  private Future<JsonArray> markAccepted(ConferenceWriter w, Reader reader, ReviseRequest req,
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

  /** The draft moved on between composing and importing, or the base version is not the current one. */
  static final class Conflict extends RuntimeException {
    Conflict(String message) {
      super(message, null, false, false);
    }
  }

  // ------------------------------------------------------------------------------------------- plumbing

  private static void send(RoutingContext ctx, String format, byte[] bytes, String attachment) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(200).putHeader("Content-Type", TYPES.get(format)).putHeader("Cache-Control", "no-store");
    if (attachment != null) {
      ctx.response().putHeader("Content-Disposition", "attachment; filename=\"" + attachment + "\"");
    }
    ctx.response().end(Buffer.buffer(bytes));
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(body.encode());
  }

  private static void fail(RoutingContext ctx, int status, JsonObject body) {
    send(ctx, status, body);
  }

  private static void failCause(RoutingContext ctx, Throwable e) {
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
