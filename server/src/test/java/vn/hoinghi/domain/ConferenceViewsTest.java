package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Command.CastBallot;
import vn.hoinghi.domain.Command.RequestFloor;
import vn.hoinghi.domain.Command.UpdateParticipant;

@DisplayName("ConferenceViews: what each viewer sees of one and the same state")
class ConferenceViewsTest extends WorldTest {

  private ConferenceView view(String participantId) {
    return w.conf().views().viewFor(Viewer.participant(participantId), w.h.now);
  }

  private static List<String> ids(ConferenceView v) {
    return v.participants().stream().map(Participant::id).toList();
  }

  @Test
  @DisplayName("the chair sees every participant, a host their whole hall, a delegate the named people and themself")
  void participantsPerViewer() {
    w = World.live();
    List<String> notable = List.of(w.chair, w.secretary, w.hostDtp, w.hostHni, w.observer);

    assertThat(ids(view(w.chair))).containsExactlyInAnyOrder(w.chair, w.secretary, w.hostDtp, w.hostHni,
        w.delegateDtp, w.delegateDtp2, w.delegateHni, w.observer);
    assertThat(view(w.chair).moderator()).isTrue();

    assertThat(ids(view(w.hostDtp))).containsAll(notable).contains(w.delegateDtp, w.delegateDtp2)
        .doesNotContain(w.delegateHni);
    assertThat(view(w.hostDtp).moderator()).isFalse();

    assertThat(ids(view(w.delegateDtp))).containsAll(notable).contains(w.delegateDtp)
        .doesNotContain(w.delegateDtp2, w.delegateHni);
    assertThat(view(w.delegateDtp).me().id()).isEqualTo(w.delegateDtp);

    // Once in the speaker queue a plain delegate is named on every screen.
    w.h.ok(w.as(w.delegateHni), new RequestFloor(FloorKind.CONTRIBUTION, null, false));
    assertThat(ids(view(w.delegateDtp))).contains(w.delegateHni);
    assertThat(ids(w.conf().views().viewFor(Viewer.publicScreen(), w.h.now))).contains(w.delegateHni)
        .doesNotContain(w.delegateDtp);
  }

  @Test
  @DisplayName("a plain delegate who becomes a host is named to everybody at once (the notable cache follows the roster)")
  void notableFollowsTheRoster() {
    w = World.live();
    assertThat(ids(view(w.delegateHni))).doesNotContain(w.delegateDtp2);
    w.h.ok(World.ORGANIZER, new UpdateParticipant(w.delegateDtp2, "Đại biểu Đồng Tháp 2",
        EnumSet.of(Role.DELEGATE, Role.HOST), w.dtp));
    assertThat(ids(view(w.delegateHni))).contains(w.delegateDtp2);
    w.h.ok(World.ORGANIZER, new UpdateParticipant(w.delegateDtp2, "Đại biểu Đồng Tháp 2",
        EnumSet.of(Role.DELEGATE), w.dtp));
    assertThat(ids(view(w.delegateHni))).doesNotContain(w.delegateDtp2);
  }

  @Test
  @DisplayName("a named ballot: the chair sees it and the hall detail, the voter their own, the host neither")
  void ballotsAndTallies() {
    w = World.live();
    String v = w.openVote(VoteMode.NAMED, "d1");
    w.h.ok(w.as(w.delegateDtp), new CastBallot(v, "d1", Choice.AGREE, null));

    ConferenceView.VoteView chair = view(w.chair).votes().get(0);
    ConferenceView.VoteView voter = view(w.delegateDtp).votes().get(0);
    ConferenceView.VoteView host = view(w.hostDtp).votes().get(0);
    ConferenceView.VoteView other = view(w.delegateDtp2).votes().get(0);

    assertThat(chair.ballots()).extracting(Ballot::voter).containsExactly(w.delegateDtp);
    assertThat(voter.ballots()).extracting(Ballot::voter).containsExactly(w.delegateDtp);
    assertThat(host.ballots()).isEmpty();
    assertThat(other.ballots()).isEmpty();

    // Everybody sees the same counts; only the moderators get them per endpoint.
    for (ConferenceView.VoteView seen : List.of(chair, voter, host, other)) {
      assertThat(seen.tallies().get("d1").agree()).isEqualTo(1);
    }
    assertThat(chair.tallies().get("d1").byEndpoint()).containsKey(w.dtp);
    assertThat(host.tallies().get("d1").byEndpoint()).isEmpty();
    assertThat(voter.tallies().get("d1").byEndpoint()).isEmpty();
  }

  @Test
  @DisplayName("the same audience admits by who the viewer is now: a removed moderator no longer receives theirs")
  void audienceFollowsTheState() {
    w = World.live();
    ConferenceViews views = w.conf().views();
    assertThat(views.admits(Audience.MODERATORS, Viewer.participant(w.secretary))).isTrue();
    assertThat(views.admits(Audience.MODERATORS, Viewer.participant(w.hostDtp))).isFalse();
    assertThat(views.admits(Audience.MODERATORS, Viewer.organizerConsole())).isTrue();
    w.h.ok(World.ORGANIZER, new Command.RemoveParticipant(w.secretary));
    assertThat(views.admits(Audience.MODERATORS, Viewer.participant(w.secretary))).isFalse();
    assertThat(view(w.secretary).me()).isNull();
    assertThat(view(w.secretary).moderator()).isFalse();
  }
}
