package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Command.AdmitJoinRequest;
import vn.hoinghi.domain.Command.CastBallot;
import vn.hoinghi.domain.Command.EndSessions;
import vn.hoinghi.domain.Command.ImportDelegates;
import vn.hoinghi.domain.Command.IssueInvite;
import vn.hoinghi.domain.Command.JoinWithInvite;
import vn.hoinghi.domain.Command.MarkAttendance;
import vn.hoinghi.domain.Command.RefuseJoinRequest;
import vn.hoinghi.domain.Command.RemoveParticipant;
import vn.hoinghi.domain.Command.UpdateDelegateDetails;
import vn.hoinghi.domain.Event.BallotsWithdrawn;
import vn.hoinghi.domain.Event.DelegatesListed;
import vn.hoinghi.domain.Event.JoinRequestAdmitted;
import vn.hoinghi.domain.Event.JoinRequested;
import vn.hoinghi.domain.Event.ParticipantRegistered;
import vn.hoinghi.domain.Event.SessionStarted;
import vn.hoinghi.domain.Event.SessionsEnded;

@DisplayName("One person, one vote: delegate lists, personal codes, admission, sessions")
class AdmissionTest {

  static final String KEY = "0f".repeat(32);
  World w;

  @AfterEach
  void replayAndRestoreAgree() {
    if (w != null) w.h.assertReplayEqualsLive();
  }

  private List<Event> list(DelegateEntry... rows) {
    return w.h.ok(World.ORGANIZER, new ImportDelegates(List.of(rows)));
  }

  private static String first(List<Event> events) {
    return ((DelegatesListed) events.get(0)).delegates().get(0).participantId();
  }

  private static DelegateEntry row(String name, String code) {
    return new DelegateEntry(name, "Ủy viên", "Sở Nội vụ", code, "0912 345 678", "a@example.vn");
  }

  private void hallLink(String code, String endpointId) {
    w.h.ok(World.ORGANIZER, new IssueInvite(code, Role.DELEGATE, endpointId, 100, w.h.now.plus(Duration.ofDays(1))));
  }

  private String request(String code, String name, String claim) {
    return w.h.ok(Actor.anonymous(), new JoinWithInvite(code, name, claim, KEY), JoinRequested.class).requestId();
  }

  @Test
  @DisplayName("a delegate list adds every row as a delegate of its hall, with position, unit and contact")
  void importList() {
    w = World.scheduled();
    List<Event> events = list(row("Nguyễn Thị Hoa", "DTP"), row("Trần Văn Bình", "hni"), row("Lê Thị Ba", "DTP"));
    // One event per hall, whatever the list's length.
    assertThat(events).hasSize(2);
    assertThat(((DelegatesListed) events.get(0)).delegates()).extracting(ListedDelegate::fullName)
        .containsExactly("Nguyễn Thị Hoa", "Lê Thị Ba");
    String hoa = first(events);
    assertThat(w.conf().participant(hoa).orElseThrow().endpointId()).isEqualTo(w.dtp);
    assertThat(w.conf().delegateDetails(hoa).orElseThrow().unit()).isEqualTo("Sở Nội vụ");
    assertThat(w.conf().listedDelegates(w.hni)).extracting(Participant::displayName).containsExactly("Trần Văn Bình");
    assertThat(w.conf().participant(hoa).orElseThrow().roles()).containsExactly(Role.DELEGATE);
    assertThat(w.conf().personalCode(hoa).orElseThrow()).matches("[A-HJ-NP-Z2-9]{10}");
  }

  @Test
  @DisplayName("a list of 5,000 delegates is one event per hall; 5,001 is refused")
  void bigList() {
    w = World.scheduled();
    DelegateEntry[] rows = new DelegateEntry[5_000];
    for (int i = 0; i < rows.length; i++) rows[i] = row("Đại biểu số " + i, i % 2 == 0 ? "DTP" : "HNI");
    assertThat(list(rows)).hasSize(2);
    assertThat(w.conf().listedDelegates(null)).hasSize(5_000);
    DelegateEntry[] more = java.util.Arrays.copyOf(rows, 5_001);
    more[5_000] = row("Một người nữa", "DTP");
    w.h.rejected(World.ORGANIZER, new ImportDelegates(List.of(more)), RejectionCode.LIMIT);
  }

  @Test
  @DisplayName("a list with bad rows is refused whole, every problem named by its row, nothing added")
  void importRefused() {
    w = World.scheduled();
    list(row("Lê Văn Cũ", "DTP"));
    int before = w.conf().participants().size();
    Rejection r = w.h.rejected(World.ORGANIZER, new ImportDelegates(List.of(
        row("Phạm Thị Mới", "DTP"),
        row("", "DTP"),
        row("Không Có Hội Trường", "XYZ"),
        new DelegateEntry("Sai Điện Thoại", null, null, "DTP", "gọi tôi", null),
        row("Phạm  thị mới", "DTP"),
        row("Lê Văn Cũ", "DTP"))), RejectionCode.INVALID);
    assertThat(r.details()).hasSize(5);
    assertThat(r.details().get(0)).startsWith("dòng 2:").contains("row 2:");
    assertThat(r.details().get(1)).contains("row 3:").contains("XYZ");
    assertThat(r.details().get(2)).contains("row 4:").contains("phone");
    assertThat(r.details().get(3)).contains("row 5:").contains("earlier row");
    assertThat(r.details().get(4)).contains("row 6:").contains("already on the endpoint's list");
    assertThat(w.conf().participants()).hasSize(before);
  }

  @Test
  @DisplayName("a host lists delegates of their own hall only")
  void hostListsOwnHall() {
    w = World.scheduled();
    w.h.ok(w.as(w.hostDtp), new ImportDelegates(List.of(row("Đại biểu A", "DTP"))));
    w.h.rejected(w.as(w.hostDtp), new ImportDelegates(List.of(row("Đại biểu B", "DTP"), row("Đại biểu C", "HNI"))),
        RejectionCode.FORBIDDEN);
  }

  @Test
  @DisplayName("a personal code used on a second device moves the session there and never creates a participant")
  void personalCodeMovesSession() {
    w = World.live();
    String hoa = first(list(row("Nguyễn Thị Hoa", "DTP")));
    String code = w.conf().personalCode(hoa).orElseThrow();
    int people = w.conf().participants().size();
    assertThat(w.h.ok(Actor.anonymous(), new JoinWithInvite(code, "ai đó"), SessionStarted.class))
        .isEqualTo(new SessionStarted(hoa, 1, w.h.now));
    assertThat(w.h.ok(Actor.anonymous(), new JoinWithInvite(code, null), SessionStarted.class).session()).isEqualTo(2);
    assertThat(w.conf().participants()).hasSize(people);
    assertThat(w.conf().session(hoa)).isEqualTo(2);
    w.h.ok(w.as(w.hostDtp), new EndSessions(hoa));
    assertThat(w.conf().session(hoa)).isEqualTo(3);
    w.h.rejected(w.as(w.hostHni), new EndSessions(hoa), RejectionCode.FORBIDDEN);
  }

  @Test
  @DisplayName("a hall link creates a request, not a participant; the host admits or refuses it")
  void hallLinkNeedsAdmission() {
    w = World.live();
    hallLink("DTPHALLAA2", w.dtp);
    int people = w.conf().participants().size();
    String r1 = request("DTPHALLAA2", "Khách Một", null);
    String r2 = request("DTPHALLAA2", "Khách Hai", null);
    assertThat(w.conf().participants()).hasSize(people);
    assertThat(w.conf().views().viewFor(Viewer.participant(w.hostDtp), w.h.now).joinRequests()).extracting(JoinRequest::id)
        .containsExactly(r1, r2);
    assertThat(w.conf().views().viewFor(Viewer.participant(w.hostHni), w.h.now).joinRequests()).isEmpty();
    assertThat(w.conf().views().viewFor(Viewer.participant(w.delegateDtp), w.h.now).joinRequests()).isEmpty();
    w.h.rejected(w.as(w.hostHni), new AdmitJoinRequest(r1, false), RejectionCode.FORBIDDEN);
    String admitted = w.h.ok(w.as(w.hostDtp), new AdmitJoinRequest(r1, false), JoinRequestAdmitted.class).participantId();
    assertThat(w.conf().participant(admitted).orElseThrow().displayName()).isEqualTo("Khách Một");
    w.h.ok(w.as(w.chair), new RefuseJoinRequest(r2, "Không có trong danh sách"));
    assertThat(w.conf().participants()).hasSize(people + 1);
    assertThat(w.conf().joinRequest(r2).orElseThrow().status()).isEqualTo(JoinRequest.Status.REFUSED);
    w.h.rejected(w.as(w.hostDtp), new AdmitJoinRequest(r2, false), RejectionCode.WRONG_STATE);
    w.h.rejected(Actor.anonymous(), new JoinWithInvite("DTPHALLAA2", "Không khoá", null, null), RejectionCode.INVALID);
  }

  @Test
  @DisplayName("join, vote, close the tab, open the link again with the same name, vote: one ballot counts")
  void sameNameAgainIsADuplicate() {
    w = World.live();
    hallLink("DTPHALLAA3", w.dtp);
    String first = request("DTPHALLAA3", "Võ Thị Sáu", null);
    String her = w.h.ok(w.as(w.hostDtp), new AdmitJoinRequest(first, false), JoinRequestAdmitted.class).participantId();
    String vote = w.openVote(VoteMode.NAMED, "d1");
    w.h.ok(w.as(her), new CastBallot(vote, "d1", Choice.AGREE, null));
    String again = request("DTPHALLAA3", "võ thị  sáu", null);
    assertThat(w.conf().joinRequest(again).orElseThrow().duplicateOf()).isEqualTo(her);
    w.h.rejected(w.as(w.hostDtp), new AdmitJoinRequest(again, false), RejectionCode.CONFLICT);
    assertThat(w.conf().tally(vote, "d1").total()).isEqualTo(1);
  }

  @Test
  @DisplayName("picking a listed name: the host confirms; a second claim of the same person is a duplicate")
  void claimListedDelegate() {
    w = World.live();
    String hoa = first(list(row("Nguyễn Thị Hoa", "DTP")));
    hallLink("DTPHALLAA4", w.dtp);
    String one = request("DTPHALLAA4", null, hoa);
    String two = request("DTPHALLAA4", null, hoa);
    assertThat(w.conf().joinRequest(one).orElseThrow().duplicateOf()).isNull();
    assertThat(w.conf().joinRequest(two).orElseThrow().duplicateOf()).isEqualTo(one);
    int people = w.conf().participants().size();
    List<Event> admitted = w.h.ok(w.as(w.hostDtp), new AdmitJoinRequest(one, false));
    assertThat(admitted.get(0)).isEqualTo(new SessionStarted(hoa, 1, w.h.now));
    assertThat(w.conf().participants()).hasSize(people);
    w.h.rejected(w.as(w.hostDtp), new AdmitJoinRequest(two, false), RejectionCode.CONFLICT);
    // Claiming a delegate of another hall, or somebody not on a list, is refused.
    w.h.rejected(Actor.anonymous(), new JoinWithInvite("DTPHALLAA4", null, w.delegateDtp, KEY), RejectionCode.NOT_FOUND);
  }

  @Test
  @DisplayName("removing a participant withdraws their ballots in open votes, named or secret, without naming the choice")
  void removalWithdrawsBallots() {
    w = World.live();
    String named = w.openVote(VoteMode.NAMED, "d1");
    String secret = w.openVote(VoteMode.ANONYMOUS, "d2");
    w.h.ok(w.as(w.delegateDtp), new CastBallot(named, "d1", Choice.DISAGREE, null));
    w.h.ok(w.as(w.delegateDtp), new CastBallot(secret, "d2", Choice.OTHER, "Sửa lại"));
    w.h.ok(w.as(w.delegateDtp2), new CastBallot(secret, "d2", Choice.AGREE, null));
    List<Event> events = w.h.ok(World.ORGANIZER, new RemoveParticipant(w.delegateDtp));
    assertThat(events.get(0)).isEqualTo(new BallotsWithdrawn(w.delegateDtp, List.of(named, secret), 2));
    assertThat(w.conf().tally(named, "d1").total()).isZero();
    assertThat(w.conf().tally(secret, "d2")).extracting(Tally::agree, Tally::other, Tally::total)
        .containsExactly(1, 0, 1);
  }

  @Test
  @DisplayName("the host marks attendance and edits the list's details of their hall")
  void attendanceAndDetails() {
    w = World.live();
    String hoa = first(list(row("Nguyễn Thị Hoa", "DTP")));
    w.h.ok(w.as(w.hostDtp), new MarkAttendance(hoa, true));
    assertThat(w.conf().markedPresent(hoa)).isTrue();
    w.h.rejected(w.as(w.hostDtp), new MarkAttendance(hoa, true), RejectionCode.WRONG_STATE);
    assertThat(w.conf().views().viewFor(Viewer.participant(w.hostDtp), w.h.now).markedPresent()).containsExactly(hoa);
    assertThat(w.conf().views().viewFor(Viewer.participant(w.hostDtp), w.h.now).participants())
        .extracting(Participant::id).contains(hoa, w.delegateDtp, w.delegateDtp2).doesNotContain(w.delegateHni);
    w.h.ok(w.as(w.hostDtp), new UpdateDelegateDetails(hoa, "Phó Chủ tịch", "UBND tỉnh", null, "hoa@dongthap.gov.vn"));
    assertThat(w.conf().delegateDetails(hoa).orElseThrow().position()).isEqualTo("Phó Chủ tịch");
    w.h.rejected(w.as(w.hostDtp), new UpdateDelegateDetails(hoa, null, null, null, "không-phải-thư"),
        RejectionCode.INVALID);
    w.h.ok(w.as(w.chair), new EndSessions(hoa), SessionsEnded.class);
  }
}
