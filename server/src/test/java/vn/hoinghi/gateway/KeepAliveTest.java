package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * The kernel's keepalive follows the application heartbeat's two regimes: hosts and moderators fast (a dead hall seen
 * in about 8 s), delegates relaxed with a spread idle time (no synchronized probe waves over tens of thousands of
 * quiet delegates; a lost probe or two on a poor link does not cut them off).
 */
@DisplayName("TCP keepalive per role")
class KeepAliveTest {

  @Test
  @DisplayName("hosts and the chair get the fast timings after hello; delegates keep the relaxed ones")
  void timingsPerRole() throws Exception {
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true))) {
      TestClient chair = TestClient.demo(s, "chutri");
      TestClient host = TestClient.demo(s, "dongthap");
      TestClient d1 = TestClient.demo(s, "daibieu1");
      TestClient d2 = TestClient.demo(s, "daibieu2");
      TestClient.waitFor(() -> s.app.gateway().sessions().stream().filter(x -> x.participantId() != null).count() == 4,
          "four sessions past hello");
      Map<String, KeepAlive.Timings> byParticipant = s.app.gateway().sessions().stream()
          .collect(Collectors.toMap(ClientSession::participantId, ClientSession::keepAlive));

      assertThat(byParticipant.get(chair.participantId())).isEqualTo(KeepAlive.FAST);
      assertThat(byParticipant.get(host.participantId())).isEqualTo(KeepAlive.FAST);
      for (TestClient d : new TestClient[] {d1, d2}) {
        KeepAlive.Timings t = byParticipant.get(d.participantId());
        assertThat(t).as("delegate %s", d.participantId()).isNotNull();
        assertThat(t.idle()).isBetween(KeepAlive.RELAXED_IDLE, KeepAlive.RELAXED_IDLE + KeepAlive.RELAXED_IDLE_SPREAD - 1);
        assertThat(t.interval()).isEqualTo(KeepAlive.RELAXED_INTERVAL);
        assertThat(t.probes()).isEqualTo(KeepAlive.RELAXED_PROBES);
        // About the application's own timeout for delegates (45 s): the kernel does not cut them sooner.
        assertThat((long) (t.idle() + t.interval() * t.probes()) * 1000)
            .isGreaterThanOrEqualTo(Gateway.RELAXED_HEARTBEAT_TIMEOUT_MS);
      }
      // Fast: a silent hall is dropped by the kernel within the 10 s the chair is promised.
      assertThat(KeepAlive.FAST.idle() + KeepAlive.FAST.interval() * KeepAlive.FAST.probes()).isLessThanOrEqualTo(10);
      for (TestClient c : new TestClient[] {chair, host, d1, d2}) c.close();
    }
  }

  @Test
  @DisplayName("relaxed idle times are spread over several seconds")
  void relaxedSpread() {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int i = 0; i < 500; i++) seen.add(KeepAlive.relaxedTimings().idle());
    assertThat(seen).hasSize(KeepAlive.RELAXED_IDLE_SPREAD);
  }
}
