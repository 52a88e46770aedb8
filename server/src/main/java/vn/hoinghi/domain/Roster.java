package vn.hoinghi.domain;

import static vn.hoinghi.domain.ConferenceStatus.CLOSED;
import static vn.hoinghi.domain.ConferenceStatus.FEEDBACK_OPEN;
import static vn.hoinghi.domain.ConferenceStatus.LIVE;
import static vn.hoinghi.domain.ConferenceStatus.SCHEDULED;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.hoinghi.domain.Command.AddEndpoint;
import vn.hoinghi.domain.Command.CheckInEndpoint;
import vn.hoinghi.domain.Command.CheckOutEndpoint;
import vn.hoinghi.domain.Command.ImportEndpoints;
import vn.hoinghi.domain.Command.RegisterParticipant;
import vn.hoinghi.domain.Command.RemoveParticipant;
import vn.hoinghi.domain.Command.UpdateEndpoint;
import vn.hoinghi.domain.Command.UpdateHeadCount;
import vn.hoinghi.domain.Command.UpdateParticipant;
import vn.hoinghi.domain.Event.EndpointAdded;
import vn.hoinghi.domain.Event.EndpointCheckedIn;
import vn.hoinghi.domain.Event.EndpointCheckedOut;
import vn.hoinghi.domain.Event.EndpointUpdated;
import vn.hoinghi.domain.Event.EndpointsImported;
import vn.hoinghi.domain.Event.HeadCountUpdated;
import vn.hoinghi.domain.Event.ParticipantRegistered;
import vn.hoinghi.domain.Event.ParticipantRemoved;
import vn.hoinghi.domain.Event.ParticipantUpdated;

/** Endpoints (điểm cầu), participants and their roles. Invite codes are {@link Invites}. */
final class Roster {

  private final Conference conf;
  final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
  final Map<String, String> endpointIdByCode = new HashMap<>();
  final Map<String, Participant> participants = new LinkedHashMap<>();
  /** Bumped on every change of a participant: lets views cache what they derive from the roster (not state). */
  int revision;

  Roster(Conference conf) {
    this.conf = conf;
  }

  void register(Tables t) {
    t.handlers()
        .handle(AddEndpoint.class, this::addEndpoint)
        .handle(ImportEndpoints.class, this::importEndpoints)
        .handle(UpdateEndpoint.class, this::updateEndpoint)
        .handle(CheckInEndpoint.class, this::checkIn)
        .handle(UpdateHeadCount.class, this::updateHeadCount)
        .handle(CheckOutEndpoint.class, this::checkOut)
        .handle(RegisterParticipant.class, this::registerParticipant)
        .handle(UpdateParticipant.class, this::updateParticipant)
        .handle(RemoveParticipant.class, this::removeParticipant);
    t.folds()
        .fold(EndpointAdded.class, this::putEndpoint)
        .fold(EndpointsImported.class, e -> e.endpoints().forEach(this::putEndpoint))
        .fold(EndpointUpdated.class, e -> endpoints.computeIfPresent(e.endpointId(), (k, x) ->
            new Endpoint(x.id(), x.code(), e.name(), e.region(), x.level(), x.checkedIn(), x.headCount(), x.checkedInAt())))
        .fold(EndpointCheckedIn.class, e -> endpoints.computeIfPresent(e.endpointId(), (k, x) ->
            new Endpoint(x.id(), x.code(), x.name(), x.region(), x.level(), true, e.headCount(), e.at())))
        .fold(HeadCountUpdated.class, e -> endpoints.computeIfPresent(e.endpointId(), (k, x) ->
            new Endpoint(x.id(), x.code(), x.name(), x.region(), x.level(), x.checkedIn(), e.headCount(), x.checkedInAt())))
        .fold(EndpointCheckedOut.class, e -> endpoints.computeIfPresent(e.endpointId(), (k, x) ->
            new Endpoint(x.id(), x.code(), x.name(), x.region(), x.level(), false, x.headCount(), x.checkedInAt())))
        .fold(ParticipantRegistered.class, e -> {
          revision++;
          participants.put(e.participantId(),
              new Participant(e.participantId(), e.displayName(), e.roles(), e.endpointId(), true));
        })
        .fold(ParticipantUpdated.class, e -> {
          revision++;
          participants.put(e.participantId(),
              new Participant(e.participantId(), e.displayName(), e.roles(), e.endpointId(), true));
        })
        .fold(ParticipantRemoved.class, e -> {
          revision++;
          participants.computeIfPresent(e.participantId(), (k, x) ->
              new Participant(x.id(), x.displayName(), x.roles(), x.endpointId(), false));
        });
    // Endpoints and participants are public in a conference (the hall screens list them).
    t.audiences()
        .map(EndpointAdded.class, e -> Audience.EVERYONE)
        .map(EndpointsImported.class, e -> Audience.EVERYONE)
        .map(EndpointUpdated.class, e -> Audience.EVERYONE)
        .map(EndpointCheckedIn.class, e -> Audience.EVERYONE)
        .map(HeadCountUpdated.class, e -> Audience.EVERYONE)
        .map(EndpointCheckedOut.class, e -> Audience.EVERYONE)
        .map(ParticipantRegistered.class, e -> personAudience(e.roles(), e.endpointId()))
        .map(ParticipantUpdated.class, e -> personAudience(e.roles(), e.endpointId()))
        .map(ParticipantRemoved.class, e -> {
          Participant p = participants.get(e.participantId());
          return p == null ? Audience.MODERATORS : personAudience(p.roles(), p.endpointId());
        });
  }

  /**
   * Who hears that a person joined or changed: everyone for the people screens name (chair, secretary, hosts,
   * observers); for a plain delegate only the moderators and the hosts of their hall. Tens of thousands of delegates
   * join a national conference: announcing each to everyone would cost every client a message per delegate. Other
   * clients learn a delegate's name from the snapshot once the delegate speaks or writes, or by looking them up.
   */
  private static Audience personAudience(Set<Role> roles, String endpointId) {
    boolean plainDelegate = roles.stream().allMatch(r -> r == Role.DELEGATE);
    return plainDelegate && endpointId != null ? new Audience.EndpointHosts(endpointId) : Audience.EVERYONE;
  }

  Optional<Endpoint> central() {
    return endpoints.values().stream().filter(e -> e.level() == EndpointLevel.CENTRAL).findFirst();
  }

  Endpoint endpoint(String id) {
    Endpoint e = id == null ? null : endpoints.get(id);
    if (e == null) {
      throw Reject.notFound("Không tìm thấy điểm cầu " + id, "Endpoint " + id + " not found");
    }
    return e;
  }

  Participant activeParticipant(String id) {
    Participant p = id == null ? null : participants.get(id);
    if (p == null || !p.active()) {
      throw Reject.notFound("Không tìm thấy người tham dự " + id, "Participant " + id + " not found");
    }
    return p;
  }

  // --- Endpoints --------------------------------------------------------------------------------------------------

  private void putEndpoint(EndpointAdded e) {
    endpoints.put(e.endpointId(), new Endpoint(e.endpointId(), e.code(), e.name(), e.region(), e.level(), false, 0, null));
    endpointIdByCode.put(e.code(), e.endpointId());
  }

  private void addEndpoint(AddEndpoint c, Decide d) {
    d.emit(newEndpoint(c, d.nextId("ep"), Set.of(), false, 0));
  }

  /**
   * Every row is checked as {@link #addEndpoint}, against the conference and the rows before it; any problem refuses
   * the whole import with one detail per row, "row N: …" (N counts from 1), so a caller can point at its source line.
   */
  private void importEndpoints(ImportEndpoints c, Decide d) {
    List<AddEndpoint> rows = c.endpoints() == null ? List.of() : c.endpoints();
    if (rows.isEmpty() || rows.size() > Limits.ENDPOINTS_PER_IMPORT) {
      throw Reject.invalid("Cần 1–" + Limits.ENDPOINTS_PER_IMPORT + " điểm cầu",
          "An import holds 1–" + Limits.ENDPOINTS_PER_IMPORT + " endpoints");
    }
    conf.lifecycle.requireNotClosed();
    String firstId = d.nextId("ep");
    Set<String> codes = new HashSet<>();
    boolean central = false;
    List<EndpointAdded> added = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      AddEndpoint row = rows.get(i) == null ? new AddEndpoint(null, null, null, null) : rows.get(i);
      try {
        added.add(newEndpoint(row, firstId + "-" + (i + 1), codes, central, added.size()));
      } catch (Reject r) {
        problems.add("row " + (i + 1) + ": " + r.rejection.messageEn());
      }
      // A refused row still claims its code and the central place: once it is fixed, a later row must not clash.
      if (row.code() != null) codes.add(row.code().strip());
      central |= row.level() == EndpointLevel.CENTRAL;
    }
    if (!problems.isEmpty()) {
      throw Reject.of(RejectionCode.INVALID, problems.size() + " điểm cầu không thêm được; không điểm cầu nào được thêm",
          problems.size() + " endpoints cannot be added; none was added",
          problems.stream().limit(Limits.PROBLEM_DETAILS).toList());
    }
    d.emit(new EndpointsImported(added));
  }

  /** The checks of one new endpoint, given the codes, central endpoint and count the same command adds before it. */
  private EndpointAdded newEndpoint(AddEndpoint c, String id, Set<String> pendingCodes, boolean pendingCentral,
      int pendingCount) {
    String code = c.code() == null ? null : c.code().strip();
    if (code == null || !Check.ENDPOINT_CODE.matcher(code).matches()) {
      throw Reject.invalid("Mã điểm cầu phải gồm 2–10 chữ in hoa hoặc chữ số (ví dụ HNI, DTP)",
          "An endpoint code is 2–10 upper-case letters or digits (e.g. HNI, DTP)");
    }
    String name = Check.text(c.name(), Check.NAME, Limits.NAME, true, false);
    String region = Check.text(c.region(), Check.REGION, Limits.REGION, false, false);
    EndpointLevel level = Check.required(c.level(), "cấp điểm cầu", "endpoint level");
    conf.lifecycle.requireNotClosed();
    if (endpointIdByCode.containsKey(code) || pendingCodes.contains(code)) {
      throw Reject.conflict("Mã điểm cầu " + code + " đã được dùng", "Endpoint code " + code + " is already in use");
    }
    if (level == EndpointLevel.CENTRAL && (pendingCentral || central().isPresent())) {
      throw Reject.conflict("Hội nghị chỉ có một điểm cầu Trung ương", "A conference has exactly one central endpoint");
    }
    if (endpoints.size() + pendingCount >= Limits.ENDPOINTS) {
      throw Reject.limit("Đã đạt số điểm cầu tối đa (" + Limits.ENDPOINTS + ")",
          "The maximum number of endpoints (" + Limits.ENDPOINTS + ") is reached");
    }
    return new EndpointAdded(id, code, name, region, level);
  }

  private void updateEndpoint(UpdateEndpoint c, Decide d) {
    String name = Check.text(c.name(), Check.NAME, Limits.NAME, true, false);
    String region = Check.text(c.region(), Check.REGION, Limits.REGION, false, false);
    Endpoint e = endpoint(c.endpointId());
    conf.lifecycle.requireNotClosed();
    d.emit(new EndpointUpdated(e.id(), name, region));
  }

  private void checkIn(CheckInEndpoint c, Decide d) {
    int headCount = Check.range(c.headCount(), 0, Limits.HEAD_COUNT, "số người có mặt", "head count");
    Endpoint e = endpoint(c.endpointId());
    d.requireEndpointScope(e.id());
    conf.lifecycle.require(SCHEDULED, LIVE);
    if (e.checkedIn()) {
      throw Reject.wrongState("Điểm cầu " + e.name() + " đã điểm danh", "Endpoint " + e.name() + " is already checked in");
    }
    requireRoomForHallResults(e, headCount);
    d.emit(new EndpointCheckedIn(e.id(), headCount, d.now));
  }

  private void updateHeadCount(UpdateHeadCount c, Decide d) {
    int headCount = Check.range(c.headCount(), 0, Limits.HEAD_COUNT, "số người có mặt", "head count");
    Endpoint e = endpoint(c.endpointId());
    d.requireEndpointScope(e.id());
    conf.lifecycle.require(SCHEDULED, LIVE);
    requireCheckedIn(e);
    requireRoomForHallResults(e, headCount);
    d.emit(new HeadCountUpdated(e.id(), headCount));
  }

  /** A hall result of an open vote must stay within the head count, whether it is updated or declared anew. */
  private void requireRoomForHallResults(Endpoint e, int headCount) {
    int recorded = conf.voting.largestOpenHallResult(e.id());
    if (headCount < recorded) {
      throw Reject.conflict("Số người có mặt không thể thấp hơn kết quả biểu quyết chung đã ghi (" + recorded + ")",
          "The head count cannot be lower than a recorded hall result of an open vote (" + recorded + ")");
    }
  }

  private void checkOut(CheckOutEndpoint c, Decide d) {
    Endpoint e = endpoint(c.endpointId());
    d.requireEndpointScope(e.id());
    conf.lifecycle.require(SCHEDULED, LIVE, FEEDBACK_OPEN);
    requireCheckedIn(e);
    d.emit(new EndpointCheckedOut(e.id(), d.now));
  }

  private static void requireCheckedIn(Endpoint e) {
    if (!e.checkedIn()) {
      throw Reject.wrongState("Điểm cầu " + e.name() + " chưa điểm danh", "Endpoint " + e.name() + " is not checked in");
    }
  }

  // --- Participants -----------------------------------------------------------------------------------------------

  private void registerParticipant(RegisterParticipant c, Decide d) {
    String name = Check.text(c.displayName(), Check.NAME, Limits.NAME, true, false);
    Set<Role> roles = roles(c.roles());
    conf.lifecycle.requireNotClosed();
    String endpointId = placement(roles, c.endpointId());
    requireRoom();
    d.emit(new ParticipantRegistered(d.nextId("p"), name, roles, endpointId));
  }

  private void updateParticipant(UpdateParticipant c, Decide d) {
    String name = Check.text(c.displayName(), Check.NAME, Limits.NAME, true, false);
    Set<Role> roles = roles(c.roles());
    Participant p = activeParticipant(c.participantId());
    conf.lifecycle.requireNotClosed();
    String endpointId = placement(roles, c.endpointId());
    d.emit(new ParticipantUpdated(p.id(), name, roles, endpointId));
  }

  private void removeParticipant(RemoveParticipant c, Decide d) {
    Participant p = activeParticipant(c.participantId());
    // The chair and a hall's host act on duplicates they see: a host removes delegates of their own hall only.
    d.requireEndpointScope(p.endpointId());
    if (d.has(Role.HOST) && !d.has(Role.CHAIR) && !d.has(Role.SECRETARY) && !p.roles().equals(Set.of(Role.DELEGATE))) {
      throw Reject.forbidden("Điểm cầu chỉ được xoá đại biểu của điểm cầu mình", "A host may only remove delegates of their hall");
    }
    conf.lifecycle.requireNotClosed();
    // A removed participant can no longer act, so their turn ends and their waiting requests leave the queue.
    conf.speakerQueue.releaseAll(p.id(), d);
    conf.voting.withdrawAll(p.id(), d);
    d.emit(new ParticipantRemoved(p.id()));
  }

  private static Set<Role> roles(Set<Role> requested) {
    // Sets from the wire may hold nulls; immutable sets refuse contains(null), so look element by element.
    if (requested == null || requested.isEmpty() || requested.stream().anyMatch(java.util.Objects::isNull)) {
      throw Reject.invalid("Cần ít nhất một vai trò", "At least one role is required");
    }
    return Roles.copy(requested);
  }

  /**
   * Where a participant with these roles belongs: hosts and delegates need an endpoint; the chair and the secretary
   * belong to the central endpoint (taken when none is given).
   */
  private String placement(Set<Role> roles, String endpointId) {
    boolean central = roles.contains(Role.CHAIR) || roles.contains(Role.SECRETARY);
    if (endpointId != null) {
      Endpoint e = endpoint(endpointId);
      if (central && e.level() != EndpointLevel.CENTRAL) {
        throw Reject.invalid("Chủ trì và thư ký thuộc điểm cầu Trung ương", "The chair and the secretary belong to the central endpoint");
      }
      return e.id();
    }
    if (central) {
      return central().map(Endpoint::id).orElseThrow(() -> Reject.wrongState(
          "Cần thêm điểm cầu Trung ương trước", "Add the central endpoint first"));
    }
    if (roles.contains(Role.HOST) || roles.contains(Role.DELEGATE)) {
      throw Reject.invalid("Điểm cầu chủ trì và đại biểu phải thuộc một điểm cầu", "Hosts and delegates must belong to an endpoint");
    }
    return null;
  }

  void requireRoom() {
    if (participants.size() >= Limits.PARTICIPANTS) {
      throw Reject.limit("Đã đạt số người tham dự tối đa", "The maximum number of participants is reached");
    }
  }
}
