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
}
