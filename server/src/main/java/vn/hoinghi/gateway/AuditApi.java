package vn.hoinghi.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.hoinghi.report.AuditLog;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.store.StoredEvent;
import vn.hoinghi.wire.Codec;

/** The audit log (docs/report.md): a page as JSON, or the whole history streamed as CSV or JSON Lines. Moderators only. */
final class AuditApi {
  static final int AUDIT_PAGE = 1_000;

  private final EventStore store;
  private final Vertx vertx;
  private final Gateway gateway;
  private final ReportApi report;

  AuditApi(Vertx vertx, Gateway gateway, ReportApi report, EventStore store) {
    this.vertx = vertx;
    this.gateway = gateway;
    this.report = report;
    this.store = store;
  }

  /** One page of the audit log as JSON: {@code after} (sequence, default 0), {@code limit} (1–1000, default 200). */
  void auditPage(RoutingContext ctx) {
    long after;
    int limit;
    try {
      after = longParam(ctx, "after");
      Integer l = ReportApi.intParam(ctx, "limit", 1, AUDIT_PAGE);
      limit = l == null ? 200 : l;
    } catch (IllegalArgumentException e) {
      ReportApi.fail(ctx, 400, Replies.error(null, "INVALID", e.getMessage()));
      return;
    }
    String id = ctx.pathParam("id");
    report.reader(ctx, ReportApi.Need.MODERATOR).onSuccess(reader -> directory(ctx).compose(dir ->
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
        .onSuccess(body -> ReportApi.send(ctx, "json", body.getBytes(StandardCharsets.UTF_8), null))
        .onFailure(e -> ReportApi.failCause(ctx, e)));
  }

  /** The whole history as CSV or JSON Lines, streamed page by page. */
  void auditExport(RoutingContext ctx) {
    String format = ctx.pathParam("format");
    if (!format.equals("csv") && !format.equals("jsonl")) {
      ReportApi.fail(ctx, 400, Replies.error(null, "INVALID", "format must be csv or jsonl"));
      return;
    }
    String id = ctx.pathParam("id");
    report.reader(ctx, ReportApi.Need.MODERATOR).onSuccess(reader -> directory(ctx).onSuccess(dir -> {
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
    }).onFailure(e -> ReportApi.failCause(ctx, e)));
  }

  void auditPages(RoutingContext ctx, String id, long after, String format, AuditLog.Directory dir) {
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
    return report.writer(ctx).compose(w -> w.query(conf -> AuditLog.directory(conf,
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
}
