package vn.hoinghi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.http.WebClientFilesTest.decode;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/** Dynamic answers (REST JSON, exports) compressed by the server when the client accepts it, and only then. */
@DisplayName("Compression of REST answers and exports")
class CompressionTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static TestServer server;
  static String base;
  static TestClient chair;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true));
    base = server.baseUrl();
    chair = TestClient.demo(server, "chutri"); // over the WebSocket: the upgrade still works with compression on
  }

  @AfterAll
  static void stop() {
    chair.close();
    server.close();
  }

  @Test
  @DisplayName("the conference state is gzipped when the client accepts gzip and decodes to the plain answer")
  void stateGzip() throws IOException {
    HttpResponse<byte[]> plain = get("/api/conferences/demo/state", null);
    HttpResponse<byte[]> gz = get("/api/conferences/demo/state", "gzip, deflate, br");
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gz.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(gz.headers().allValues("Vary")).contains("Accept-Encoding");
    assertThat(gz.body().length).isLessThan(plain.body().length / 3);
    assertThat(json(decode(new GZIPInputStream(new ByteArrayInputStream(gz.body()))))).isEqualTo(json(plain.body()));
  }

  @Test
  @DisplayName("deflate when that is all the client takes; brotli alone gets the plain answer (no dynamic brotli)")
  void deflateAndBrotliOnly() throws IOException {
    HttpResponse<byte[]> plain = get("/api/conferences/demo/state", null);
    HttpResponse<byte[]> deflated = get("/api/conferences/demo/state", "deflate");
    assertThat(deflated.headers().firstValue("Content-Encoding")).hasValue("deflate");
    byte[] inflated = decode(new InflaterInputStream(new ByteArrayInputStream(deflated.body())));
    assertThat(json(inflated)).isEqualTo(json(plain.body()));
    HttpResponse<byte[]> br = get("/api/conferences/demo/state", "br");
    assertThat(br.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(json(br.body())).isEqualTo(json(plain.body()));
  }

  @Test
  @DisplayName("an answer under 1 KB goes out plain even when the client accepts gzip")
  void smallAnswersPlain() {
    HttpResponse<byte[]> notFound = get("/api/no-such-route", "gzip");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.body().length).isLessThan(1024);
    assertThat(notFound.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(json(notFound.body()).getString("code")).isEqualTo("NOT_FOUND");
  }

  @Test
  @DisplayName("PDF, DOCX and XLSX exports are sent as they are: they are compressed archives already")
  void compressedFormatsLeftAlone() {
    for (String format : new String[] {"pdf", "docx", "xlsx"}) {
      HttpResponse<byte[]> r = get("/api/conferences/demo/report/" + format, "gzip, deflate, br");
      assertThat(r.statusCode()).as(format).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Encoding")).as(format).isEmpty();
      String magic = new String(r.body(), 0, 4, StandardCharsets.ISO_8859_1);
      assertThat(magic).as(format).isEqualTo(format.equals("pdf") ? "%PDF" : "PK\u0003\u0004");
    }
  }

  @Test
  @DisplayName("the streamed audit CSV is gzipped on the way when the client accepts gzip")
  void streamedExportGzip() throws IOException {
    HttpResponse<byte[]> plain = get("/api/conferences/demo/audit/csv", null);
    HttpResponse<byte[]> gz = get("/api/conferences/demo/audit/csv", "gzip");
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
    String csv = new String(decode(new GZIPInputStream(new ByteArrayInputStream(gz.body()))), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF").isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
  }

  /** The answer's JSON without the state's clock reading ("at"), which differs between two requests. */
  private static JsonObject json(byte[] body) {
    JsonObject json = new JsonObject(new String(body, StandardCharsets.UTF_8));
    if (json.getValue("state") instanceof JsonObject state) state.remove("at");
    return json;
  }

  private static HttpResponse<byte[]> get(String path, String acceptEncoding) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + chair.accessToken);
    if (acceptEncoding != null) b.header("Accept-Encoding", acceptEncoding);
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
