package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.MutableClock;
import vn.hoinghi.testing.TestServer;

/** docs/api.md: after 5 failures each further attempt waits 1, 2, 4 … s, even with the right password. */
@DisplayName("Login throttle, to the second")
class LoginThrottleTest {

  private static HttpResponse<String> attempt(TestServer s, String password) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/api/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "thu.nghiem")
            .put("password", password).encode())).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The Retry-After of a 429 THROTTLED. */
  private static long waitOf(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
    assertThat(new JsonObject(r.body()).getString("code")).isEqualTo("THROTTLED");
    return Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
  }

  @Test
  @DisplayName("5 wrong passwords, then the right one: 429 Retry-After 1; each further failure doubles the wait")
  void exactWaits() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject(), clock)) {
      Await.of(s.app.accounts().create("thu.nghiem", "Thử nghiệm", "mat-khau-dung", true, 4));
      for (int i = 0; i < 5; i++) assertThat(attempt(s, "sai-" + i).statusCode()).isEqualTo(401);
      assertThat(waitOf(attempt(s, "mat-khau-dung"))).isEqualTo(1);
      assertThat(waitOf(attempt(s, "sai-nua"))).as("a refused attempt is not a failure").isEqualTo(1);
      clock.set(clock.instant().plusSeconds(1));
      assertThat(attempt(s, "sai-5").statusCode()).isEqualTo(401);
      assertThat(waitOf(attempt(s, "mat-khau-dung"))).isEqualTo(2);
      clock.set(clock.instant().plusSeconds(2));
      assertThat(attempt(s, "sai-6").statusCode()).isEqualTo(401);
      assertThat(waitOf(attempt(s, "mat-khau-dung"))).isEqualTo(4);
      clock.set(clock.instant().plusSeconds(4));
      assertThat(attempt(s, "mat-khau-dung").statusCode()).isEqualTo(200);
      // The success cleared the count: five more failures are free again.
      for (int i = 0; i < 5; i++) assertThat(attempt(s, "sai-lai-" + i).statusCode()).isEqualTo(401);
      assertThat(waitOf(attempt(s, "mat-khau-dung"))).isEqualTo(1);
    }
  }
}
