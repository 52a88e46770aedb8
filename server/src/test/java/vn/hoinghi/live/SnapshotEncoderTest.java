package vn.hoinghi.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.Decision;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.domain.Viewer;
import vn.hoinghi.domain.demo.DemoConference;

@DisplayName("Snapshot encoding")
class SnapshotEncoderTest {

  private static Conference demo() {
    Conference c = Conference.empty("demo", new HmacBallotSealer("x".repeat(40)));
    Instant now = Instant.parse("2024-09-10T07:00:00Z");
    for (CommandEnvelope env : DemoConference.commands()) {
      Decision.Accepted a = (Decision.Accepted) c.decide(env, now);
      for (Event e : a.events()) c.apply(new RecordedEvent(c.version() + 1, a.recordedActor(), env.commandId(), now, e));
    }
    return c;
  }

  @Test
  @DisplayName("splicing the cached draft gives exactly the JSON of encoding the whole view")
  void sameAsWholeEncoding() {
    Conference c = demo();
    SnapshotEncoder enc = new SnapshotEncoder();
    Instant t = Instant.parse("2024-09-10T08:00:00Z");
    for (Viewer v : new Viewer[] {Viewer.publicScreen(), Viewer.organizerConsole(),
        Viewer.participant(c.participants().get(0).id())}) {
      JsonObject spliced = new JsonObject(enc.encode(c.version(), t, c.viewFor(v, t)).toString());
      JsonObject whole = new JsonObject(Frames.snapshot(c.version(), t, c.viewFor(v, t)).toString());
      assertThat(spliced).isEqualTo(whole);
      assertThat(spliced.getJsonObject("state").getJsonObject("draft").getJsonObject("document")
          .getJsonArray("nodes")).isNotEmpty();
    }
  }
}
