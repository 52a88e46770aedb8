package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Command.*;
import vn.hoinghi.domain.Event.*;

@DisplayName("Endpoints, participants and invites")
class RosterTest {

  private static final Actor ORG = World.ORGANIZER;

  @Nested
  @DisplayName("AddEndpoint and UpdateEndpoint")
  class Endpoints extends WorldTest {

    @Test
    @DisplayName("the organizer or the secretary adds an endpoint with a unique code; its id comes from the log")
    void add() {
      w = World.prepared();
      EndpointAdded e = w.h.ok(w.as(w.secretary), new AddEndpoint("CMU", "Tỉnh ủy Cà Mau", "Nam", EndpointLevel.PROVINCIAL),
          EndpointAdded.class);
      assertThat(e.endpointId()).isEqualTo("ep-" + w.conf().version());
      assertThat(w.conf().endpointByCode("CMU")).get().extracting(Endpoint::name).isEqualTo("Tỉnh ủy Cà Mau");
      w.h.ok(ORG, new UpdateEndpoint(e.endpointId(), "Điểm cầu Cà Mau", "Nam Bộ"));
      assertThat(w.conf().endpoint(e.endpointId())).get().extracting(Endpoint::name, Endpoint::region)
          .containsExactly("Điểm cầu Cà Mau", "Nam Bộ");
    }

    @Test
    @DisplayName("refuses a duplicate code, a second central endpoint, a malformed code or name")
    void refused() {
      w = World.prepared();
      w.h.rejected(ORG, new AddEndpoint("DTP", "Khác", null, EndpointLevel.PROVINCIAL), RejectionCode.CONFLICT);
      w.h.rejected(ORG, new AddEndpoint("TW2", "Trung ương 2", null, EndpointLevel.CENTRAL), RejectionCode.CONFLICT);
      w.h.rejected(ORG, new AddEndpoint("dt", "Tên", null, EndpointLevel.PROVINCIAL), RejectionCode.INVALID);
      w.h.rejected(ORG, new AddEndpoint("ABCDEFGHIJK", "Tên", null, EndpointLevel.PROVINCIAL), RejectionCode.INVALID);
      w.h.rejected(ORG, new AddEndpoint("XA", "", null, EndpointLevel.PROVINCIAL), RejectionCode.INVALID);
      w.h.rejected(ORG, new AddEndpoint("XA", "x".repeat(Limits.NAME + 1), null, EndpointLevel.PROVINCIAL), RejectionCode.LIMIT);
      w.h.rejected(ORG, new AddEndpoint("XA", "Xã A", null, null), RejectionCode.INVALID);
      w.h.rejected(ORG, new UpdateEndpoint("ep-404", "Tên", null), RejectionCode.NOT_FOUND);
      w.h.rejected(w.as(w.hostDtp), new AddEndpoint("XA", "Xã A", null, EndpointLevel.COMMUNE), RejectionCode.FORBIDDEN);
      w.h.rejected(w.as(w.chair), new UpdateEndpoint(w.dtp, "Tên", null), RejectionCode.FORBIDDEN);
    }
  }

  @Nested
  @DisplayName("ImportEndpoints")
  class Import extends WorldTest {

    @Test
    @DisplayName("adds every row in one event, ids in row order")
    void all() {
      w = World.prepared();
      EndpointsImported e = w.h.ok(ORG, new ImportEndpoints(List.of(
          new AddEndpoint("XA", "Xã A", null, EndpointLevel.COMMUNE),
          new AddEndpoint("XB", "Xã B", "Nam", EndpointLevel.COMMUNE))), EndpointsImported.class);
      String id = "ep-" + w.conf().version();
      assertThat(e.endpoints()).extracting(EndpointAdded::endpointId).containsExactly(id + "-1", id + "-2");
      assertThat(w.conf().endpointByCode("XB")).get().extracting(Endpoint::id, Endpoint::region)
          .containsExactly(id + "-2", "Nam");
      w.h.assertReplayEqualsLive();
    }

    @Test
    @DisplayName("checks rows against the conference and the rows before them; any problem refuses all, one detail per row")
    void cumulative() {
      w = World.prepared();
      Rejection r = w.h.rejected(ORG, new ImportEndpoints(List.of(
          new AddEndpoint("XA", "Xã A", null, EndpointLevel.COMMUNE),
          new AddEndpoint("XA", "Xã A lần hai", null, EndpointLevel.COMMUNE),
          new AddEndpoint("TW2", "Trung ương 2", null, EndpointLevel.CENTRAL),
          new AddEndpoint("xb", "Xã B", null, EndpointLevel.COMMUNE),
          new AddEndpoint("DTP", "Trùng mã có sẵn", null, EndpointLevel.PROVINCIAL))), RejectionCode.INVALID);
      assertThat(r.details()).containsExactly(
          "row 2: Endpoint code XA is already in use",
          "row 3: A conference has exactly one central endpoint",
          "row 4: An endpoint code is 2–10 upper-case letters or digits (e.g. HNI, DTP)",
          "row 5: Endpoint code DTP is already in use");
      w.h.rejected(ORG, new ImportEndpoints(List.of()), RejectionCode.INVALID);
      w.h.rejected(w.as(w.hostDtp), new ImportEndpoints(List.of(new AddEndpoint("XC", "Xã C", null, EndpointLevel.COMMUNE))),
          RejectionCode.FORBIDDEN);
    }

    @Test
    @DisplayName("two central rows in one import: the second is refused even in a conference without one")
    void twoCentral() {
      Harness h = new Harness();
      h.ok(ORG, new CreateConference("Hội nghị", null, null, null, VoteMode.NAMED, 0));
      Rejection r = h.rejected(ORG, new ImportEndpoints(List.of(
          new AddEndpoint("TW", "Trung ương", null, EndpointLevel.CENTRAL),
          new AddEndpoint("TW2", "Trung ương 2", null, EndpointLevel.CENTRAL))), RejectionCode.INVALID);
      assertThat(r.details()).containsExactly("row 2: A conference has exactly one central endpoint");
    }
  }

  @Nested
  @DisplayName("CheckInEndpoint, UpdateHeadCount and CheckOutEndpoint")
  class CheckIn extends WorldTest {

    @Test
    @DisplayName("a host checks in their own hall with a head count, updates it, checks out")
    void ownHall() {
      w = World.scheduled();
      w.h.ok(w.as(w.hostDtp), new CheckInEndpoint(w.dtp, 40));
      assertThat(w.conf().endpoint(w.dtp)).get().extracting(Endpoint::checkedIn, Endpoint::headCount,
          Endpoint::checkedInAt).containsExactly(true, 40, w.h.now);
      w.h.ok(w.as(w.hostDtp), new UpdateHeadCount(w.dtp, 42));
      assertThat(w.conf().endpoint(w.dtp).orElseThrow().headCount()).isEqualTo(42);
      w.h.ok(w.as(w.hostDtp), new CheckOutEndpoint(w.dtp));
      assertThat(w.conf().endpoint(w.dtp).orElseThrow().checkedIn()).isFalse();
    }

    @Test
    @DisplayName("a host may not check in another hall; the chair and the secretary may check in any")
    void otherHall() {
      w = World.scheduled();
      w.h.rejected(w.as(w.hostDtp), new CheckInEndpoint(w.hni, 10), RejectionCode.FORBIDDEN);
      w.h.rejected(w.as(w.delegateDtp), new CheckInEndpoint(w.dtp, 10), RejectionCode.FORBIDDEN);
      w.h.ok(w.as(w.chair), new CheckInEndpoint(w.hni, 10));
      w.h.ok(w.as(w.secretary), new UpdateHeadCount(w.hni, 12));
      w.h.rejected(w.as(w.hostDtp), new UpdateHeadCount(w.hni, 1), RejectionCode.FORBIDDEN);
      w.h.rejected(w.as(w.hostDtp), new CheckOutEndpoint(w.hni), RejectionCode.FORBIDDEN);
      w.h.rejected(ORG, new CheckInEndpoint(w.dtp, 10), RejectionCode.FORBIDDEN);
    }

    @Test
    @DisplayName("refuses a negative or huge head count, checking in twice, updating before check-in, a draft conference")
    void refused() {
      w = World.prepared();
      w.h.rejected(w.as(w.hostDtp), new CheckInEndpoint(w.dtp, 10), RejectionCode.WRONG_STATE);
      w.h.ok(ORG, new ScheduleConference());
      w.h.rejected(w.as(w.hostDtp), new CheckInEndpoint(w.dtp, -1), RejectionCode.INVALID);
      w.h.rejected(w.as(w.hostDtp), new CheckInEndpoint(w.dtp, Limits.HEAD_COUNT + 1), RejectionCode.LIMIT);
      w.h.rejected(w.as(w.hostDtp), new UpdateHeadCount(w.dtp, 3), RejectionCode.WRONG_STATE);
      w.h.rejected(w.as(w.hostDtp), new CheckOutEndpoint(w.dtp), RejectionCode.WRONG_STATE);
      w.h.rejected(w.as(w.hostDtp), new CheckInEndpoint("ep-404", 3), RejectionCode.NOT_FOUND);
      w.h.ok(w.as(w.hostDtp), new CheckInEndpoint(w.dtp, 10));
      w.h.rejected(w.as(w.hostDtp), new CheckInEndpoint(w.dtp, 10), RejectionCode.WRONG_STATE);
    }

    @Test
    @DisplayName("the head count may not drop below a hall result of an open vote, by an update or a new check-in")
    void headCountAboveHallResult() {
      w = World.live().checkedIn(30);
      String vote = w.openVote(VoteMode.NAMED, "d1");
      w.h.ok(w.as(w.hostDtp), new RecordHallResult(vote, "d1", w.dtp, 20, 5, 0));
      w.h.rejected(w.as(w.hostDtp), new UpdateHeadCount(w.dtp, 24), RejectionCode.CONFLICT);
      w.h.ok(w.as(w.hostDtp), new UpdateHeadCount(w.dtp, 25));
      w.h.ok(w.as(w.hostDtp), new CheckOutEndpoint(w.dtp));
      w.h.rejected(w.as(w.hostDtp), new CheckInEndpoint(w.dtp, 24), RejectionCode.CONFLICT);
      w.h.ok(w.as(w.hostDtp), new CheckInEndpoint(w.dtp, 25));
      w.h.ok(w.as(w.chair), new CloseVote(vote));
      w.h.ok(w.as(w.hostDtp), new UpdateHeadCount(w.dtp, 3));
    }
  }

  @Nested
  @DisplayName("RegisterParticipant, UpdateParticipant and RemoveParticipant")
  class Participants extends WorldTest {

    @Test
    @DisplayName("a participant gets roles and an endpoint; the chair may also be a delegate of the central endpoint")
    void register() {
      w = World.prepared();
      ParticipantRegistered e = w.h.ok(w.as(w.secretary), new RegisterParticipant("Phó chủ trì",
          EnumSet.of(Role.CHAIR, Role.DELEGATE), null), ParticipantRegistered.class);
      assertThat(e.participantId()).isEqualTo("p-" + w.conf().version());
      assertThat(w.conf().participant(e.participantId())).get()
          .extracting(Participant::roles, Participant::endpointId)
          .containsExactly(EnumSet.of(Role.CHAIR, Role.DELEGATE), w.central);
      String observer = w.register("Màn hình chung", Set.of(Role.OBSERVER), null);
      assertThat(w.conf().participant(observer).orElseThrow().endpointId()).isNull();
    }

    @Test
    @DisplayName("hosts and delegates need an endpoint; the chair and the secretary only the central one")
    void placement() {
      w = World.prepared();
      w.h.rejected(ORG, new RegisterParticipant("A", Set.of(Role.DELEGATE), null), RejectionCode.INVALID);
      w.h.rejected(ORG, new RegisterParticipant("A", Set.of(Role.HOST), null), RejectionCode.INVALID);
      w.h.rejected(ORG, new RegisterParticipant("A", Set.of(Role.CHAIR), w.dtp), RejectionCode.INVALID);
      w.h.rejected(ORG, new RegisterParticipant("A", Set.of(Role.SECRETARY, Role.DELEGATE), w.hni), RejectionCode.INVALID);
      w.h.rejected(ORG, new RegisterParticipant("A", Set.of(Role.DELEGATE), "ep-404"), RejectionCode.NOT_FOUND);
    }

    @Test
    @DisplayName("the chair and the secretary need a central endpoint to exist")
    void centralFirst() {
      Harness h = new Harness();
      h.ok(ORG, new CreateConference("Hội nghị", null, null, null, VoteMode.NAMED, 0));
      h.rejected(ORG, new RegisterParticipant("Chủ trì", Set.of(Role.CHAIR), null), RejectionCode.WRONG_STATE);
    }

    @Test
    @DisplayName("refuses no roles, a null role, a blank or long name; only the organizer and the secretary register")
    void refused() {
      w = World.prepared();
      w.h.rejected(ORG, new RegisterParticipant("A", Set.of(), w.dtp), RejectionCode.INVALID);
      w.h.rejected(ORG, new RegisterParticipant("A", null, w.dtp), RejectionCode.INVALID);
      Set<Role> withNull = new HashSet<>();
      withNull.add(null);
      w.h.rejected(ORG, new RegisterParticipant("A", withNull, w.dtp), RejectionCode.INVALID);
      w.h.rejected(ORG, new RegisterParticipant(" ", Set.of(Role.DELEGATE), w.dtp), RejectionCode.INVALID);
      w.h.rejected(ORG, new RegisterParticipant("x".repeat(201), Set.of(Role.DELEGATE), w.dtp), RejectionCode.LIMIT);
      w.h.rejected(w.as(w.chair), new RegisterParticipant("A", Set.of(Role.DELEGATE), w.dtp), RejectionCode.FORBIDDEN);
      w.h.rejected(w.as(w.hostDtp), new RegisterParticipant("A", Set.of(Role.DELEGATE), w.dtp), RejectionCode.FORBIDDEN);
    }

    @Test
    @DisplayName("an update changes name, roles and endpoint")
    void update() {
      w = World.prepared();
      w.h.ok(ORG, new UpdateParticipant(w.delegateDtp, "Đại biểu mới", EnumSet.of(Role.DELEGATE, Role.HOST), w.hni));
      assertThat(w.conf().participant(w.delegateDtp)).get()
          .extracting(Participant::displayName, Participant::roles, Participant::endpointId)
          .containsExactly("Đại biểu mới", EnumSet.of(Role.DELEGATE, Role.HOST), w.hni);
      w.h.rejected(ORG, new UpdateParticipant("p-404", "A", Set.of(Role.DELEGATE), w.dtp), RejectionCode.NOT_FOUND);
      w.h.rejected(ORG, new UpdateParticipant(w.delegateDtp, "A", Set.of(Role.DELEGATE), null), RejectionCode.INVALID);
      w.h.rejected(w.as(w.delegateDtp), new UpdateParticipant(w.delegateDtp, "A", Set.of(Role.CHAIR), null),
          RejectionCode.FORBIDDEN);
    }

    @Test
    @DisplayName("removing a participant keeps them for history, ends their turn and withdraws their requests")
    void remove() {
      w = World.live();
      String request = w.h.ok(w.as(w.delegateDtp), new RequestFloor(FloorKind.CONTRIBUTION, null, false),
          FloorRequested.class).requestId();
      w.h.ok(w.as(w.chair), new GrantFloor(request));
      w.h.ok(w.as(w.delegateHni), new RequestFloor(FloorKind.CONTRIBUTION, null, false));
      assertThat(w.h.ok(ORG, new RemoveParticipant(w.delegateDtp))).map(e -> e.getClass().getSimpleName())
          .containsExactly("SpeechEnded", "ParticipantRemoved");
      assertThat(w.h.ok(ORG, new RemoveParticipant(w.delegateHni))).map(e -> e.getClass().getSimpleName())
          .containsExactly("FloorRequestWithdrawn", "ParticipantRemoved");
      assertThat(w.conf().participant(w.delegateDtp)).get().extracting(Participant::active).isEqualTo(false);
      assertThat(w.conf().waitingRequests()).isEmpty();
      w.h.rejected(ORG, new RemoveParticipant(w.delegateDtp), RejectionCode.NOT_FOUND);
      // A host removes delegates of their own hall only (a duplicate they found); not a host, not another hall's.
      w.h.rejected(w.as(w.hostHni), new RemoveParticipant(w.hostDtp), RejectionCode.FORBIDDEN);
      w.h.rejected(w.as(w.hostHni), new RemoveParticipant(w.delegateDtp2), RejectionCode.FORBIDDEN);
      w.h.rejected(w.as(w.hostDtp), new RemoveParticipant(w.observer), RejectionCode.FORBIDDEN);
      w.h.ok(w.as(w.hostDtp), new RemoveParticipant(w.delegateDtp2));
      w.h.rejected(w.as(w.delegateHni), new RemoveParticipant(w.hostDtp), RejectionCode.FORBIDDEN);
    }

    @Test
    @DisplayName("nothing is registered once the conference is closed")
    void closed() {
      w = World.live();
      w.h.ok(w.as(w.chair), new CloseConference());
      w.h.rejected(ORG, new RegisterParticipant("A", Set.of(Role.DELEGATE), w.dtp), RejectionCode.WRONG_STATE);
    }
  }

  @Nested
  @DisplayName("IssueInvite, RevokeInvite and JoinWithInvite")
  class Invites extends WorldTest {

    private Instant tomorrow() {
      return w.h.now.plus(Duration.ofDays(1));
    }

    @Test
    @DisplayName("a host invites delegates to their own hall; joining creates a delegate bound to that hall")
    void hostInvitesDelegates() {
      w = World.scheduled();
      w.h.ok(w.as(w.hostDtp), new IssueInvite("DTPK7K2Q9A", Role.DELEGATE, w.dtp, 1, tomorrow()));
      List<Event> events = w.h.ok(Actor.anonymous(), new JoinWithInvite("DTPK7K2Q9A", "Nguyễn Văn Khách"));
      ParticipantRegistered joined = (ParticipantRegistered) events.get(0);
      assertThat(events.get(1)).isEqualTo(new InviteUsed("DTPK7K2Q9A", joined.participantId()));
      assertThat(w.conf().participant(joined.participantId())).get()
          .extracting(Participant::roles, Participant::endpointId).containsExactly(EnumSet.of(Role.DELEGATE), w.dtp);
      assertThat(w.conf().invites()).singleElement().extracting(Invite::uses).isEqualTo(1);
    }

    @Test
    @DisplayName("a host may not invite hosts, nor invite to another hall")
    void hostLimits() {
      w = World.scheduled();
      w.h.rejected(w.as(w.hostDtp), new IssueInvite("CDHSTAAAA2", Role.HOST, w.dtp, 1, tomorrow()), RejectionCode.FORBIDDEN);
      w.h.rejected(w.as(w.hostDtp), new IssueInvite("CDTHRAAAA2", Role.DELEGATE, w.hni, 1, tomorrow()), RejectionCode.FORBIDDEN);
      w.h.rejected(w.as(w.delegateDtp), new IssueInvite("CDDELAAAA2", Role.DELEGATE, w.dtp, 1, tomorrow()), RejectionCode.FORBIDDEN);
      w.h.ok(w.as(w.chair), new IssueInvite("CDHSTBBBB3", Role.HOST, w.hni, 1, tomorrow()));
      w.h.ok(w.as(w.secretary), new IssueInvite("CDBSAAAAA2", Role.OBSERVER, w.hni, 5, tomorrow()));
    }

    @Test
    @DisplayName("refuses a malformed or reused code, a chair or secretary invite, bad use counts and expiry")
    void issueRefused() {
      w = World.scheduled();
      w.h.rejected(ORG, new IssueInvite("abc", Role.DELEGATE, w.dtp, 1, tomorrow()), RejectionCode.INVALID);
      w.h.rejected(ORG, new IssueInvite("có dấu!", Role.DELEGATE, w.dtp, 1, tomorrow()), RejectionCode.INVALID);
      w.h.rejected(ORG, new IssueInvite("G2DCDEGHJK", Role.CHAIR, w.central, 1, tomorrow()), RejectionCode.INVALID);
      w.h.rejected(ORG, new IssueInvite("G2DCDEGHJK", Role.DELEGATE, w.dtp, 0, tomorrow()), RejectionCode.INVALID);
      w.h.rejected(ORG, new IssueInvite("G2DCDEGHJK", Role.DELEGATE, w.dtp, Limits.INVITE_USES + 1, tomorrow()), RejectionCode.LIMIT);
      w.h.rejected(ORG, new IssueInvite("G2DCDEGHJK", Role.DELEGATE, w.dtp, 1, w.h.now), RejectionCode.INVALID);
      w.h.rejected(ORG, new IssueInvite("G2DCDEGHJK", Role.DELEGATE, "ep-404", 1, tomorrow()), RejectionCode.NOT_FOUND);
      w.h.ok(ORG, new IssueInvite("G2DCDEGHJK", Role.DELEGATE, w.dtp, 1, tomorrow()));
      w.h.rejected(ORG, new IssueInvite("G2DCDEGHJK", Role.DELEGATE, w.dtp, 1, tomorrow()), RejectionCode.CONFLICT);
    }

    @Test
    @DisplayName("a code is upper-case: issued in any case it is stored folded, and revoke and join match it in any case")
    void codesFoldCase() {
      w = World.scheduled();
      InviteIssued issued = w.h.ok(ORG, new IssueInvite(" k7p2qx9mna ", Role.OBSERVER, w.dtp, 5, tomorrow()), InviteIssued.class);
      assertThat(issued.code()).isEqualTo("K7P2QX9MNA");
      w.h.rejected(ORG, new IssueInvite("K7P2QX9MNA", Role.OBSERVER, w.dtp, 5, tomorrow()), RejectionCode.CONFLICT);
      List<Event> joined = w.h.ok(Actor.anonymous(), new JoinWithInvite("k7P2qX9mNa", "Người gõ chữ thường"));
      assertThat(joined.get(1)).isInstanceOf(InviteUsed.class).extracting(e -> ((InviteUsed) e).code()).isEqualTo("K7P2QX9MNA");
      w.h.ok(w.as(w.hostDtp), new RevokeInvite("k7p2qx9mna"));
      assertThat(w.conf().invites()).singleElement().extracting(Invite::code, Invite::uses, Invite::revoked)
          .containsExactly("K7P2QX9MNA", 1, true);
    }

    @Test
    @DisplayName("a code typed in the groups the invitation cards print (K7P2 QX9M NA) joins and revokes")
    void codesFoldSpaces() {
      w = World.scheduled();
      w.h.ok(ORG, new IssueInvite("K7P2QX9MNA", Role.OBSERVER, w.dtp, 5, tomorrow()));
      List<Event> joined = w.h.ok(Actor.anonymous(), new JoinWithInvite("k7p2 qx9m\u00a0na", "Người gõ theo nhóm"));
      assertThat(joined.get(1)).isInstanceOf(InviteUsed.class).extracting(e -> ((InviteUsed) e).code()).isEqualTo("K7P2QX9MNA");
      w.h.ok(w.as(w.hostDtp), new RevokeInvite("K7P2 QX9M NA"));
      assertThat(w.conf().invites()).singleElement().extracting(Invite::revoked).isEqualTo(true);
    }

    @Test
    @DisplayName("an invite from an older log with a mixed-case code is joined and revoked whatever case is typed")
    void olderMixedCaseCodes() {
      w = World.scheduled();
      w.h.commit("legacy-invite", new Decision.Accepted(List.of(new InviteIssued("Thu2c4b8aMa", Role.OBSERVER, w.dtp, 5,
          tomorrow(), "organizer:org")), "organizer:org"));
      w.h.ok(Actor.anonymous(), new JoinWithInvite("THU2C4B8AMA", "Người thứ nhất"));
      w.h.ok(Actor.anonymous(), new JoinWithInvite("thu2c4b8ama", "Người thứ hai"));
      w.h.ok(w.as(w.hostDtp), new RevokeInvite("Thu2C4B8AMA"));
      w.h.rejected(Actor.anonymous(), new JoinWithInvite("Thu2c4b8aMa", "Người thứ ba"), RejectionCode.WRONG_STATE);
      assertThat(w.conf().invites()).singleElement().extracting(Invite::uses).isEqualTo(2);
      w.h.assertReplayEqualsLive();
    }

    @Test
    @DisplayName("a code not of the drawn shape (10 of A–Z and 2–9 without I and O) is refused and nothing is issued")
    void codeShape() {
      w = World.scheduled();
      for (String bad : new String[] {null, "", "K7P2QX9MN", "K7P2QX9MNAB", "K7P2QX9MN0", "K7P2QX9MN1", "K7P2QX9MNI",
          "K7P2QX9MNO", "K7P2-X9MNA", "K7P2QX9MNĐ"}) {
        w.h.rejected(ORG, new IssueInvite(bad, Role.DELEGATE, w.dtp, 5, tomorrow()), RejectionCode.INVALID);
      }
      assertThat(w.conf().invites()).isEmpty();
      for (int i = 0; i < 50; i++) {
        String drawn = InviteRules.draw(new java.util.Random(i));
        assertThat(drawn).matches("[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{10}");
      }
    }

    @Test
    @DisplayName("without maxUses or expiresAt an invite admits 500 people for 7 days")
    void defaults() {
      w = World.scheduled();
      InviteIssued issued = w.h.ok(ORG, new IssueInvite("DFLTAAAAA2", Role.DELEGATE, w.dtp, null, null), InviteIssued.class);
      assertThat(issued.maxUses()).isEqualTo(InviteRules.DEFAULT_USES).isEqualTo(500);
      assertThat(issued.expiresAt()).isEqualTo(w.h.now.plus(Duration.ofDays(7)));
    }

    @Test
    @DisplayName("a revoked, expired or used-up invite admits nobody")
    void joinRefused() {
      w = World.scheduled();
      w.h.ok(ORG, new IssueInvite("NCENLYAAA2", Role.DELEGATE, w.dtp, 1, tomorrow()));
      w.h.ok(Actor.anonymous(), new JoinWithInvite("NCENLYAAA2", "Người thứ nhất"));
      // A used single-use code names its person: using it again signs them in, never a second participant.
      int before = w.conf().participants().size();
      w.h.ok(Actor.anonymous(), new JoinWithInvite("ncenlyaaa2", "Người thứ hai"), SessionStarted.class);
      assertThat(w.conf().participants()).hasSize(before);
      w.h.ok(ORG, new IssueInvite("RVKEDAAAA2", Role.DELEGATE, w.dtp, 5, tomorrow()));
      w.h.ok(w.as(w.hostDtp), new RevokeInvite("RVKEDAAAA2"));
      w.h.rejected(Actor.anonymous(), new JoinWithInvite("RVKEDAAAA2", "Người"), RejectionCode.WRONG_STATE);
      w.h.ok(ORG, new IssueInvite("EXPRNGAAA2", Role.DELEGATE, w.dtp, 5, tomorrow()));
      w.h.advance(Duration.ofDays(1));
      w.h.rejected(Actor.anonymous(), new JoinWithInvite("EXPRNGAAA2", "Người"), RejectionCode.WRONG_STATE);
      w.h.rejected(Actor.anonymous(), new JoinWithInvite("NO-SUCH-CODE", "Người"), RejectionCode.NOT_FOUND);
      w.h.rejected(Actor.anonymous(), new JoinWithInvite("x", "Người"), RejectionCode.INVALID);
      w.h.rejected(Actor.anonymous(), new JoinWithInvite("EXPRNGAAA2", ""), RejectionCode.INVALID);
      w.h.rejected(w.as(w.delegateDtp), new JoinWithInvite("EXPRNGAAA2", "Người"), RejectionCode.FORBIDDEN);
    }

    @Test
    @DisplayName("a host revokes only invites of their own hall, and only once")
    void revoke() {
      w = World.scheduled();
      w.h.ok(ORG, new IssueInvite("HNVTEAAAA2", Role.DELEGATE, w.hni, 5, tomorrow()));
      w.h.rejected(w.as(w.hostDtp), new RevokeInvite("HNVTEAAAA2"), RejectionCode.FORBIDDEN);
      w.h.ok(w.as(w.hostHni), new RevokeInvite("HNVTEAAAA2"));
      w.h.rejected(w.as(w.hostHni), new RevokeInvite("HNVTEAAAA2"), RejectionCode.WRONG_STATE);
      w.h.rejected(w.as(w.hostHni), new RevokeInvite("UNKNOWN-1"), RejectionCode.NOT_FOUND);
    }

    @Test
    @DisplayName("invites are seen only by moderators and the invited hall's hosts")
    void visibility() {
      w = World.scheduled();
      InviteIssued issued = w.h.ok(ORG, new IssueInvite("HNSCRTAAA2", Role.DELEGATE, w.hni, 1, tomorrow()), InviteIssued.class);
      Audience a = w.conf().views().audienceOf(issued);
      assertThat(w.conf().views().admits(a, Viewer.participant(w.hostHni))).isTrue();
      assertThat(w.conf().views().admits(a, Viewer.participant(w.chair))).isTrue();
      assertThat(w.conf().views().admits(a, Viewer.participant(w.hostDtp))).isFalse();
      assertThat(w.conf().views().admits(a, Viewer.participant(w.delegateHni))).isFalse();
      assertThat(w.conf().views().admits(a, Viewer.publicScreen())).isFalse();
      assertThat(w.conf().views().viewFor(Viewer.participant(w.hostHni), w.h.now).invites()).hasSize(1);
      assertThat(w.conf().views().viewFor(Viewer.participant(w.hostDtp), w.h.now).invites()).isEmpty();
      assertThat(w.conf().views().viewFor(Viewer.organizerConsole(), w.h.now).invites()).hasSize(1);
      ParticipantRegistered joined = (ParticipantRegistered) w.h.ok(Actor.anonymous(),
          new JoinWithInvite("HNSCRTAAA2", "Khách")).get(0);
      // A delegate's arrival is for the moderators and the hall's hosts only (it would cost everyone a message each).
      Audience arrival = w.conf().views().audienceOf(joined);
      assertThat(arrival).isEqualTo(new Audience.EndpointHosts(w.hni));
      assertThat(w.conf().views().admits(arrival, Viewer.participant(w.hostHni))).isTrue();
      assertThat(w.conf().views().admits(arrival, Viewer.participant(w.chair))).isTrue();
      assertThat(w.conf().views().admits(arrival, Viewer.participant(w.delegateHni))).isFalse();
      // A host's arrival is public: screens list the halls' hosts.
      ParticipantRegistered host = w.h.ok(ORG, new RegisterParticipant("Phó điểm cầu", java.util.EnumSet.of(Role.HOST), w.hni),
          ParticipantRegistered.class);
      assertThat(w.conf().views().audienceOf(host)).isEqualTo(Audience.EVERYONE);
    }
  }
}
