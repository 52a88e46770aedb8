package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.markdown;
import static vn.hoinghi.testing.TestClient.post;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * The draft as a resource: the live feed names a version (number, documentEtag, outline) and the text is fetched over
 * HTTP once per version, cacheable. The demo conference gets a real-size draft (199 articles) as its version 2.
 */
@DisplayName("The draft text as a cacheable resource")
class DraftResourceTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  static TestServer server;
  static TestClient delegate;
  static String org;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true));
    delegate = TestClient.demo(server, "daibieu1");
    org = post(server.baseUrl(), "/api/login", new JsonObject().put("username", "bantochuc").put("password", "hoinghi-demo"),
        null).getString("accessToken");
    String text;
    try (InputStream in = DraftResourceTest.class.getClassLoader()
        .getResourceAsStream("drafts/real/ghep-hien-phap-2013-luat-cntt-2006.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JsonObject imported = markdown(server.baseUrl(), "/api/conferences/demo/draft?note=real-size", text, org);
    assertThat(imported.getInteger("_status")).as(imported.encode()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    delegate.close();
    server.close();
  }

  static HttpResponse<byte[]> get(String path, String token, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET();
    if (token != null) b.header("Authorization", "Bearer " + token);
    if (headers.length > 0) b.headers(headers);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static int articles(JsonArray outline) {
    int n = 0;
    for (Object o : outline == null ? new JsonArray() : outline) {
      JsonObject h = (JsonObject) o;
      n += h.getString("kind").equals("ARTICLE") ? 1 : articles(h.getJsonArray("children"));
    }
    return n;
  }

  @Test
  @DisplayName("the import goes out as the version, its entity tag and its outline; the log keeps the document")
  void importFrameCarriesNoText() {
    JsonObject e = delegate.awaitEvent("DraftVersionImported", d -> d.getInteger("version") == 2);
    JsonObject data = e.getJsonObject("data");
    assertThat(data.containsKey("document")).isFalse();
    assertThat(data.getString("documentEtag")).startsWith("\"d2-");
    assertThat(articles(data.getJsonArray("outline"))).isEqualTo(199);
    assertThat(e.encode().length()).isLessThan(30_000);
    JsonObject audit = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/audit?format=json", null, org);
    assertThat(audit.encode()).contains("\"document\"");
  }

  @Test
  @DisplayName("a delegate's snapshot on the 199-article draft names version 2 with no text and is under 45 KB")
  void snapshotIsSmall() {
    try (TestClient fresh = TestClient.demo(server, "daibieu2")) {
      JsonObject snap = fresh.snapshots.get(fresh.snapshots.size() - 1);
      JsonObject draft = snap.getJsonObject("state").getJsonObject("draft");
      assertThat(draft.getInteger("version")).isEqualTo(2);
      assertThat(draft.containsKey("document")).isFalse();
      assertThat(articles(draft.getJsonArray("outline"))).isEqualTo(199);
      assertThat(snap.encode().getBytes(StandardCharsets.UTF_8).length).isLessThan(45_000);
    }
  }

  @Test
  @DisplayName("the JSON text answers the snapshot's ETag, caches for a year, gzip; If-None-Match gets 304 and no body")
  void etagAnd304() throws Exception {
    String token = delegate.accessToken;
    JsonObject state = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, token);
    String etag = state.getJsonObject("state").getJsonObject("draft").getString("documentEtag");
    assertThat(etag).startsWith("\"d2-").endsWith("\"");

    HttpResponse<byte[]> r = get("/api/conferences/demo/drafts/2?format=json", token, "Accept-Encoding", "gzip");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("ETag")).contains(etag);
    assertThat(r.headers().firstValue("Cache-Control")).contains("private, max-age=31536000, immutable");
    assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
    byte[] json;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
      json = in.readAllBytes();
    }
    JsonObject doc = new JsonObject(new String(json, StandardCharsets.UTF_8));
    assertThat(doc.getJsonArray("nodes")).isNotEmpty();
    assertThat(r.body().length).as("compressed").isLessThan(json.length / 3);

    HttpResponse<byte[]> again = get("/api/conferences/demo/drafts/2?format=json", token, "If-None-Match", etag,
        "Accept-Encoding", "gzip");
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.headers().firstValue("ETag")).contains(etag);

    HttpResponse<byte[]> older = get("/api/conferences/demo/drafts/1?format=json", token, "If-None-Match", etag);
    assertThat(older.statusCode()).as("another version's tag does not match").isEqualTo(200);
    assertThat(older.headers().firstValue("ETag").orElseThrow()).startsWith("\"d1-").isNotEqualTo(etag);

    assertThat(get("/api/conferences/demo/drafts/2?format=json", null, "If-None-Match", etag).statusCode())
        .as("no token, no text, not even a 304").isEqualTo(401);
  }
}
