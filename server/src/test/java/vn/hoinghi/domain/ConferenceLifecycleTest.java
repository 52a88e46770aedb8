package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Command.*;
import vn.hoinghi.domain.Event.*;

@DisplayName("The conference and its status")
class ConferenceLifecycleTest extends WorldTest {

  private static final Actor ORG = World.ORGANIZER;

  @Nested
  @DisplayName("CreateConference")
  class Create extends WorldTest {

    private final Harness h = new Harness();

    @Test
    @DisplayName("an organizer creates a conference in DRAFT with its settings")
    void accepted() {
      h.ok(ORG, new CreateConference("Hội nghị", null, Harness.START, Harness.START.plusSeconds(60), VoteMode.ANONYMOUS, 120));
      assertThat(h.conf.info().status()).isEqualTo(ConferenceStatus.DRAFT);
      assertThat(h.conf.info().settings()).isEqualTo(new Settings(VoteMode.ANONYMOUS, 120));
      assertThat(h.conf.info().conferenceId()).isEqualTo("conf-1");
      assertThat(h.conf.version()).isEqualTo(1);
      h.assertReplayEqualsLive();
    }

    @Test
    @DisplayName("only an organizer may create it")
    void forbidden() {
      h.rejected(Actor.anonymous(), new CreateConference("Hội nghị", null, null, null, VoteMode.NAMED, 0), RejectionCode.FORBIDDEN);
      h.rejected(Actor.system(), new CreateConference("Hội nghị", null, null, null, VoteMode.NAMED, 0), RejectionCode.FORBIDDEN);
    }

    @Test
    @DisplayName("a conference is created once")
    void twice() {
      h.ok(ORG, new CreateConference("Hội nghị", null, null, null, VoteMode.NAMED, 0));
      h.rejected(ORG, new CreateConference("Hội nghị", null, null, null, VoteMode.NAMED, 0), RejectionCode.CONFLICT);
    }

    @Test
    @DisplayName("refuses a missing or oversized title, an end before the start, a bad speaking limit, no vote mode")
    void badInput() {
      h.rejected(ORG, new CreateConference(" ", null, null, null, VoteMode.NAMED, 0), RejectionCode.INVALID);
      h.rejected(ORG, new CreateConference("x".repeat(Limits.TITLE + 1), null, null, null, VoteMode.NAMED, 0), RejectionCode.LIMIT);
      h.rejected(ORG, new CreateConference("Tiêu đề\u0007", null, null, null, VoteMode.NAMED, 0), RejectionCode.INVALID);
      h.rejected(ORG, new CreateConference("Hội nghị", "x".repeat(Limits.DESCRIPTION + 1), null, null, VoteMode.NAMED, 0),
          RejectionCode.LIMIT);
      h.rejected(ORG, new CreateConference("Hội nghị", null, Harness.START, Harness.START, VoteMode.NAMED, 0), RejectionCode.INVALID);
      h.rejected(ORG, new CreateConference("Hội nghị", null, null, null, VoteMode.NAMED, -1), RejectionCode.INVALID);
      h.rejected(ORG, new CreateConference("Hội nghị", null, null, null, VoteMode.NAMED, 3601), RejectionCode.LIMIT);
      h.rejected(ORG, new CreateConference("Hội nghị", null, null, null, null, 0), RejectionCode.INVALID);
    }

    @Test
    @DisplayName("every other command waits for the conference to exist")
    void notCreated() {
      h.rejected(ORG, new AddEndpoint("TW", "Trung ương", null, EndpointLevel.CENTRAL), RejectionCode.NOT_FOUND);
    }
  }

  @Nested
  @DisplayName("UpdateConferenceDetails and UpdateSettings")
  class Details extends WorldTest {

    @Test
    @DisplayName("the organizer, the chair and the secretary change title, schedule and settings")
    void accepted() {
      w = World.prepared();
      w.h.ok(ORG, new UpdateConferenceDetails("Tên mới", "Mô tả mới", null, null));
      w.h.ok(w.as(w.chair), new UpdateSettings(VoteMode.ANONYMOUS, 180));
      w.h.ok(w.as(w.secretary), new UpdateConferenceDetails("Tên mới hơn", null, null, null));
      assertThat(w.conf().info().title()).isEqualTo("Tên mới hơn");
      assertThat(w.conf().info().settings()).isEqualTo(new Settings(VoteMode.ANONYMOUS, 180));
    }

    @Test
    @DisplayName("hosts and delegates may not")
    void forbidden() {
      w = World.prepared();
      w.h.rejected(w.as(w.hostDtp), new UpdateSettings(VoteMode.NAMED, 10), RejectionCode.FORBIDDEN);
      w.h.rejected(w.as(w.delegateDtp), new UpdateConferenceDetails("x", null, null, null), RejectionCode.FORBIDDEN);
    }

    @Test
    @DisplayName("refuses bad input and a closed conference")
    void refused() {
      w = World.live();
      w.h.rejected(ORG, new UpdateConferenceDetails("", null, null, null), RejectionCode.INVALID);
      w.h.rejected(ORG, new UpdateSettings(null, 10), RejectionCode.INVALID);
      w.h.ok(w.as(w.chair), new CloseConference());
      w.h.rejected(ORG, new UpdateSettings(VoteMode.NAMED, 10), RejectionCode.WRONG_STATE);
      w.h.rejected(ORG, new UpdateConferenceDetails("Tên", null, null, null), RejectionCode.WRONG_STATE);
    }
  }

  @Nested
  @DisplayName("ScheduleConference and StartConference")
  class ScheduleAndStart extends WorldTest {

    @Test
    @DisplayName("DRAFT → SCHEDULED → LIVE, the start time recorded")
    void accepted() {
      w = World.prepared();
      w.h.ok(w.as(w.secretary), new ScheduleConference());
      w.h.advance(Duration.ofMinutes(5));
      w.h.ok(w.as(w.chair), new StartConference());
      assertThat(w.conf().info().status()).isEqualTo(ConferenceStatus.LIVE);
      assertThat(w.conf().info().startedAt()).isEqualTo(w.h.now);
    }

    @Test
    @DisplayName("scheduling needs the central endpoint and a chair")
    void needsCentralAndChair() {
      Harness h = new Harness();
      h.ok(ORG, new CreateConference("Hội nghị", null, null, null, VoteMode.NAMED, 0));
      h.rejected(ORG, new ScheduleConference(), RejectionCode.WRONG_STATE);
      String central = h.ok(ORG, new AddEndpoint("TW", "Trung ương", null, EndpointLevel.CENTRAL), EndpointAdded.class).endpointId();
      h.rejected(ORG, new ScheduleConference(), RejectionCode.WRONG_STATE);
      h.ok(ORG, new RegisterParticipant("Chủ trì", java.util.Set.of(Role.CHAIR), central));
      h.ok(ORG, new ScheduleConference());
      h.assertReplayEqualsLive();
    }

    @Test
    @DisplayName("only the chair starts; not twice; not before scheduling")
    void refused() {
      w = World.prepared();
      w.h.rejected(w.as(w.chair), new StartConference(), RejectionCode.WRONG_STATE);
      w.h.ok(ORG, new ScheduleConference());
      w.h.rejected(ORG, new ScheduleConference(), RejectionCode.WRONG_STATE);
      w.h.rejected(ORG, new StartConference(), RejectionCode.FORBIDDEN);
      w.h.rejected(w.as(w.secretary), new StartConference(), RejectionCode.FORBIDDEN);
      w.h.ok(w.as(w.chair), new StartConference());
      w.h.rejected(w.as(w.chair), new StartConference(), RejectionCode.WRONG_STATE);
      w.h.rejected(w.as(w.delegateDtp), new ScheduleConference(), RejectionCode.FORBIDDEN);
    }
  }

  @Nested
  @DisplayName("OpenFeedback, SetFeedbackDeadline and CloseConference")
  class Feedback extends WorldTest {

    @Test
    @DisplayName("the chair opens feedback until a deadline; open votes close, the turn ends, the current item completes")
    void openFeedback() {
      w = World.live();
      String vote = w.openVote(VoteMode.NAMED, "d1");
      String request = w.h.ok(w.as(w.delegateDtp), new RequestFloor(FloorKind.CONTRIBUTION, null, false),
          FloorRequested.class).requestId();
      w.h.ok(w.as(w.chair), new GrantFloor(request));
      String item = w.h.ok(ORG, new AddAgendaItem("Thảo luận", AgendaItemKind.DISCUSSION, 10, List.of(), null),
          AgendaItemAdded.class).itemId();
      w.h.ok(w.as(w.chair), new StartAgendaItem(item));
      w.h.advance(Duration.ofMinutes(2));
      Instant deadline = w.h.now.plus(Duration.ofDays(7));
      List<Event> events = w.h.ok(w.as(w.chair), new OpenFeedback(deadline));
      assertThat(events).map(e -> e.getClass().getSimpleName())
          .containsExactly("VoteClosed", "SpeechEnded", "AgendaItemCompleted", "FeedbackOpened");
      assertThat(w.conf().info().status()).isEqualTo(ConferenceStatus.FEEDBACK_OPEN);
      assertThat(w.conf().info().feedbackDeadline()).isEqualTo(deadline);
      assertThat(w.conf().vote(vote).orElseThrow().status()).isEqualTo(VoteStatus.CLOSED);
      assertThat(w.conf().speeches()).singleElement().extracting(SpeechRecord::spokenSeconds).isEqualTo(120L);
    }

    @Test
    @DisplayName("refuses a deadline in the past or too far, a conference not live, and anyone but the chair")
    void openFeedbackRefused() {
      w = World.scheduled();
      w.h.rejected(w.as(w.chair), new OpenFeedback(w.h.now.plusSeconds(60)), RejectionCode.WRONG_STATE);
      w.h.ok(w.as(w.chair), new StartConference());
      w.h.rejected(w.as(w.chair), new OpenFeedback(w.h.now), RejectionCode.INVALID);
      w.h.rejected(w.as(w.chair), new OpenFeedback(null), RejectionCode.INVALID);
      w.h.rejected(w.as(w.chair), new OpenFeedback(w.h.now.plus(Duration.ofDays(400))), RejectionCode.INVALID);
      w.h.rejected(w.as(w.secretary), new OpenFeedback(w.h.now.plusSeconds(60)), RejectionCode.FORBIDDEN);
    }

    @Test
    @DisplayName("the chair moves the deadline while feedback is open")
    void setDeadline() {
      w = World.live();
      w.h.rejected(w.as(w.chair), new SetFeedbackDeadline(w.h.now.plusSeconds(60)), RejectionCode.WRONG_STATE);
      w.h.ok(w.as(w.chair), new OpenFeedback(w.h.now.plusSeconds(60)));
      w.h.ok(w.as(w.chair), new SetFeedbackDeadline(w.h.now.plusSeconds(3600)));
      assertThat(w.conf().info().feedbackDeadline()).isEqualTo(w.h.now.plusSeconds(3600));
      w.h.rejected(w.as(w.chair), new SetFeedbackDeadline(w.h.now.minusSeconds(1)), RejectionCode.INVALID);
      w.h.rejected(w.as(w.hostDtp), new SetFeedbackDeadline(w.h.now.plusSeconds(60)), RejectionCode.FORBIDDEN);
    }

    @Test
    @DisplayName("the system closes the conference only once the deadline has passed")
    void systemCloses() {
      w = World.live();
      w.h.rejected(Actor.system(), new CloseConference(), RejectionCode.WRONG_STATE);
      w.h.ok(w.as(w.chair), new OpenFeedback(w.h.now.plusSeconds(60)));
      w.h.rejected(Actor.system(), new CloseConference(), RejectionCode.WRONG_STATE);
      w.h.advance(Duration.ofSeconds(60));
      w.h.ok(Actor.system(), new CloseConference());
      assertThat(w.conf().info().status()).isEqualTo(ConferenceStatus.CLOSED);
      assertThat(w.conf().info().closedAt()).isEqualTo(w.h.now);
      w.h.rejected(w.as(w.chair), new CloseConference(), RejectionCode.WRONG_STATE);
    }

    @Test
    @DisplayName("the chair may close straight from the live session, closing open votes")
    void chairCloses() {
      w = World.live();
      w.openVote(VoteMode.NAMED, "d2");
      assertThat(w.h.ok(w.as(w.chair), new CloseConference())).map(e -> e.getClass().getSimpleName())
          .containsExactly("VoteClosed", "ConferenceClosed");
      w.h.rejected(ORG, new CloseConference(), RejectionCode.FORBIDDEN);
    }

    @Test
    @DisplayName("the chair may not close a conference that has not started")
    void notStarted() {
      w = World.scheduled();
      w.h.rejected(w.as(w.chair), new CloseConference(), RejectionCode.WRONG_STATE);
    }
  }

  @Nested
  @DisplayName("every command")
  class Envelope extends WorldTest {

    @Test
    @DisplayName("needs a commandId of 1–64 characters of [A-Za-z0-9._:-]")
    void commandId() {
      w = World.prepared();
      ConferenceSnapshot before = w.conf().snapshot();
      for (String bad : new String[] {null, "", "x".repeat(65), "có dấu", "a b", "a/b"}) {
        Decision d = w.conf().decide(new CommandEnvelope(bad, ORG, new ScheduleConference()), w.h.now);
        assertThat(d).isInstanceOfSatisfying(Decision.Rejected.class,
            r -> assertThat(r.rejection().code()).isEqualTo(RejectionCode.INVALID));
      }
      assertThat(w.h.send("a.B_c:9-" + "x".repeat(56), ORG, new ScheduleConference())).isInstanceOf(Decision.Accepted.class);
      assertThat(w.conf().snapshot()).isNotEqualTo(before);
    }

    @Test
    @DisplayName("is refused to a participant who does not exist or was removed")
    void unknownParticipant() {
      w = World.prepared();
      w.h.rejected(Actor.participant("p-999"), new UpdateSettings(VoteMode.NAMED, 0), RejectionCode.FORBIDDEN);
      w.h.ok(ORG, new RemoveParticipant(w.secretary));
      w.h.rejected(w.as(w.secretary), new UpdateSettings(VoteMode.NAMED, 0), RejectionCode.FORBIDDEN);
    }
  }
}
