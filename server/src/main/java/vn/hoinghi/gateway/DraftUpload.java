package vn.hoinghi.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.hoinghi.document.docx.DocxDraft;
import vn.hoinghi.document.docx.DocxRefused;
import vn.hoinghi.document.docx.DocxText;
import vn.hoinghi.domain.DraftVersion;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.ImportProblem;
import vn.hoinghi.domain.document.PreparedImport;
import vn.hoinghi.live.ConferenceWriter;

/**
 * The body of POST …/draft and …/draft/preview, read by its content type: text/plain or text/markdown as UTF-8
 * text, a Word .docx through {@link DocxDraft} (on a worker thread: POI is CPU work), anything else refused with
 * 415 before any parsing. A refusal is answered here and the returned future fails; nothing reaches the writer.
 */
final class DraftUpload {
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final List<String> TEXT_TYPES = List.of("text/plain", "text/markdown", "text/x-markdown");

  /** The draft as the importer's text; {@code notices} says what a .docx lost on the way; {@code docx} its origin. */
  record Draft(String text, List<ImportProblem> notices, boolean docx) {}

  private DraftUpload() {}

  /** The writer's current version and used ids, read on the writer: immutable, safe to use on a worker. */
  private record Current(DraftDocument previous, Set<String> usedIds) {}

  /**
   * Parses {@code text} and matches its stable ids against the writer's current version on a worker thread, so that
   * the writer, when {@code ImportDraft} reaches it, takes the result ready ({@link PreparedImport}) instead of
   * parsing a big draft on its own thread. A failure here only means the writer will do the work itself.
   */
  static Future<PreparedImport.Prepared> prepare(Vertx vertx, ConferenceWriter writer, String text) {
    return writer.query(conf -> new Current(conf.currentDraft().map(DraftVersion::document).orElse(null),
            conf.usedDraftIds()))
        .compose(now -> vertx.executeBlocking(() -> PreparedImport.prepare(text, now.previous(), now.usedIds()), false));
  }

  static Future<Draft> read(Vertx vertx, RoutingContext ctx) {
    String type = mediaType(ctx.request().getHeader("Content-Type"));
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    if (DOCX.equals(type)) {
      return vertx.executeBlocking(() -> {
        try {
          DocxText t = DocxDraft.read(body);
          return new Draft(t.text(), t.notices(), true);
        } catch (DocxRefused e) {
          throw new Refused(e.messageVi(), e.messageEn());
        }
      }, false).recover(e -> {
        if (e instanceof Refused r) {
          RestApi.fail(ctx, 400, error("INVALID", r.vi, r.getMessage()));
        } else {
          RestApi.failCause(ctx, e);
        }
        return Future.failedFuture(e);
      });
    }
    String[] binary = binaryKind(body);
    if ((type == null || TEXT_TYPES.contains(type)) && binary == null) {
      return Future.succeededFuture(new Draft(new String(body, StandardCharsets.UTF_8), List.of(), false));
    }
    String[] what = binary != null ? binary : new String[] {"\"" + type + "\"", "\"" + type + "\""};
    RestApi.fail(ctx, 415, error("UNSUPPORTED_MEDIA_TYPE",
        "Không nhận dự thảo dạng " + what[0] + ": hãy gửi tệp Word .docx (" + DOCX + ") hoặc văn bản .txt/.md (text/plain, text/markdown)",
        "A draft cannot be sent as " + what[1] + ": send a Word .docx (" + DOCX + ") or a .txt/.md text (text/plain, text/markdown)"));
    return Future.failedFuture("unsupported media type");
  }

  /** The media type without parameters, lower case; null when the header is missing. */
  static String mediaType(String header) {
    if (header == null || header.isBlank()) return null;
    int semi = header.indexOf(';');
    return (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /** A file that is plainly not text, whatever its declared type: what it is, for the message. */
  private static String[] binaryKind(byte[] b) {
    if (b.length < 4) return null;
    if (b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
      return new String[] {"tệp nén (ZIP, .docx) khai báo là văn bản", "a zip file (ZIP, .docx) declared as text"};
    }
    if (b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') return new String[] {"PDF", "PDF"};
    if ((b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11) {
      return new String[] {".doc (Word 97–2003)", ".doc (Word 97–2003)"};
    }
    return null;
  }

  /** The error shape of {@link Replies}, with a message made for this refusal. */
  private static JsonObject error(String code, String vi, String en) {
    return new JsonObject().put("type", "error").put("code", code).put("message", new JsonObject().put("vi", vi).put("en", en));
  }

  private static final class Refused extends RuntimeException {
    final String vi;

    Refused(String vi, String en) {
      super(en, null, false, false);
      this.vi = vi;
    }
  }
}
