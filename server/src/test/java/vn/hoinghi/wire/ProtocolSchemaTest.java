package vn.hoinghi.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The protocol's JSON Schema")
class ProtocolSchemaTest {

  @Test
  @DisplayName("the committed schema is exactly what the server's records generate (regenerate with ProtocolSchema)")
  void committedSchemaMatchesRecords() throws Exception {
    Path committed = Path.of("..", "protocol", "hoinghi-protocol.schema.json");
    assertThat(Files.readString(committed, StandardCharsets.UTF_8))
        .as("protocol/hoinghi-protocol.schema.json is stale: run mvn -q -pl server compile exec:java "
            + "-Dexec.mainClass=vn.hoinghi.wire.ProtocolSchema -Dexec.args=protocol/hoinghi-protocol.schema.json")
        .isEqualTo(ProtocolSchema.generate());
  }

  @Test
  @DisplayName("every command and event type has a definition")
  void everyTypeDefined() {
    Codec.commandTypes().keySet().forEach(t -> assertThat(MessageValidator.defines(t + "Command")).as(t).isTrue());
    Codec.eventTypes().keySet().forEach(t -> assertThat(MessageValidator.defines(t + "EventFrame")).as(t).isTrue());
  }

  @Test
  @DisplayName("valid messages pass; wrong types, unknown fields and missing fields are named")
  void validation() {
    MessageValidator.check("HelloMessage", new JsonObject().put("type", "hello").put("token", "x").put("resumeAfter", 3));
    MessageValidator.check("CastBallotCommand", new JsonObject().put("type", "CastBallot").put("voteId", "v-1")
        .put("articleId", "d5").put("choice", "OTHER").put("text", "Ý kiến khác"));
    assertThatThrownBy(() -> MessageValidator.check("HelloMessage",
        new JsonObject().put("type", "hello").put("resumeAfter", "soon")))
        .isInstanceOf(WireError.class).hasMessageContaining("resumeAfter");
    assertThatThrownBy(() -> MessageValidator.check("CastBallotCommand",
        new JsonObject().put("type", "CastBallot").put("choice", "MAYBE")))
        .isInstanceOf(WireError.class).hasMessageContaining("choice");
    assertThatThrownBy(() -> MessageValidator.check("PingMessage", new JsonObject().put("type", "ping").put("x", 1)))
        .isInstanceOf(WireError.class);
    assertThatThrownBy(() -> MessageValidator.check("RecordHallResultCommand",
        new JsonObject().put("type", "RecordHallResult").put("agree", 1)))
        .isInstanceOf(WireError.class);
    // A number beyond double is read as Infinity; the validator's enum check cannot judge it: still a typed error.
    assertThatThrownBy(() -> MessageValidator.check("CastBallotCommand",
        Codec.parse("{\"type\":\"CastBallot\",\"choice\":1e400}")))
        .isInstanceOf(WireError.class).hasMessageContaining("message");
    assertThatThrownBy(() -> MessageValidator.check("CastBallotCommand",
        Codec.parse("{\"type\":\"CastBallot\",\"voteId\":-1e400,\"choice\":\"AGREE\"}")))
        .isInstanceOf(WireError.class);
    assertThatThrownBy(() -> MessageValidator.check("OpenVoteCommand",
        new JsonObject().put("type", "OpenVote").put("nodeIds", new JsonArray().add(5))))
        .isInstanceOf(WireError.class).hasMessageContaining("nodeIds");
  }
}
