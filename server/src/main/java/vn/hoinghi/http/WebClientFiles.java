package vn.hoinghi.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.MimeMapping;
import io.vertx.ext.web.RoutingContext;
import java.util.HexFormat;
import java.util.Map;

/**
 * The web client's files (the jar's {@code webroot/}), held in memory with the {@code .br} and {@code .gz} variants
 * the build wrote beside them. A request gets the smallest variant its Accept-Encoding allows; nothing is compressed
 * per request. {@code index.html} is revalidated on every load (so an upgrade is seen at once), the content-hashed
 * bundles under {@code /assets/} are cached for a year.
 */
final class WebClientFiles implements Handler<RoutingContext> {
  static final String REVALIDATE = "no-cache";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String ONE_HOUR = "public, max-age=3600";

  /** One way of sending a file: its bytes as sent, the Content-Encoding (null for none) and its own ETag. */
  record Variant(Buffer body, String encoding, String etag) {}

  /** A file of the web client; {@code brotli} and {@code gzip} are null when the build wrote none. */
  record WebFile(String contentType, String cacheControl, Variant plain, Variant gzip, Variant brotli) {
    boolean negotiated() {
      return gzip != null || brotli != null;
    }

    Variant pick(String acceptEncoding) {
      if (brotli != null && AcceptEncoding.allows(acceptEncoding, "br")) return brotli;
      if (gzip != null && AcceptEncoding.allows(acceptEncoding, "gzip")) return gzip;
      return plain;
    }
  }

  private final Map<String, WebFile> files;

  WebClientFiles(Map<String, WebFile> files) {
    this.files = Map.copyOf(files);
  }

  /** The web client on the classpath, read once per class loader (blocking: call it off the event loop). */
  static WebClientFiles fromClasspath() {
    return WebRoot.load(WebClientFiles.class.getClassLoader(), "webroot");
  }

  /** A file as served: the type, the caching policy by path, an ETag per variant from the plain bytes' digest. */
  static WebFile file(String path, byte[] plain, byte[] gzip, byte[] brotli) {
    String tag = digest(plain);
    return new WebFile(contentType(path), cacheControl(path),
        new Variant(Buffer.buffer(plain), null, "\"" + tag + "\""),
        gzip == null ? null : new Variant(Buffer.buffer(gzip), "gzip", "\"" + tag + "-gz\""),
        brotli == null ? null : new Variant(Buffer.buffer(brotli), "br", "\"" + tag + "-br\""));
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    String path = ctx.normalizedPath();
    WebFile file = method == HttpMethod.GET || method == HttpMethod.HEAD
        ? files.get(path.equals("/") ? "/index.html" : path) : null;
    if (file == null) {
      ctx.next();
      return;
    }
    Variant variant = file.pick(ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING));
    HttpServerResponse response = ctx.response();
    MultiMap headers = response.headers();
    headers.set(HttpHeaders.CACHE_CONTROL, file.cacheControl()).set(HttpHeaders.ETAG, variant.etag());
    if (file.negotiated()) headers.set(HttpHeaders.VARY, "Accept-Encoding");
    if (notModified(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), variant.etag())) {
      response.setStatusCode(304).end();
      return;
    }
    headers.set(HttpHeaders.CONTENT_TYPE, file.contentType());
    if (variant.encoding() != null) {
      headers.set(HttpHeaders.CONTENT_ENCODING, variant.encoding());
    } else {
      Compression.leavePlain(ctx); // a file the build left plain (too small, or an image) is not compressed per request
    }
    if (method == HttpMethod.HEAD) {
      headers.set(HttpHeaders.CONTENT_LENGTH, Integer.toString(variant.body().length()));
      response.end();
    } else {
      response.end(variant.body());
    }
  }

  /** If-None-Match uses the weak comparison: {@code W/"x"} matches {@code "x"}. */
  static boolean notModified(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) return false;
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.startsWith("W/")) c = c.substring(2);
      if (c.equals("*") || c.equals(etag)) return true;
    }
    return false;
  }

  static String cacheControl(String path) {
    if (path.startsWith("/assets/")) return IMMUTABLE; // Vite names every file there after its content's hash
    if (path.endsWith(".html")) return REVALIDATE;
    return ONE_HOUR;
  }

  static String contentType(String path) {
    String type = MimeMapping.mimeTypeForFilename(path);
    if (type == null) return "application/octet-stream";
    boolean text = type.startsWith("text/") || type.equals("application/javascript") || type.equals("application/json")
        || type.equals("image/svg+xml");
    return text ? type + "; charset=utf-8" : type;
  }

  private static String digest(byte[] bytes) {
    try {
      byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(sha, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
