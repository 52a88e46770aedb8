package vn.hoinghi.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Alternative;
import vn.hoinghi.domain.Choice;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.domain.Tally;
import vn.hoinghi.domain.Vote;
import vn.hoinghi.domain.VoteMode;
import vn.hoinghi.domain.demo.DemoConference;
import vn.hoinghi.report.PlayedSession;

/**
 * Logs written before alternative wordings existed (the golden log of StoredNamesTest) replay unchanged: their vote
 * events read with no alternatives, are written back byte for byte in the same shape, and their tallies have no
 * per-alternative counts.
 */
@DisplayName("Old vote logs without alternatives")
class OldVoteLogReplayTest {

  private static final Set<String> VOTING = Set.of("VoteOpened", "BallotCast", "SecretBallotCast", "HallResultRecorded");

  @Test
  @DisplayName("replay with no alternatives, and re-encode to exactly the stored JSON")
  void oldLogReplaysUnchanged() throws Exception {
    Conference conf = Conference.empty(DemoConference.CONFERENCE_ID, PlayedSession.SEALER);
    int voting = 0;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("golden/story-log.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) continue;
        JsonNode stored = Codec.mapper().readTree(line);
        String type = stored.get("type").textValue();
        Event e = Codec.decodeEvent(type, Codec.encode(stored.get("data")));
        if (VOTING.contains(type)) {
          voting++;
          assertThat(Codec.mapper().readTree(Codec.encode(e))).as("seq " + stored.get("seq")).isEqualTo(stored.get("data"));
          if (e instanceof Event.VoteOpened v) assertThat(v.alternatives()).isNull();
          if (e instanceof Event.BallotCast b) assertThat(b.alternativeId()).isNull();
          if (e instanceof Event.SecretBallotCast b) assertThat(b.alternativeId()).isNull();
          if (e instanceof Event.HallResultRecorded h) assertThat(h.alternatives()).isNull();
        }
        conf.apply(new RecordedEvent(stored.get("seq").asLong(), null, null, Instant.parse(stored.get("at").textValue()), e));
      }
    }
    assertThat(voting).isGreaterThan(20);
    assertThat(conf.votes()).isNotEmpty();
    for (Vote v : conf.votes()) {
      assertThat(v.alternatives()).isEmpty();
      for (String a : v.articleIds()) {
        Tally t = conf.tally(v.id(), a);
        assertThat(t.alternatives()).isNull();
        assertThat(Codec.mapper().readTree(Codec.encode(t)).has("alternatives")).isFalse();
      }
    }
  }

  @Test
  @DisplayName("new vote events carry their alternatives through the log's JSON and back")
  void newEventsRoundTrip() {
    Event.VoteOpened opened = new Event.VoteOpened("v-1", "Điều 3", List.of("d3"), VoteMode.NAMED, 2,
        Instant.parse("2026-12-05T01:00:00Z"), Map.of("d3", List.of(new Alternative("d3.pa1", "Phương án 1"),
            new Alternative("d3.pa2", "Phương án 2"))));
    assertThat(Codec.decodeEvent("VoteOpened", Codec.encode(opened))).isEqualTo(opened);
    Event.BallotCast cast = new Event.BallotCast("v-1", "d3", "p-1", "e-1", Choice.AGREE, null, "d3.pa2");
    assertThat(Codec.encode(cast)).contains("\"alternativeId\":\"d3.pa2\"");
    assertThat(Codec.decodeEvent("BallotCast", Codec.encode(cast))).isEqualTo(cast);
  }
}
