package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.MutableClock;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * The feedback window after the live session, end to end over the wire with the writers' clock under the test's
 * control: feedback is taken until the deadline the chair set (and moved), refused after it with a clear message,
 * and the server closes the conference by itself.
 */
@DisplayName("The feedback window closes at its deadline")
class FeedbackWindowTest {

  private static JsonObject comment(String node, String body) {
    return cmd("AddAnnotation").put("nodeId", node).put("kind", "COMMENT").put("body", body);
  }

  private static String vietnamTime(Instant t) {
    return DateTimeFormatter.ofPattern("HH:mm 'ngày' d/M/yyyy").format(t.atZone(ZoneId.of("Asia/Ho_Chi_Minh")));
  }

  @Test
  @DisplayName("feedback until the (moved) deadline, refused after it with the deadline named, then closed by the server")
  void closesAtDeadline() {
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true), clock)) {
      TestClient chair = TestClient.demo(s, "chutri");
      TestClient secretary = TestClient.demo(s, "thuky");
      TestClient d1 = TestClient.demo(s, "daibieu1");
      TestClient d2 = TestClient.demo(s, "daibieu2");
      chair.ok(cmd("StartConference"));
      d1.ok(comment("d8.k1", "Góp ý trong phiên họp."));

      Instant start = clock.instant();
      chair.ok(cmd("OpenFeedback").put("deadline", start.plus(Duration.ofHours(2)).toString()));
      Instant deadline = start.plus(Duration.ofHours(3));
      chair.ok(cmd("SetFeedbackDeadline").put("deadline", deadline.toString()));

      // After the first deadline, before the moved one: still open, and the server does not close it.
      clock.set(start.plus(Duration.ofMinutes(150)));
      JsonObject late = d2.ok(comment("d9.k1", "Góp ý gửi sau phiên họp, trước hạn."));
      assertThat(late.getString("type")).isEqualTo("ack");
      sleep(1_500);
      assertThat(chair.sawEvent("ConferenceClosed")).isFalse();
      String annotationId = d2.awaitEvent("AnnotationAdded", d -> "d9.k1".equals(d.getString("nodeId")))
          .getJsonObject("data").getString("annotationId");

      // Past the deadline: refused, with a message that says so and when.
      clock.set(deadline.plusSeconds(1));
      JsonObject refused = d1.command(comment("d10.k1", "Góp ý quá hạn."));
      assertThat(refused.getString("type")).isEqualTo("error");
      assertThat(refused.getString("code")).isEqualTo("WRONG_STATE");
      assertThat(refused.getJsonObject("message").getString("vi")).contains("góp ý").contains(vietnamTime(deadline));

      // The server closes the conference by itself, as the system.
      JsonObject closed = chair.awaitEvent("ConferenceClosed", d -> true);
      assertThat(Instant.parse(closed.getJsonObject("data").getString("at"))).isAfterOrEqualTo(deadline);
      JsonObject audit = TestClient.http(s.baseUrl(), "GET", "/api/conferences/demo/audit?after="
          + (closed.getLong("seq") - 1) + "&limit=1", null, chair.accessToken);
      assertThat(audit.getJsonArray("events").getJsonObject(0).getString("actor")).isEqualTo("system");

      JsonObject afterClose = d2.command(cmd("ReplyToAnnotation").put("annotationId", annotationId).put("body", "Bổ sung."));
      assertThat(afterClose.getString("code")).isEqualTo("WRONG_STATE");
      assertThat(afterClose.getJsonObject("message").getString("vi"))
          .isEqualTo("Đã hết thời gian nhận góp ý: hội nghị đã kết thúc (hạn góp ý: " + vietnamTime(deadline) + ")");
      // The drafting team still answers feedback after the close, and the report is final.
      secretary.ok(cmd("RespondToAnnotation").put("annotationId", annotationId).put("response", "NOTED"));
      JsonObject report = TestClient.http(s.baseUrl(), "GET", "/api/conferences/demo/report", null, secretary.accessToken);
      assertThat(report.getJsonObject("heading").getBoolean("isFinal")).isTrue();
      assertThat(report.getJsonObject("totals").getInteger("noted")).isEqualTo(1);
      java.util.List.of(chair, secretary, d1, d2).forEach(TestClient::close);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
