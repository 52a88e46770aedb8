package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

@DisplayName("Presence")
class PresenceTest {

  private static JsonObject endpoint(JsonObject presence, String id) {
    return presence.getJsonArray("endpoints").stream().map(o -> (JsonObject) o)
        .filter(e -> id.equals(e.getString("endpointId"))).findFirst().orElseThrow();
  }

  private static List<JsonObject> presences(TestClient c) {
    return c.frames.stream().filter(f -> "presence".equals(f.getString("type"))).toList();
  }

  @Test
  @DisplayName("the chair sees a hall come online, and offline within 10 s of losing its last connection")
  void onlineOffline() {
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true))) {
      TestClient chair = TestClient.demo(s, "chutri");
      String dtp = LiveSessionTest.endpointId(chair.state(), "DTP");
      TestClient host = TestClient.demo(s, "dongthap");
      TestClient delegate = TestClient.demo(s, "daibieu1");
      TestClient.waitFor(() -> presences(chair).stream().anyMatch(p -> p.containsKey("endpoints")
          && endpoint(p, dtp).getBoolean("online") && endpoint(p, dtp).getInteger("participants") == 2), "DTP online with 2");
      JsonObject full = presences(chair).get(presences(chair).size() - 1);
      assertThat(full.getJsonArray("participantsOnline")).contains(host.participantId(), delegate.participantId());
      // A host sees who of the hall is connected, and nothing of other halls.
      TestClient.waitFor(() -> presences(host).stream().anyMatch(p -> p.containsKey("participantsOnline")
          && p.getJsonArray("participantsOnline").contains(delegate.participantId())), "the host sees its delegate");
      JsonObject hostView = presences(host).stream().filter(p -> p.containsKey("participantsOnline")).reduce((a, b) -> b).orElseThrow();
      assertThat(hostView.getJsonArray("endpoints")).hasSize(1);
      assertThat(hostView.getJsonArray("participantsOnline")).doesNotContain(chair.participantId());
      // Delegates get the summary only, never who is online.
      TestClient.waitFor(() -> !presences(delegate).isEmpty(), "a presence summary for the delegate");
      assertThat(presences(delegate)).allMatch(p -> !p.containsKey("participantsOnline"));

      long cut = System.currentTimeMillis();
      host.drop();
      delegate.drop();
      TestClient.waitFor(() -> presences(chair).stream().filter(p -> p.containsKey("endpoints")).reduce((a, b) -> b)
          .map(p -> !endpoint(p, dtp).getBoolean("online")).orElse(false), "DTP offline");
      assertThat(System.currentTimeMillis() - cut).isLessThan(10_000);
      chair.close();
    }
  }
}
