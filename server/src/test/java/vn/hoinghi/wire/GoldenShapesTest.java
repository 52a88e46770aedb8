package vn.hoinghi.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The golden log (written by an earlier version, see {@link StoredNamesTest}) matches today's precise types: a
 * resuming client is caught up with stored events as they were written, so what old versions stored must still be what
 * the schema promises (docs/architecture.md, "Precise types"). Views are never stored: they are built from today's
 * records (domain/SentShapesTest).
 */
@DisplayName("Stored events match the schema's precise types")
class GoldenShapesTest {

  private static String resource(String path) throws IOException {
    try (InputStream in = GoldenShapesTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  @DisplayName("every event of the golden log, as stored, validates against its event definition")
  void goldenLogEvents() throws IOException {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (String line : resource("golden/story-log.jsonl").split("\n")) {
      if (line.isBlank()) continue;
      JsonNode stored = Codec.parse(line);
      String type = Upcasters.CURRENT.upcast(stored.get("type").asText(), "{}").type();
      // The feed sends this one without its document, built anew (live/DraftFrames), never as stored.
      if (type.equals("DraftVersionImported")) continue;
      try {
        MessageValidator.check(type + "Event", stored.get("data"));
        checked++;
      } catch (WireError e) {
        problems.add(type + ": " + e.getMessage());
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checked).isGreaterThan(90);
  }
}
