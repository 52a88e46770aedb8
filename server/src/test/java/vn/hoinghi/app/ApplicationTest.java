package vn.hoinghi.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.DisplayName;
import vn.hoinghi.store.NewEvent;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.testing.TestServer.StoreKind;
import vn.hoinghi.testing.WsProbe;

@DisplayName("The running server")
class ApplicationTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> get(TestServer s, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest(name = "on the {0} store")
  @EnumSource(StoreKind.class)
  @DisplayName("serves the web client, liveness, readiness and Prometheus metrics")
  void operationsEndpoints(StoreKind kind) throws Exception {
    try (TestServer s = TestServer.start(kind)) {
      HttpResponse<String> index = get(s, "/");
      assertThat(index.statusCode()).isEqualTo(200);
      assertThat(index.body()).contains("<div id=\"app\">").contains("Hội Nghị");

      HttpResponse<String> health = get(s, "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(health.body()).getString("status")).isEqualTo("UP");

      HttpResponse<String> ready = get(s, "/health/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(ready.body()).getJsonArray("checks").getJsonObject(0).getString("id")).isEqualTo("store");

      // One append so the latency histogram has a sample.
      Await.of(s.app.store().append("c-metrics", 0, List.of(new NewEvent("T", "{}", "a", "c1", Instant.now()))));
      HttpResponse<String> metrics = get(s, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains("hoinghi_store_append_seconds_bucket")
          .contains("vertx_http_server")
          .contains("jvm_memory_used_bytes");
    }
  }

  @ParameterizedTest(name = "on the {0} store")
  @EnumSource(StoreKind.class)
  @DisplayName("readiness reports the store down once it is closed")
  void readinessFollowsStore(StoreKind kind) throws Exception {
    try (TestServer s = TestServer.start(kind)) {
      Await.of(s.app.store().close());
      HttpResponse<String> ready = get(s, "/health/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("DOWN");
      assertThat(get(s, "/health").statusCode()).isEqualTo(200);
    }
  }

  @ParameterizedTest(name = "on the {0} store")
  @EnumSource(StoreKind.class)
  @DisplayName("a WebSocket on /ws is greeted with the server frame; stop closes it with 1001 going away")
  void webSocketStatusAndGoingAway(StoreKind kind) throws Exception {
    TestServer s = TestServer.start(kind);
    WsProbe ws = WsProbe.connect("ws://127.0.0.1:" + s.port() + "/ws");
    JsonObject status = new JsonObject(ws.next());
    assertThat(status.getString("type")).isEqualTo("server");
    assertThat(status.getString("store")).isEqualTo(kind == StoreKind.EMBEDDED ? "embedded" : "postgresql");
    assertThat(status.getString("protocol")).isEqualTo("hoinghi.v1");
    s.close();
    assertThat(ws.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
  }

  @org.junit.jupiter.api.Test
  @DisplayName("the embedded store keeps its SQLite file in the data directory")
  void embeddedFile() {
    try (TestServer s = TestServer.start(StoreKind.EMBEDDED)) {
      assertThat(s.dataDir.resolve("hoinghi.db")).exists();
    }
  }
}
