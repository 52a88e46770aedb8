package vn.hoinghi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/** GET /api/info: what the login page may say before anyone logs in, and the demo logins only on a demo server. */
@DisplayName("GET /api/info")
class ServerInfoTest {

  @Test
  @DisplayName("a server that seeded the demo conference lists its logins and password, without a token")
  void demoServerListsItsLogins() {
    try (TestServer server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true))) {
      JsonObject r = TestClient.http(server.baseUrl(), "GET", "/api/info", null, null);
      assertThat(r.getInteger("_status")).isEqualTo(200);
      assertThat(r.getString("product")).isEqualTo("hoinghi");
      assertThat(r.getBoolean("demo")).isTrue();
      assertThat(r.getString("demoConferenceId")).isEqualTo("demo");
      assertThat(r.getString("demoPassword")).isEqualTo(TestClient.DEMO_PASSWORD);
      JsonArray logins = r.getJsonArray("demoLogins");
      assertThat(logins.stream().map(o -> ((JsonObject) o).getString("username")))
          .contains("bantochuc", "chutri", "daibieu1", "dongthap", "manhinh");
      JsonObject chair = logins.stream().map(o -> (JsonObject) o)
          .filter(o -> o.getString("username").equals("chutri")).findFirst().orElseThrow();
      assertThat(chair.getString("role")).isEqualTo("CHAIR");
      assertThat(chair.getString("displayName")).isNotBlank();
      // The logins it lists work.
      JsonObject login = TestClient.post(server.baseUrl(), "/api/login", new JsonObject().put("username", "chutri")
          .put("password", r.getString("demoPassword")).put("conferenceId", "demo"), null);
      assertThat(login.getInteger("_status")).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("a server without the demo says demo false and names no login or password")
  void ordinaryServerNamesNoLogins() {
    try (TestServer server = TestServer.start(TestServer.StoreKind.EMBEDDED)) {
      JsonObject r = TestClient.http(server.baseUrl(), "GET", "/api/info", null, null);
      assertThat(r.getInteger("_status")).isEqualTo(200);
      assertThat(r.getBoolean("demo")).isFalse();
      assertThat(r.fieldNames()).doesNotContain("demoLogins", "demoPassword", "demoConferenceId");
    }
  }
}
