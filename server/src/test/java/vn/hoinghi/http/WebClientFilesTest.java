package vn.hoinghi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.brotli.dec.BrotliInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestServer;

/**
 * The web client as a delegate's browser loads it from a real server: the bundle built with its .br and .gz beside
 * it (web-client/scripts/precompress.mjs), the variant chosen by Accept-Encoding, and caching that survives an
 * upgrade. Needs the web client built with this reactor (the precompressed files are part of the build).
 */
@DisplayName("Web client files: precompressed variants and caching")
class WebClientFilesTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static TestServer server;
  static String base;
  static String script;
  static String stylesheet;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(TestServer.StoreKind.EMBEDDED);
    base = server.baseUrl();
    String index = new String(get("/", null).body(), java.nio.charset.StandardCharsets.UTF_8);
    script = find(index, "<script[^>]+src=\"(/assets/[^\"]+\\.js)\"");
    stylesheet = find(index, "<link[^>]+href=\"(/assets/[^\"]+\\.css)\"");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("Accept-Encoding br: the bundle comes as brotli that decodes to exactly the plain file")
  void brotli() throws IOException {
    HttpResponse<byte[]> plain = get(script, null);
    HttpResponse<byte[]> br = get(script, "gzip, deflate, br");
    assertThat(br.statusCode()).isEqualTo(200);
    assertThat(br.headers().firstValue("Content-Encoding")).hasValue("br");
    assertThat(br.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    assertThat(br.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    assertThat(br.body().length).isLessThan(plain.body().length / 3);
    assertThat(decode(new BrotliInputStream(new ByteArrayInputStream(br.body())))).isEqualTo(plain.body());
    assertThat(br.headers().firstValue("ETag")).isPresent().isNotEqualTo(plain.headers().firstValue("ETag"));
  }

  @Test
  @DisplayName("Accept-Encoding gzip: the bundle and its stylesheet come gzipped and decode to the plain files")
  void gzip() throws IOException {
    for (String path : new String[] {script, stylesheet}) {
      HttpResponse<byte[]> plain = get(path, null);
      HttpResponse<byte[]> gz = get(path, "gzip");
      assertThat(gz.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
      assertThat(gz.body().length).as(path).isLessThan(plain.body().length / 2);
      assertThat(decode(new GZIPInputStream(new ByteArrayInputStream(gz.body())))).as(path).isEqualTo(plain.body());
      assertThat(gz.headers().firstValue("ETag")).as(path).isNotEqualTo(plain.headers().firstValue("ETag"))
          .isNotEqualTo(get(path, "br").headers().firstValue("ETag"));
    }
    assertThat(get(stylesheet, "gzip").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
  }

  @Test
  @DisplayName("no Accept-Encoding, or only codings without a variant: the plain file, not compressed on the fly")
  void plain() {
    for (String accept : new String[] {null, "identity", "deflate", "br;q=0, gzip;q=0", "*;q=0"}) {
      HttpResponse<byte[]> r = get(script, accept);
      assertThat(r.statusCode()).as(accept).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Encoding")).as(accept).isEmpty();
      assertThat(new String(r.body(), 0, 200, java.nio.charset.StandardCharsets.UTF_8)).as(accept)
          .doesNotContain("\uFFFD");
      assertThat(r.headers().firstValue("Content-Length")).as(accept).hasValue(Integer.toString(r.body().length));
    }
    assertThat(get(script, "br;q=0, gzip").headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(get(script, "*").headers().firstValue("Content-Encoding")).hasValue("br");
  }

  @Test
  @DisplayName("index.html and / are revalidated on every load: no-cache with an ETag, 304 when it still matches")
  void indexRevalidated() {
    for (String path : new String[] {"/", "/index.html"}) {
      HttpResponse<byte[]> first = get(path, "gzip, br");
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
      assertThat(first.headers().firstValue("Content-Type")).as(path).hasValue("text/html; charset=utf-8");
      String etag = first.headers().firstValue("ETag").orElseThrow();
      HttpResponse<byte[]> again = send(request(path, "gzip, br").header("If-None-Match", etag));
      assertThat(again.statusCode()).as(path).isEqualTo(304);
      assertThat(again.body()).isEmpty();
      assertThat(again.headers().firstValue("ETag")).hasValue(etag);
      assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-cache");
      HttpResponse<byte[]> weak = send(request(path, "gzip, br").header("If-None-Match", "\"old\", W/" + etag));
      assertThat(weak.statusCode()).as(path).isEqualTo(304);
      HttpResponse<byte[]> changed = send(request(path, "gzip, br").header("If-None-Match", "\"an-older-build\""));
      assertThat(changed.statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("content-hashed files under /assets/ are cached for a year as immutable")
  void assetsImmutable() {
    for (String path : new String[] {script, stylesheet}) {
      for (String accept : new String[] {null, "gzip", "br"}) {
        assertThat(get(path, accept).headers().firstValue("Cache-Control")).as(path + " " + accept)
            .hasValue("public, max-age=31536000, immutable");
      }
    }
  }

  @Test
  @DisplayName("HEAD gives the chosen variant's headers and length without a body; an unknown file is 404")
  void headAndMissing() {
    HttpResponse<byte[]> br = get(script, "br");
    HttpResponse<byte[]> head = send(request(script, "br").method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Encoding")).hasValue("br");
    assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(br.body().length));
    assertThat(get("/assets/index-00000000.js", "br").statusCode()).isEqualTo(404);
    assertThat(get("/../pom.xml", null).statusCode()).isEqualTo(404);
    assertThat(send(request(script, null).POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
  }

  static HttpRequest.Builder request(String path, String acceptEncoding) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (acceptEncoding != null) b.header("Accept-Encoding", acceptEncoding);
    return b;
  }

  static HttpResponse<byte[]> get(String path, String acceptEncoding) {
    return send(request(path, acceptEncoding));
  }

  static HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] decode(InputStream in) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  private static String find(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    if (!m.find()) throw new AssertionError("not in index.html: " + regex + "\n" + html);
    return m.group(1);
  }
}
