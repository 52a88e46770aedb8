package vn.hoinghi.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.hoinghi.domain.Command.AddEndpoint;
import vn.hoinghi.domain.Command.CreateConference;
import vn.hoinghi.domain.Command.ImportDraft;
import vn.hoinghi.domain.Command.RegisterParticipant;
import vn.hoinghi.domain.Event.EndpointAdded;
import vn.hoinghi.domain.Event.ParticipantRegistered;
import vn.hoinghi.domain.document.Drafts;

/**
 * The standard test conference: the central endpoint and two provincial ones (Đồng Tháp, Hà Nội), one participant per
 * role (hosts and delegates at both provinces), and the test regulation as draft version 1.
 */
final class World {

  static final Actor ORGANIZER = Actor.organizer("acc-organizer");

  final Harness h = new Harness();
  String central;
  String dtp;
  String hni;
  String chair;
  String secretary;
  String hostDtp;
  String hostHni;
  String delegateDtp;
  String delegateDtp2;
  String delegateHni;
  String observer;

  /** Nothing yet: not even created. */
  static World empty() {
    return new World();
  }

  /** Created, with endpoints, participants and the draft, still DRAFT. */
  static World prepared() {
    World w = new World();
    w.h.ok(ORGANIZER, new CreateConference("Hội nghị thử", "Mô tả", Harness.START, Harness.START.plusSeconds(3 * 3600),
        VoteMode.NAMED, 300));
    w.central = w.h.ok(ORGANIZER, new AddEndpoint("TW", "Điểm cầu Trung ương", "Bắc", EndpointLevel.CENTRAL),
        EndpointAdded.class).endpointId();
    w.dtp = w.h.ok(ORGANIZER, new AddEndpoint("DTP", "Tỉnh ủy Đồng Tháp", "Nam", EndpointLevel.PROVINCIAL),
        EndpointAdded.class).endpointId();
    w.hni = w.h.ok(ORGANIZER, new AddEndpoint("HNI", "Thành ủy Hà Nội", "Bắc", EndpointLevel.PROVINCIAL),
        EndpointAdded.class).endpointId();
    w.chair = w.register("Chủ trì", EnumSet.of(Role.CHAIR), w.central);
    w.secretary = w.register("Thư ký", EnumSet.of(Role.SECRETARY), w.central);
    w.hostDtp = w.register("Điểm cầu Đồng Tháp", EnumSet.of(Role.HOST), w.dtp);
    w.hostHni = w.register("Điểm cầu Hà Nội", EnumSet.of(Role.HOST), w.hni);
    w.delegateDtp = w.register("Đại biểu Đồng Tháp 1", EnumSet.of(Role.DELEGATE), w.dtp);
    w.delegateDtp2 = w.register("Đại biểu Đồng Tháp 2", EnumSet.of(Role.DELEGATE), w.dtp);
    w.delegateHni = w.register("Đại biểu Hà Nội", EnumSet.of(Role.DELEGATE), w.hni);
    w.observer = w.register("Màn hình", EnumSet.of(Role.OBSERVER), w.dtp);
    w.h.ok(ORGANIZER, new ImportDraft(Drafts.read("quy-che-v1.md"), "Lần 1"));
    return w;
  }

  static World scheduled() {
    World w = prepared();
    w.h.ok(ORGANIZER, new Command.ScheduleConference());
    return w;
  }

  static World live() {
    World w = scheduled();
    w.h.ok(w.as(w.chair), new Command.StartConference());
    return w;
  }

  String register(String name, Set<Role> roles, String endpointId) {
    return h.ok(ORGANIZER, new RegisterParticipant(name, roles, endpointId), ParticipantRegistered.class).participantId();
  }

  Actor as(String participantId) {
    return Actor.participant(participantId);
  }

  Conference conf() {
    return h.conf;
  }

  /** Checks in both provincial halls with the given head count. */
  World checkedIn(int headCount) {
    h.ok(as(hostDtp), new Command.CheckInEndpoint(dtp, headCount));
    h.ok(as(hostHni), new Command.CheckInEndpoint(hni, headCount));
    return this;
  }

  /** Opens a vote on the given articles; returns its id. */
  String openVote(VoteMode mode, String... articleIds) {
    return h.ok(as(chair), new Command.OpenVote("Biểu quyết", List.of(articleIds), mode), Event.VoteOpened.class).voteId();
  }
}
