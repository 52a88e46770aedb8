package vn.hoinghi.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Compression of dynamic answers (REST JSON, CSV/JSON Lines exports, metrics): gzip or deflate, whichever the
 * request's Accept-Encoding prefers, by Netty in the connection's pipeline. The web client's files come
 * precompressed ({@link WebClientFiles}) and formats that are archives already (PDF, DOCX, XLSX) are sent as they
 * are: compressing them again costs CPU for no byte saved.
 *
 * <p>The size threshold is Netty's: it looks at the bytes that leave with the head. A streamed answer must send its
 * head alone ({@code writeHead()}) or a first chunk of at least {@link #THRESHOLD_BYTES}, or it all goes out plain.
 */
final class Compression {
  /** Answers shorter than this go out plain: a few hundred bytes fit one packet either way. */
  static final int THRESHOLD_BYTES = 1024;
  /**
   * Below zlib's default 6: on the demo's state (34 KB) level 4 gives 7 % more bytes for half the CPU
   * (docs/benchmarks.md, "Compression"). The compressor runs on the event loop that also carries live WebSockets, and
   * the large answers (reports, the audit log, megabytes) go to the secretariat's office link, not to phones.
   */
  static final int LEVEL = 4;

  private static final Set<String> COMPRESSED_ALREADY = Set.of(
      "application/pdf",
      "application/zip",
      "application/gzip",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "image/png",
      "image/jpeg",
      "image/webp",
      "font/woff2");

  private Compression() {}

  static HttpServerOptions configure(HttpServerOptions options) {
    return options.setCompressionSupported(true)
        .setCompressionLevel(LEVEL)
        .setCompressionContentSizeThreshold(THRESHOLD_BYTES);
  }

  /** A route handler for every dynamic answer: decides, just before the headers leave, whether it may be compressed. */
  static void policy(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> decide(ctx));
    ctx.next();
  }

  private static void decide(RoutingContext ctx) {
    MultiMap headers = ctx.response().headers();
    if (headers.contains(HttpHeaders.CONTENT_ENCODING)) return;
    String type = headers.get(HttpHeaders.CONTENT_TYPE);
    String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    if (COMPRESSED_ALREADY.contains(mediaType)) {
      leavePlain(ctx);
    } else if (!headers.contains(HttpHeaders.VARY)) {
      headers.set(HttpHeaders.VARY, "Accept-Encoding");
    }
  }

  /**
   * Keeps this answer out of the compressor. {@code Content-Encoding: identity} is Vert.x's cue, which it removes
   * before sending; Netty lets HEAD, 1xx/204/304 and HTTP/1.0 answers pass without looking, so the header would stay
   * on those: they are left alone (none of them is compressed anyway).
   */
  static void leavePlain(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    int status = ctx.response().getStatusCode();
    if (request.method() == HttpMethod.HEAD || request.version() == HttpVersion.HTTP_1_0
        || status < 200 || status == 204 || status == 304) return;
    ctx.response().headers().set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
  }
}
