package vn.hoinghi.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.Extension;
import vn.hoinghi.testing.FrameSchemaCheck;

/** Every frame a test client receives is held to the protocol schema; this pins that the check runs and catches drift. */
@DisplayName("Frames received by test clients are checked against the protocol schema")
class ReceivedFramesTest {
  private final FrameSchemaCheck check = new FrameSchemaCheck();

  @Test
  @DisplayName("the check is registered for every test class (JUnit extension autodetection)")
  void registered() throws Exception {
    assertThat(ServiceLoader.load(Extension.class).stream().map(p -> p.type().getName()))
        .contains(FrameSchemaCheck.class.getName());
    Properties p = new Properties();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("junit-platform.properties")) {
      p.load(in);
    }
    assertThat(p.getProperty("junit.jupiter.extensions.autodetection.enabled")).isEqualTo("true");
  }

  @Test
  @DisplayName("a frame of the schema passes; a field the schema does not have, or an unknown type, fails the test")
  void drift() {
    FrameSchemaCheck.received(new JsonObject().put("type", "pong").put("serverTime", "2026-12-05T07:00:00Z"));
    check.afterEach(null);
    FrameSchemaCheck.received(new JsonObject().put("type", "pong").put("serverTime", "2026-12-05T07:00:00Z").put("extra", 1));
    assertThatThrownBy(() -> check.afterEach(null)).hasMessageContaining("PongMessage");
    FrameSchemaCheck.received(new JsonObject().put("type", "gossip"));
    assertThatThrownBy(() -> check.afterEach(null)).hasMessageContaining("gossip");
  }

  @Test
  @DisplayName("with precise types a required field missing, or null where it may not be, fails the test")
  void requiredFields() {
    JsonObject welcome = new JsonObject(Codec.encode(new ServerMessage.WelcomeMessage("c-1", true,
        java.time.Instant.parse("2026-12-05T07:00:00Z"), java.time.Instant.parse("2026-12-05T19:00:00Z"), null,
        java.util.List.of())));
    FrameSchemaCheck.received(welcome);
    check.afterEach(null);
    FrameSchemaCheck.received(welcome.copy().put("endpointId", null));
    check.afterEach(null);
    FrameSchemaCheck.received(welcome.copy().put("organizer", null));
    assertThatThrownBy(() -> check.afterEach(null)).hasMessageContaining("WelcomeMessage");
    JsonObject noRoles = welcome.copy();
    noRoles.remove("roles");
    FrameSchemaCheck.received(noRoles);
    assertThatThrownBy(() -> check.afterEach(null)).hasMessageContaining("roles");

    // An event's data: a vote closed names its vote and when; a ballot's endpoint may be absent (no hall).
    JsonObject closed = new JsonObject().put("type", "events").put("upTo", 5).put("events", new io.vertx.core.json.JsonArray()
        .add(new JsonObject().put("seq", 5).put("type", "VoteClosed").put("at", "2026-12-05T07:00:00Z")
            .put("data", new JsonObject().put("voteId", "v-1").put("at", "2026-12-05T07:00:00Z"))));
    FrameSchemaCheck.received(closed);
    check.afterEach(null);
    JsonObject noVote = closed.copy();
    noVote.getJsonArray("events").getJsonObject(0).getJsonObject("data").remove("voteId");
    FrameSchemaCheck.received(noVote);
    assertThatThrownBy(() -> check.afterEach(null)).hasMessageContaining("EventsMessage");
    JsonObject nullAt = closed.copy();
    nullAt.getJsonArray("events").getJsonObject(0).getJsonObject("data").putNull("at");
    FrameSchemaCheck.received(nullAt);
    assertThatThrownBy(() -> check.afterEach(null)).hasMessageContaining("EventsMessage");
  }
}
