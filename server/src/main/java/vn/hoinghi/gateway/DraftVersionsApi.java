package vn.hoinghi.gateway;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.hoinghi.domain.Annotation;
import vn.hoinghi.domain.AnnotationKind;
import vn.hoinghi.domain.AnnotationStatus;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.DraftVersion;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.domain.ReportHeading;
import vn.hoinghi.domain.ResponseKind;
import vn.hoinghi.report.SynthesisReports;
import vn.hoinghi.report.export.DocumentHeading;
import vn.hoinghi.report.export.DraftDocx;
import vn.hoinghi.report.revision.DraftText;
import vn.hoinghi.report.revision.VersionDiff;
import vn.hoinghi.wire.Codec;
import vn.hoinghi.wire.RestBody;

/** The draft's versions (docs/report.md): the list, one version as text, Word or JSON, the differences, the orphans. */
final class DraftVersionsApi {
  /** The JSON of draft versions, made once per version (the live clients' source of the text). */
  private final DraftResource draftBodies = new DraftResource();
  private final Vertx vertx;
  private final ReportApi report;

  DraftVersionsApi(Vertx vertx, ReportApi report) {
    this.vertx = vertx;
    this.report = report;
  }

  void versions(RoutingContext ctx) {
    report.reader(ctx, ReportApi.Need.PARTICIPANT).onSuccess(reader -> report.writer(ctx).compose(w -> w.query(conf -> {
      List<RestBody.VersionInfo> out = new ArrayList<>();
      for (DraftVersion v : conf.drafts()) {
        out.add(new RestBody.VersionInfo(v.version(), v.note(), v.importedBy(), v.importedAt(), v.document().title(),
            v.document().articles().size()));
      }
      return new RestBody.DraftVersionList(conf.drafts().size(), out);
    })).onSuccess(o -> ReportApi.send(ctx, "json", Codec.encodeBytes(o), null))
        .onFailure(e -> ReportApi.failCause(ctx, e)));
  }

  /**
   * One version as the importable Markdown text ({@code format=md}, default), a Word file ({@code docx}) or its parsed
   * tree ({@code json}: cacheable, with an ETag, see {@link DraftResource}).
   */
  void versionText(RoutingContext ctx) {
    int version;
    String format = Optional.ofNullable(ctx.request().getParam("format")).orElse("md");
    try {
      version = pathVersion(ctx);
      if (!Set.of("md", "json", "docx").contains(format)) throw new IllegalArgumentException("format must be md, docx or json");
    } catch (IllegalArgumentException e) {
      ReportApi.fail(ctx, 400, Replies.error(null, "INVALID", e.getMessage()));
      return;
    }
    report.reader(ctx, ReportApi.Need.PARTICIPANT).onSuccess(reader -> report.writer(ctx)
        .compose(w -> w.query(conf -> version <= conf.drafts().size()
            ? Map.entry(conf.drafts().get(version - 1), conf.draftEtag(version)) : null))
        .onSuccess(found -> {
          if (found == null) {
            ReportApi.fail(ctx, 404, Replies.error(null, "NOT_FOUND", "no draft version " + version));
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
          }, false).onSuccess(bytes -> ReportApi.send(ctx, format, bytes,
              format.equals("json") ? null : "du-thao-v" + version + "." + format))
              .onFailure(e -> ReportApi.failCause(ctx, e));
        })
        .onFailure(e -> ReportApi.failCause(ctx, e)));
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
  void diff(RoutingContext ctx) {
    Integer from;
    Integer to;
    ReportHeading layout;
    String format = Optional.ofNullable(ctx.request().getParam("format")).orElse("json");
    try {
      from = ReportApi.intParam(ctx, "from", 1, 100);
      to = ReportApi.intParam(ctx, "to", 1, 100);
      layout = ReportLayoutParams.parse(ctx.request().params());
      if (!Set.of("md", "json", "docx").contains(format)) throw new IllegalArgumentException("format must be json, md or docx");
    } catch (IllegalArgumentException e) {
      ReportApi.fail(ctx, 400, Replies.error(null, "INVALID", e.getMessage()));
      return;
    }
    report.reader(ctx, ReportApi.Need.PARTICIPANT).onSuccess(reader -> report.copy(ctx).compose(conf -> vertx.executeBlocking(() -> {
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
    }, false)).onSuccess(body -> ReportApi.send(ctx, format, body,
        format.equals("json") ? null : "so-sanh-du-thao." + format))
        .onFailure(e -> ReportApi.failCause(ctx, e)));
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
  void orphans(RoutingContext ctx) {
    report.reader(ctx, ReportApi.Need.PARTICIPANT).onSuccess(reader -> report.writer(ctx).compose(w -> w.query(conf -> {
      List<RestBody.Orphan> out = new ArrayList<>();
      for (Annotation a : conf.annotations()) {
        if (a.orphaned() && !a.reply() && a.status() == AnnotationStatus.VISIBLE) {
          out.add(new RestBody.Orphan(a.id(), a.kind(), a.anchor().nodeId(), a.draftVersion(), a.body(), a.authorId(),
              a.endpointId(), a.anchor().quote() == null ? null : a.anchor().quote().exact(), a.replacement(),
              a.response() == null ? null : a.response().kind()));
        }
      }
      return new RestBody.OrphanList(conf.drafts().size(), out);
    })).onSuccess(o -> ReportApi.send(ctx, "json", Codec.encodeBytes(o), null))
        .onFailure(e -> ReportApi.failCause(ctx, e)));
  }
}
