package vn.hoinghi.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.wire.Codec;

/**
 * A draft version's text as JSON, the live clients' source of the text (docs/api.md, "Draft versions"). A version
 * never changes, so the answer carries a strong ETag (the one the live feed names as {@code documentEtag}) and
 * {@code Cache-Control: private, max-age=31536000, immutable}; {@code If-None-Match} with that tag answers 304 without a
 * body. The JSON and its gzip (level 9) are made once per version and kept for the next requests: thousands of phones
 * fetching the same version cost one encoding.
 */
final class DraftResource {
  static final String CACHE_CONTROL = "private, max-age=31536000, immutable";
  private static final int KEPT = 16;

  private record Body(byte[] json, byte[] gzip) {}

  /** By entity tag (it names the conference and the version): the most recently used versions. */
  private final Map<String, Body> bodies = new LinkedHashMap<>(32, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Body> eldest) {
      return size() > KEPT;
    }
  };

  /** True when the request's If-None-Match names {@code etag} (or is "*"). Weak tags compare by their opaque part. */
  static boolean notModified(RoutingContext ctx, String etag) {
    String inm = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
    if (inm == null || etag == null) return false;
    for (String t : inm.split(",")) {
      String s = t.trim();
      if (s.startsWith("W/")) s = s.substring(2);
      if (s.equals("*") || s.equals(etag)) return true;
    }
    return false;
  }

  /** Answers 304 or the JSON; {@code encode} runs off the event loop at most once per version kept. */
  void send(RoutingContext ctx, String etag, DraftDocument doc, io.vertx.core.Vertx vertx) {
    if (notModified(ctx, etag)) {
      if (ctx.response().ended()) return;
      ctx.response().setStatusCode(304).putHeader(HttpHeaders.ETAG, etag)
          .putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).putHeader(HttpHeaders.VARY, "Accept-Encoding").end();
      return;
    }
    Body cached;
    synchronized (bodies) {
      cached = bodies.get(etag);
    }
    if (cached != null) {
      write(ctx, etag, cached);
      return;
    }
    vertx.executeBlocking(() -> {
      byte[] json = Codec.encode(doc).getBytes(StandardCharsets.UTF_8);
      Body b = new Body(json, gzip(json));
      synchronized (bodies) {
        bodies.put(etag, b);
      }
      return b;
    }, false).onSuccess(b -> write(ctx, etag, b)).onFailure(ctx::fail);
  }

  private static void write(RoutingContext ctx, String etag, Body b) {
    if (ctx.response().ended()) return;
    String ae = ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
    boolean gz = ae != null && ae.toLowerCase(java.util.Locale.ROOT).contains("gzip");
    ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.ETAG, etag).putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
        .putHeader(HttpHeaders.VARY, "Accept-Encoding");
    if (gz) {
      ctx.response().putHeader(HttpHeaders.CONTENT_ENCODING, "gzip").end(Buffer.buffer(b.gzip()));
    } else {
      // Too small to gain from compression, or a client that takes none: Netty's compressor decides as for any JSON.
      ctx.response().end(Buffer.buffer(b.json()));
    }
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 6 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
