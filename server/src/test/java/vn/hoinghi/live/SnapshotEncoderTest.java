package vn.hoinghi.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.Decision;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.domain.Viewer;
import vn.hoinghi.domain.demo.DemoConference;
import vn.hoinghi.wire.Codec;

@DisplayName("Snapshot encoding")
class SnapshotEncoderTest {

  /** A real-size draft: 199 articles of two real texts in sequence (drafts/real/SOURCES.md). */
  static final String REAL_SIZE_DRAFT = "drafts/real/ghep-hien-phap-2013-luat-cntt-2006.txt";

  private static Conference demo() {
    Conference c = Conference.empty("demo", new HmacBallotSealer("x".repeat(40)));
    Instant now = Instant.parse("2024-09-10T07:00:00Z");
    for (CommandEnvelope env : DemoConference.commands()) run(c, env, now);
    return c;
  }

  private static void run(Conference c, CommandEnvelope env, Instant now) {
    Decision d = c.decide(env, now);
    assertThat(d).isInstanceOf(Decision.Accepted.class);
    Decision.Accepted a = (Decision.Accepted) d;
    for (Event e : a.events()) c.apply(new RecordedEvent(c.version() + 1, a.recordedActor(), env.commandId(), now, e));
  }

  static String resource(String path) throws IOException {
    try (InputStream in = SnapshotEncoderTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  @DisplayName("splicing the cached outline gives exactly the JSON of encoding the view without the draft's text")
  void sameAsWholeEncoding() {
    Conference c = demo();
    SnapshotEncoder enc = new SnapshotEncoder();
    Instant t = Instant.parse("2024-09-10T08:00:00Z");
    for (Viewer v : new Viewer[] {Viewer.publicScreen(), Viewer.organizerConsole(),
        Viewer.participant(c.participants().get(0).id())}) {
      var view = c.views().viewFor(v, t);
      JsonObject spliced = new JsonObject(enc.encode(c.version(), t, view).toString());
      JsonObject whole = new JsonObject(Frames.snapshot(c.version(), t,
          SnapshotEncoder.withDraft(view, view.draft(), view.draft().outline())).toString());
      assertThat(spliced).isEqualTo(whole);
      JsonObject draft = spliced.getJsonObject("state").getJsonObject("draft");
      assertThat(draft.containsKey("document")).isFalse();
      assertThat(draft.getString("documentEtag")).isEqualTo(c.draftEtag(1)).startsWith("\"d1-");
      assertThat(draft.getJsonArray("outline")).isNotEmpty();
    }
  }

  @Test
  @DisplayName("on a 199-article draft the snapshot names the version and its articles, carries no text, and is small")
  void realSizeDraftSnapshotIsSmall() throws IOException {
    Conference c = demo();
    run(c, new CommandEnvelope("big", DemoConference.ORGANIZER,
        new Command.ImportDraft(resource(REAL_SIZE_DRAFT), "Dự thảo cỡ thật")), Instant.parse("2024-09-10T07:30:00Z"));
    var doc = c.currentDraft().orElseThrow().document();
    assertThat(doc.articles()).hasSizeGreaterThanOrEqualTo(170);
    int documentBytes = Codec.encode(doc).getBytes(StandardCharsets.UTF_8).length;
    Instant t = Instant.parse("2024-09-10T08:00:00Z");
    String frame = new SnapshotEncoder().encode(c.version(), t,
        c.views().viewFor(Viewer.participant(c.participants().get(0).id()), t)).toString();
    int frameBytes = frame.getBytes(StandardCharsets.UTF_8).length;

    JsonObject draft = new JsonObject(frame).getJsonObject("state").getJsonObject("draft");
    assertThat(draft.getInteger("version")).isEqualTo(2);
    assertThat(draft.containsKey("document")).isFalse();
    // No clause or body text: a sentence of Điều 1's body is nowhere in the frame.
    String body = doc.articles().get(0).text().isEmpty() ? doc.articles().get(0).children().get(0).text()
        : doc.articles().get(0).text();
    assertThat(body).hasSizeGreaterThan(20);
    assertThat(frame).doesNotContain(body.substring(0, 20));
    int articles = 0;
    for (Object o : flatten(draft.getJsonArray("outline"), new JsonArray())) {
      JsonObject n = (JsonObject) o;
      assertThat(n.getString("kind")).isNotIn("CLAUSE", "POINT");
      if (n.getString("kind").equals("ARTICLE")) articles++;
    }
    assertThat(articles).isEqualTo(doc.articles().size());
    // The text alone is over 200 KB of JSON; the frame is the outline plus the demo's state.
    assertThat(documentBytes).isGreaterThan(200_000);
    System.out.println("real-size draft: document " + documentBytes + " B of JSON, snapshot frame " + frameBytes + " B");
    assertThat(frameBytes).isLessThan(45_000);
  }

  private static JsonArray flatten(JsonArray level, JsonArray out) {
    if (level == null) return out;
    for (Object o : level) {
      out.add(o);
      flatten(((JsonObject) o).getJsonArray("children"), out);
    }
    return out;
  }
}
