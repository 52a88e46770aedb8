package vn.hoinghi.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.domain.Viewer;
import vn.hoinghi.domain.demo.DemoConference;
import vn.hoinghi.report.PlayedSession;

/**
 * Stored names are a contract with every log ever written: a golden list of the names stored today, and a golden log
 * of a played session written by the version that made names explicit, must still be read — through
 * {@link Upcasters#CURRENT} — into the same state. The golden files are written by {@link #main} (run it only when a
 * change of meaning is intended, and say so in the commit).
 */
class StoredNamesTest {

  private static final String NAMES = "golden/type-names.txt";
  private static final String LOG = "golden/story-log.jsonl";
  private static final String VIEW = "golden/story-view.json";

  @Test
  void everyNameEverStoredStillDecodes() throws IOException {
    List<String> missing = new ArrayList<>();
    int events = 0;
    int commands = 0;
    for (String line : lines(NAMES)) {
      String[] kv = line.split(" ");
      if (kv[0].equals("event")) {
        events++;
        String now = Upcasters.CURRENT.upcast(kv[1], "{}").type();
        if (!Codec.eventTypes().containsKey(now)) missing.add(line);
      } else if (kv[0].equals("command")) {
        commands++;
        if (!Codec.commandTypes().containsKey(kv[1])) missing.add(line);
      }
    }
    assertThat(events).as("events in the golden list").isGreaterThanOrEqualTo(62);
    assertThat(commands).as("commands in the golden list").isGreaterThanOrEqualTo(57);
    assertThat(missing).as("stored names no longer read (add an Upcasters step)").isEmpty();
    // A name added since is recorded in the golden list in the same commit, so it is protected from then on.
    List<String> golden = lines(NAMES);
    List<String> unrecorded = new ArrayList<>();
    Codec.eventTypes().keySet().forEach(n -> { if (!golden.contains("event " + n)) unrecorded.add("event " + n); });
    Codec.commandTypes().keySet().forEach(n -> { if (!golden.contains("command " + n)) unrecorded.add("command " + n); });
    assertThat(unrecorded).as("names missing from " + NAMES + " (append them)").isEmpty();
  }

  @Test
  void everyTypeHasExactlyOneStoredName() {
    for (Class<?> c : Event.records()) {
      assertThat(Codec.eventTypes().get(TypeNames.of(c))).as(c.getSimpleName()).isEqualTo(c);
    }
    for (Class<?> c : Command.class.getPermittedSubclasses()) {
      assertThat(Codec.commandTypes().get(TypeNames.of(c))).as(c.getSimpleName()).isEqualTo(c);
    }
    assertThatThrownBy(() -> TypeNames.of(String.class)).hasMessageContaining("add it to TypeNames");
  }

  @Test
  void theGoldenLogReplaysIntoTheSameState() throws IOException {
    Conference conf = Conference.empty(DemoConference.CONFERENCE_ID, PlayedSession.SEALER);
    Instant last = null;
    int n = 0;
    for (String line : lines(LOG)) {
      JsonNode stored = Codec.mapper().readTree(line);
      String type = stored.get("type").textValue();
      String payload = Codec.encode(stored.get("data"));
      Event e = Codec.decodeEvent(type, payload);
      // Nothing stored is lost on reading: today's encoding of what was read holds every stored field and value.
      assertSubset("event " + stored.get("seq").asLong() + " " + type, stored.get("data"),
          Codec.mapper().readTree(Codec.encode(e)));
      last = Instant.parse(stored.get("at").textValue());
      conf.apply(new RecordedEvent(stored.get("seq").asLong(), text(stored, "actor"), text(stored, "commandId"), last, e));
      n++;
    }
    assertThat(n).as("events in the golden log").isGreaterThan(100);
    JsonNode view = Codec.mapper().readTree(Codec.encode(conf.views().viewFor(Viewer.organizerConsole(), last)));
    assertSubset("view", Codec.mapper().readTree(read(VIEW)), view);
  }

  @Test
  void upcastersRenameAndReshapeOldEventsInOrder() {
    Upcasters steps = new Upcasters(List.of(
        new Upcasters.Step("MeetingOpened", "ConferenceStartedV1", body -> body),
        new Upcasters.Step("ConferenceStartedV1", "ConferenceStarted", body -> {
          ObjectNode b = body.deepCopy();
          b.set("at", b.remove("openedAt"));
          return b;
        })));
    Event e = Codec.decodeEvent(steps, "MeetingOpened", "{\"openedAt\":\"2024-09-10T01:00:00Z\"}");
    assertThat(e).isEqualTo(new Event.ConferenceStarted(Instant.parse("2024-09-10T01:00:00Z")));
    // A name no step knows and no type holds is refused by name, not read as something else.
    assertThatThrownBy(() -> Codec.decodeEvent(steps, "NoSuchEvent", "{}")).hasMessageContaining("NoSuchEvent");
    // Today's names pass through untouched.
    assertThat(Upcasters.CURRENT.upcast("ConferenceStarted", "{\"at\":\"x\"}"))
        .isEqualTo(new Upcasters.Stored("ConferenceStarted", "{\"at\":\"x\"}"));
  }

  /** Every field of {@code expected} is in {@code actual} with the same value (arrays element by element). */
  static void assertSubset(String where, JsonNode expected, JsonNode actual) {
    if (expected.isObject()) {
      assertThat(actual.isObject()).as(where + " is an object").isTrue();
      Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        assertThat(actual.has(f.getKey())).as(where + "." + f.getKey() + " present").isTrue();
        assertSubset(where + "." + f.getKey(), f.getValue(), actual.get(f.getKey()));
      }
    } else if (expected.isArray()) {
      assertThat(actual.isArray()).as(where + " is an array").isTrue();
      assertThat(actual.size()).as(where + " size").isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) assertSubset(where + "[" + i + "]", expected.get(i), actual.get(i));
    } else {
      assertThat(actual).as(where).isEqualTo(expected);
    }
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).textValue() : null;
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = StoredNamesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> lines(String resource) throws IOException {
    return read(resource).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
  }

  /** Writes the golden files from today's code: {@code args[0]} is the resources directory. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0], "golden");
    Files.createDirectories(dir);
    StringBuilder names = new StringBuilder("# Every event and command name stored or sent as of 2026-12-04; never remove a line.\n");
    Codec.eventTypes().keySet().forEach(n -> names.append("event ").append(n).append('\n'));
    Codec.commandTypes().keySet().forEach(n -> names.append("command ").append(n).append('\n'));
    Files.writeString(dir.resolve("type-names.txt"), names);
    PlayedSession s = PlayedSession.story();
    StringBuilder log = new StringBuilder();
    Instant last = null;
    for (RecordedEvent re : s.log) {
      ObjectNode o = Codec.mapper().createObjectNode();
      o.put("seq", re.seq()).put("type", Codec.typeOf(re.event())).put("at", re.at().toString());
      if (re.actor() != null) o.put("actor", re.actor());
      if (re.commandId() != null) o.put("commandId", re.commandId());
      o.set("data", Codec.mapper().readTree(Codec.encode(re.event())));
      log.append(Codec.encode(o)).append('\n');
      last = re.at();
    }
    Files.writeString(dir.resolve("story-log.jsonl"), log);
    Files.writeString(dir.resolve("story-view.json"),
        Codec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(s.conf.views().viewFor(Viewer.organizerConsole(), last)));
  }
}
