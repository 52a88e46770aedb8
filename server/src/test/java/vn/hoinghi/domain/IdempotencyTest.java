package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Command.*;

@DisplayName("Idempotent commands")
class IdempotencyTest extends WorldTest {

  @Test
  @DisplayName("a repeated commandId from the same actor returns the original events' range and changes nothing")
  void repeat() {
    w = World.live();
    String v = w.openVote(VoteMode.NAMED, "d1");
    Decision first = w.h.send("phone-42:ballot-7", w.as(w.delegateDtp), new CastBallot(v, "d1", Choice.AGREE, null));
    long seq = w.conf().version();
    assertThat(first).isInstanceOf(Decision.Accepted.class);
    ConferenceSnapshot before = w.conf().snapshot();
    Decision again = w.h.send("phone-42:ballot-7", w.as(w.delegateDtp), new CastBallot(v, "d1", Choice.DISAGREE, null));
    assertThat(again).isEqualTo(new Decision.AlreadyApplied(seq, seq));
    assertThat(w.conf().snapshot()).isEqualTo(before);
  }

  @Test
  @DisplayName("the range covers every event of a command that produced several")
  void multiEventRange() {
    w = World.live();
    w.openVote(VoteMode.NAMED, "d1");
    long before = w.conf().version();
    w.h.send("close-all", w.as(w.chair), new CloseConference());
    assertThat(w.h.send("close-all", w.as(w.chair), new CloseConference()))
        .isEqualTo(new Decision.AlreadyApplied(before + 1, before + 2));
  }

  @Test
  @DisplayName("the same commandId from another actor is another command")
  void perActor() {
    w = World.live();
    w.h.send("same-id", w.as(w.delegateDtp), new RequestFloor(FloorKind.CONTRIBUTION, null, false));
    assertThat(w.h.send("same-id", w.as(w.delegateHni), new RequestFloor(FloorKind.CONTRIBUTION, null, false)))
        .isInstanceOf(Decision.Accepted.class);
    assertThat(w.conf().waitingRequests()).hasSize(2);
  }

  @Test
  @DisplayName("a rejected command leaves no trace: the same id may be sent again once it can succeed")
  void rejectedLeavesNoTrace() {
    w = World.scheduled();
    Decision refused = w.h.send("start-1", w.as(w.chair), new OpenFeedback(w.h.now.plusSeconds(60)));
    assertThat(refused).isInstanceOf(Decision.Rejected.class);
    w.h.ok(w.as(w.chair), new StartConference());
    assertThat(w.h.send("start-1", w.as(w.chair), new OpenFeedback(w.h.now.plusSeconds(60))))
        .isInstanceOf(Decision.Accepted.class);
  }

  @Test
  @DisplayName("the memory of commandIds survives replay and restore")
  void survivesReplay() {
    w = World.live();
    w.h.send("req-1", w.as(w.delegateDtp), new RequestFloor(FloorKind.CONTRIBUTION, null, false));
    long seq = w.conf().version();
    Conference replayed = w.h.replay();
    Decision d = replayed.decide(new CommandEnvelope("req-1", w.as(w.delegateDtp),
        new RequestFloor(FloorKind.CONTRIBUTION, null, false)), w.h.now);
    assertThat(d).isEqualTo(new Decision.AlreadyApplied(seq, seq));
    Conference restored = Conference.restore(w.conf().snapshot(), FixedSecretSealer.INSTANCE);
    assertThat(restored.decide(new CommandEnvelope("req-1", w.as(w.delegateDtp),
        new RequestFloor(FloorKind.CONTRIBUTION, null, false)), w.h.now)).isEqualTo(d);
    assertThat(w.conf().snapshot().commands().get(w.delegateDtp)).containsEntry("req-1", new SeqRange(seq, seq));
  }

  @Test
  @DisplayName("the organizer, anonymous joiners and the system are remembered under their own recorded names")
  void recordedNames() {
    w = World.live();
    Decision.Accepted a = (Decision.Accepted) w.h.send("org-1", World.ORGANIZER,
        new AddAgendaItem("Mục", AgendaItemKind.OTHER, 1, List.of(), null));
    assertThat(a.recordedActor()).isEqualTo("organizer:acc-organizer");
    w.h.ok(w.as(w.chair), new OpenFeedback(w.h.now.plusSeconds(1)));
    w.h.advance(java.time.Duration.ofSeconds(1));
    Decision.Accepted s = (Decision.Accepted) w.h.send("deadline-close", Actor.system(), new CloseConference());
    assertThat(s.recordedActor()).isEqualTo("system");
    assertThat(w.h.send("deadline-close", Actor.system(), new CloseConference())).isInstanceOf(Decision.AlreadyApplied.class);
  }

  @Test
  @DisplayName("applying an event out of sequence is refused: the log has no gaps")
  void gapFree() {
    w = World.prepared();
    Conference c = w.conf();
    long v = c.version();
    RecordedEvent skip = new RecordedEvent(v + 2, "system", "x", w.h.now, new Event.ConferenceScheduled());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.apply(skip)).isInstanceOf(IllegalStateException.class);
    RecordedEvent again = new RecordedEvent(v, "system", "x", w.h.now, new Event.ConferenceScheduled());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.apply(again)).isInstanceOf(IllegalStateException.class);
    assertThat(c.version()).isEqualTo(v);
  }
}
