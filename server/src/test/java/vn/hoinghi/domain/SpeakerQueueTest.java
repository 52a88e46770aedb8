package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Command.*;
import vn.hoinghi.domain.Event.*;

@DisplayName("The speaker queue")
class SpeakerQueueTest extends WorldTest {

  private String request(String participant, FloorKind kind, boolean forHall) {
    return w.h.ok(w.as(participant), new RequestFloor(kind, null, forHall), FloorRequested.class).requestId();
  }

  private List<String> queue() {
    return w.conf().waitingRequests().stream().map(FloorRequest::id).toList();
  }

  @Test
  @DisplayName("a delegate asks for themself and a host for the hall, on an article or the whole draft")
  void request() {
    w = World.live();
    FloorRequested e = w.h.ok(w.as(w.delegateDtp), new RequestFloor(FloorKind.CONTRIBUTION, "d3", false), FloorRequested.class);
    assertThat(e).isEqualTo(new FloorRequested("fr-" + w.conf().version(), w.delegateDtp, w.dtp, FloorKind.CONTRIBUTION,
        "d3", false, w.h.now));
    String hall = request(w.hostHni, FloorKind.REPLY, true);
    assertThat(queue()).containsExactly(e.requestId(), hall);
    assertThat(w.conf().waitingRequests().get(1).forHall()).isTrue();
  }

  @Test
  @DisplayName("a point of order goes to the front, behind earlier points of order")
  void pointOfOrder() {
    w = World.live();
    String a = request(w.delegateDtp, FloorKind.CONTRIBUTION, false);
    String b = request(w.delegateDtp2, FloorKind.POINT_OF_ORDER, false);
    String c = request(w.delegateHni, FloorKind.POINT_OF_ORDER, false);
    String d = request(w.hostDtp, FloorKind.CONTRIBUTION, true);
    assertThat(queue()).containsExactly(b, c, a, d);
  }

  @Test
  @DisplayName("nobody holds two waiting requests, nor asks while speaking")
  void oneWaitingRequest() {
    w = World.live();
    String a = request(w.delegateDtp, FloorKind.CONTRIBUTION, false);
    w.h.rejected(w.as(w.delegateDtp), new RequestFloor(FloorKind.POINT_OF_ORDER, null, false), RejectionCode.CONFLICT);
    w.h.ok(w.as(w.chair), new ApproveFloorRequest(a));
    w.h.rejected(w.as(w.delegateDtp), new RequestFloor(FloorKind.REPLY, null, false), RejectionCode.CONFLICT);
    w.h.ok(w.as(w.chair), new GrantFloor(a));
    w.h.rejected(w.as(w.delegateDtp), new RequestFloor(FloorKind.REPLY, null, false), RejectionCode.CONFLICT);
    w.h.ok(w.as(w.chair), new EndSpeech());
    request(w.delegateDtp, FloorKind.REPLY, false);
  }

  @Test
  @DisplayName("refuses the wrong requester kind, unknown articles, a closed queue, a conference not live")
  void requestRefused() {
    w = World.scheduled();
    w.h.rejected(w.as(w.delegateDtp), new RequestFloor(FloorKind.CONTRIBUTION, null, false), RejectionCode.WRONG_STATE);
    w.h.ok(w.as(w.chair), new StartConference());
    w.h.rejected(w.as(w.delegateDtp), new RequestFloor(FloorKind.CONTRIBUTION, null, true), RejectionCode.FORBIDDEN);
    w.h.rejected(w.as(w.hostDtp), new RequestFloor(FloorKind.CONTRIBUTION, null, false), RejectionCode.FORBIDDEN);
    w.h.rejected(w.as(w.observer), new RequestFloor(FloorKind.CONTRIBUTION, null, false), RejectionCode.FORBIDDEN);
    w.h.rejected(w.as(w.chair), new RequestFloor(FloorKind.CONTRIBUTION, null, false), RejectionCode.FORBIDDEN);
    w.h.rejected(w.as(w.delegateDtp), new RequestFloor(null, null, false), RejectionCode.INVALID);
    w.h.rejected(w.as(w.delegateDtp), new RequestFloor(FloorKind.CONTRIBUTION, "d99", false), RejectionCode.NOT_FOUND);
    w.h.rejected(w.as(w.delegateDtp), new RequestFloor(FloorKind.CONTRIBUTION, "c1", false), RejectionCode.INVALID);
    w.h.ok(w.as(w.chair), new CloseSpeakerQueue());
    w.h.rejected(w.as(w.delegateDtp), new RequestFloor(FloorKind.CONTRIBUTION, null, false), RejectionCode.WRONG_STATE);
    w.h.rejected(w.as(w.chair), new CloseSpeakerQueue(), RejectionCode.WRONG_STATE);
    w.h.ok(w.as(w.chair), new OpenSpeakerQueue());
    w.h.rejected(w.as(w.chair), new OpenSpeakerQueue(), RejectionCode.WRONG_STATE);
    w.h.rejected(w.as(w.secretary), new CloseSpeakerQueue(), RejectionCode.FORBIDDEN);
  }

  @Test
  @DisplayName("only the requester withdraws, and only while waiting")
  void withdraw() {
    w = World.live();
    String a = request(w.delegateDtp, FloorKind.CONTRIBUTION, false);
    w.h.rejected(w.as(w.delegateDtp2), new WithdrawFloorRequest(a), RejectionCode.FORBIDDEN);
    w.h.rejected(w.as(w.chair), new WithdrawFloorRequest(a), RejectionCode.FORBIDDEN);
    w.h.ok(w.as(w.delegateDtp), new WithdrawFloorRequest(a));
    assertThat(queue()).isEmpty();
    w.h.rejected(w.as(w.delegateDtp), new WithdrawFloorRequest(a), RejectionCode.WRONG_STATE);
    w.h.rejected(w.as(w.delegateDtp), new WithdrawFloorRequest("fr-404"), RejectionCode.NOT_FOUND);
  }

  @Test
  @DisplayName("the chair approves, rejects with a reason, and reorders")
  void moderate() {
    w = World.live();
    String a = request(w.delegateDtp, FloorKind.CONTRIBUTION, false);
    String b = request(w.delegateDtp2, FloorKind.CONTRIBUTION, false);
    String c = request(w.delegateHni, FloorKind.CONTRIBUTION, false);
    w.h.ok(w.as(w.chair), new ApproveFloorRequest(a));
    w.h.rejected(w.as(w.chair), new ApproveFloorRequest(a), RejectionCode.WRONG_STATE);
    w.h.ok(w.as(w.chair), new MoveFloorRequest(c, 0));
    assertThat(queue()).containsExactly(c, a, b);
    w.h.ok(w.as(w.chair), new RejectFloorRequest(b, "Trùng nội dung"));
    assertThat(queue()).containsExactly(c, a);
    assertThat(w.conf().floorRequests()).filteredOn(r -> r.id().equals(b)).singleElement()
        .extracting(FloorRequest::status, FloorRequest::reason).containsExactly(FloorRequestStatus.REJECTED, "Trùng nội dung");
    w.h.rejected(w.as(w.chair), new MoveFloorRequest(c, 2), RejectionCode.INVALID);
    w.h.rejected(w.as(w.chair), new MoveFloorRequest(b, 0), RejectionCode.WRONG_STATE);
    w.h.rejected(w.as(w.chair), new RejectFloorRequest(c, "x".repeat(Limits.REASON + 1)), RejectionCode.LIMIT);
    w.h.rejected(w.as(w.secretary), new ApproveFloorRequest(c), RejectionCode.FORBIDDEN);
    w.h.rejected(w.as(w.hostDtp), new MoveFloorRequest(c, 1), RejectionCode.FORBIDDEN);
  }

  @Test
  @DisplayName("the chair grants the floor; the timer pauses and resumes; the history says for how long")
  void timer() {
    w = World.live();
    String a = request(w.delegateDtp, FloorKind.CONTRIBUTION, false);
    FloorGranted granted = w.h.ok(w.as(w.chair), new GrantFloor(a), FloorGranted.class);
    assertThat(granted.limitSeconds()).isEqualTo(300);
    w.h.advance(Duration.ofSeconds(90));
    w.h.ok(w.as(w.chair), new PauseSpeech());
    w.h.advance(Duration.ofSeconds(30));
    assertThat(w.conf().currentSpeech()).get().extracting(s -> s.elapsedMillis(w.h.now)).isEqualTo(90_000L);
    w.h.ok(w.as(w.chair), new ResumeSpeech());
    w.h.advance(Duration.ofSeconds(15));
    ConferenceView.QueueView view = w.conf().views().viewFor(Viewer.publicScreen(), w.h.now).speakerQueue();
    assertThat(view.currentElapsedMillis()).isEqualTo(105_000L);
    SpeechEnded ended = w.h.ok(w.as(w.chair), new EndSpeech(), SpeechEnded.class);
    assertThat(ended.spokenSeconds()).isEqualTo(105L);
    assertThat(w.conf().speeches()).singleElement().extracting(SpeechRecord::participantId, SpeechRecord::spokenSeconds,
        SpeechRecord::kind).containsExactly(w.delegateDtp, 105L, FloorKind.CONTRIBUTION);
    assertThat(w.conf().currentSpeech()).isEmpty();
  }

  @Test
  @DisplayName("one turn at a time; pause, resume and end need a turn in the right state")
  void turnRefused() {
    w = World.live();
    String a = request(w.delegateDtp, FloorKind.CONTRIBUTION, false);
    String b = request(w.delegateHni, FloorKind.CONTRIBUTION, false);
    w.h.rejected(w.as(w.chair), new PauseSpeech(), RejectionCode.WRONG_STATE);
    w.h.rejected(w.as(w.chair), new EndSpeech(), RejectionCode.WRONG_STATE);
    w.h.rejected(w.as(w.secretary), new GrantFloor(a), RejectionCode.FORBIDDEN);
    w.h.ok(w.as(w.chair), new GrantFloor(a));
    w.h.rejected(w.as(w.chair), new GrantFloor(b), RejectionCode.CONFLICT);
    w.h.rejected(w.as(w.chair), new GrantFloor(a), RejectionCode.WRONG_STATE);
    w.h.rejected(w.as(w.chair), new ResumeSpeech(), RejectionCode.WRONG_STATE);
    w.h.ok(w.as(w.chair), new PauseSpeech());
    w.h.rejected(w.as(w.chair), new PauseSpeech(), RejectionCode.WRONG_STATE);
    w.h.rejected(w.as(w.delegateDtp), new EndSpeech(), RejectionCode.FORBIDDEN);
    w.h.ok(w.as(w.chair), new EndSpeech());
    w.h.rejected(w.as(w.chair), new GrantFloor("fr-404"), RejectionCode.NOT_FOUND);
  }

  @Test
  @DisplayName("the queue is public: every screen receives its events")
  void public_() {
    w = World.live();
    FloorRequested e = w.h.ok(w.as(w.delegateDtp), new RequestFloor(FloorKind.CONTRIBUTION, null, false), FloorRequested.class);
    assertThat(w.conf().views().mayReceive(Viewer.publicScreen(), e)).isTrue();
    assertThat(w.conf().views().viewFor(Viewer.publicScreen(), w.h.now).speakerQueue().waiting()).hasSize(1);
  }
}
