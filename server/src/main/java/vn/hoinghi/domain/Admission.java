package vn.hoinghi.domain;

import static vn.hoinghi.domain.ConferenceStatus.FEEDBACK_OPEN;
import static vn.hoinghi.domain.ConferenceStatus.LIVE;
import static vn.hoinghi.domain.ConferenceStatus.SCHEDULED;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.hoinghi.domain.Command.AdmitJoinRequest;
import vn.hoinghi.domain.Command.EndSessions;
import vn.hoinghi.domain.Command.ImportDelegates;
import vn.hoinghi.domain.Command.MarkAttendance;
import vn.hoinghi.domain.Command.RefuseJoinRequest;
import vn.hoinghi.domain.Command.UpdateDelegateDetails;
import vn.hoinghi.domain.Event.AttendanceMarked;
import vn.hoinghi.domain.Event.DelegateDetailsRecorded;
import vn.hoinghi.domain.Event.DelegatesListed;
import vn.hoinghi.domain.Event.InviteUsed;
import vn.hoinghi.domain.Event.JoinRequestAdmitted;
import vn.hoinghi.domain.Event.JoinRequestRefused;
import vn.hoinghi.domain.Event.JoinRequested;
import vn.hoinghi.domain.Event.ParticipantRegistered;
import vn.hoinghi.domain.Event.SessionStarted;
import vn.hoinghi.domain.Event.SessionsEnded;

/**
 * One person, one voter: the halls' delegate lists, personal codes, admission of walk-ins by the hall's host,
 * sessions (a personal code used on a second device moves the session there) and attendance.
 *
 * <p>A listed delegate's personal code is not stored anywhere: it is derived from the participant id with the
 * server's secret (the same HMAC that keys secret ballots), so the log never holds a usable code.
 */
final class Admission {

  static final int MAX_PENDING_REQUESTS = 5_000;
  private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final Pattern KEY_HASH = Pattern.compile("[0-9a-f]{64}");

  private final Conference conf;
  private final DelegateList list;
  final Map<String, DelegateDetails> details = new LinkedHashMap<>();
  final Map<String, JoinRequest> requests = new LinkedHashMap<>();
  final Map<String, Integer> sessions = new HashMap<>();
  final Map<String, Boolean> attendance = new LinkedHashMap<>();
  /** Personal code → listed delegate, derived from {@link #details}; rebuilt on restore. */
  private final Map<String, String> byPersonalCode = new HashMap<>();
  /** Single-use delegate invite → the participant it created: using it again signs that person in. */
  final Map<String, String> soloInviteHolder = new HashMap<>();

  Admission(Conference conf) {
    this.conf = conf;
    this.list = new DelegateList(conf);
  }

  void register(Tables t) {
    t.handlers()
        .handle(ImportDelegates.class, list::importDelegates)
        .handle(UpdateDelegateDetails.class, list::updateDetails)
        .handle(AdmitJoinRequest.class, this::admit)
        .handle(RefuseJoinRequest.class, this::refuse)
        .handle(EndSessions.class, this::endSessions)
        .handle(MarkAttendance.class, this::markAttendance);
    t.folds()
        .fold(DelegatesListed.class, this::foldListed)
        .fold(DelegateDetailsRecorded.class, e -> putDetails(new DelegateDetails(e.participantId(), e.position(),
            e.unit(), e.phone(), e.email())))
        .fold(JoinRequested.class, e -> requests.put(e.requestId(), new JoinRequest(e.requestId(), e.code(),
            e.endpointId(), e.displayName(), e.claimedParticipantId(), e.duplicateOf(), e.keyHash(), e.at(),
            JoinRequest.Status.PENDING, null, null)))
        .fold(JoinRequestAdmitted.class, e -> requests.computeIfPresent(e.requestId(), (k, r) ->
            r.decided(JoinRequest.Status.ADMITTED, e.participantId(), null)))
        .fold(JoinRequestRefused.class, e -> requests.computeIfPresent(e.requestId(), (k, r) ->
            r.decided(JoinRequest.Status.REFUSED, null, e.reason())))
        .fold(SessionStarted.class, e -> sessions.put(e.participantId(), e.session()))
        .fold(SessionsEnded.class, e -> sessions.put(e.participantId(), e.session()))
        .fold(AttendanceMarked.class, e -> attendance.put(e.participantId(), e.present()));
    t.audiences()
        .map(DelegatesListed.class, e -> new Audience.EndpointHosts(e.endpointId()))
        .map(DelegateDetailsRecorded.class, e -> new Audience.EndpointHosts(endpointOf(e.participantId())))
        .map(JoinRequested.class, e -> new Audience.EndpointHosts(e.endpointId()))
        .map(JoinRequestAdmitted.class, e -> new Audience.EndpointHosts(requestEndpoint(e.requestId())))
        .map(JoinRequestRefused.class, e -> new Audience.EndpointHosts(requestEndpoint(e.requestId())))
        .map(SessionStarted.class, e -> new Audience.EndpointHosts(endpointOf(e.participantId())))
        .map(SessionsEnded.class, e -> new Audience.EndpointHosts(endpointOf(e.participantId())))
        .map(AttendanceMarked.class, e -> new Audience.EndpointHosts(endpointOf(e.participantId())));
  }

  void putDetails(DelegateDetails d) {
    details.put(d.participantId(), d);
    byPersonalCode.put(personalCode(d.participantId()), d.participantId());
  }

  /** The listed delegate's personal code: 10 characters of the invite alphabet, from the server's secret. */
  String personalCode(String participantId) {
    String key = conf.voterKey("personal-code", participantId);
    StringBuilder sb = new StringBuilder(10);
    for (int i = 0; sb.length() < 10; i++) {
      sb.append(CODE_ALPHABET[key.charAt(i % key.length()) * 31 + i & 31]);
    }
    return sb.toString();
  }

  String personalCodeOwner(String code) {
    return byPersonalCode.get(code);
  }

  int session(String participantId) {
    return sessions.getOrDefault(participantId, 0);
  }

  private String endpointOf(String participantId) {
    Participant p = conf.roster.participants.get(participantId);
    return p == null || p.endpointId() == null ? "" : p.endpointId();
  }

  private String requestEndpoint(String requestId) {
    JoinRequest r = requests.get(requestId);
    return r == null ? "" : r.endpointId();
  }

  // --- The delegate list ------------------------------------------------------------------------------------------

  private void foldListed(DelegatesListed e) {
    conf.roster.revision++;
    for (ListedDelegate l : e.delegates()) {
      conf.roster.participants.put(l.participantId(),
          new Participant(l.participantId(), l.fullName(), Set.of(Role.DELEGATE), e.endpointId(), true));
      putDetails(new DelegateDetails(l.participantId(), l.position(), l.unit(), l.phone(), l.email()));
    }
  }

  // --- Joining ----------------------------------------------------------------------------------------------------

  /** A personal code, or a used single-use invite: that participant signs in again on this device. */
  void signIn(String participantId, Decide d) {
    Participant p = conf.roster.participants.get(participantId);
    if (p == null || !p.active()) {
      throw Reject.wrongState("Đại biểu này đã bị xoá khỏi hội nghị", "This delegate has been removed from the conference");
    }
    d.emit(new SessionStarted(p.id(), session(p.id()) + 1, d.now));
  }

  /** A hall's shared link: a request for the hall's host to admit; no participant yet. */
  void request(Invite invite, Command.JoinWithInvite c, Decide d) {
    String keyHash = c.requestKeyHash();
    if (keyHash == null || !KEY_HASH.matcher(keyHash).matches()) {
      throw Reject.invalid("Thiếu mã băm khoá của yêu cầu (64 chữ số thập lục phân)",
          "requestKeyHash (64 lower-case hex digits) is required for a hall link");
    }
    String claimed = c.claimParticipantId();
    String name;
    String duplicateOf = null;
    if (claimed != null) {
      Participant p = conf.roster.participants.get(claimed);
      if (p == null || !p.active() || !details.containsKey(claimed) || !invite.endpointId().equals(p.endpointId())) {
        throw Reject.notFound("Không có đại biểu này trong danh sách của điểm cầu",
            "No such delegate on this endpoint's list");
      }
      name = p.displayName();
      duplicateOf = pendingClaim(claimed);
      if (duplicateOf == null && (session(claimed) > 0 || attendance.getOrDefault(claimed, false))) {
        duplicateOf = claimed;
      }
    } else {
      name = Check.text(c.displayName(), Check.NAME, Limits.NAME, true, false);
      duplicateOf = sameName(name, invite.endpointId());
    }
    long pending = requests.values().stream().filter(r -> r.status() == JoinRequest.Status.PENDING).count();
    if (pending >= MAX_PENDING_REQUESTS) {
      throw Reject.limit("Có quá nhiều yêu cầu đang chờ duyệt", "Too many join requests are waiting");
    }
    d.emit(new JoinRequested(d.nextId("jr"), invite.code(), invite.endpointId(), name, claimed, duplicateOf, keyHash,
        d.now));
  }

  /** A pending request that claims the same listed delegate. */
  private String pendingClaim(String participantId) {
    for (JoinRequest r : requests.values()) {
      if (r.status() == JoinRequest.Status.PENDING && participantId.equals(r.claimedParticipantId())) return r.id();
    }
    return null;
  }

  /** An active participant or a pending request with the same name in the same hall. */
  private String sameName(String name, String endpointId) {
    String key = DelegateList.nameKey(name);
    for (Participant p : conf.roster.participants.values()) {
      if (p.active() && endpointId.equals(p.endpointId()) && key.equals(DelegateList.nameKey(p.displayName()))) return p.id();
    }
    for (JoinRequest r : requests.values()) {
      if (r.status() == JoinRequest.Status.PENDING && endpointId.equals(r.endpointId())
          && key.equals(DelegateList.nameKey(r.displayName()))) {
        return r.id();
      }
    }
    return null;
  }

  private JoinRequest pendingRequest(String requestId, Decide d) {
    JoinRequest r = requestId == null ? null : requests.get(requestId);
    if (r == null) {
      throw Reject.notFound("Không tìm thấy yêu cầu tham dự " + requestId, "Join request " + requestId + " not found");
    }
    d.requireEndpointScope(r.endpointId());
    if (r.status() != JoinRequest.Status.PENDING) {
      throw Reject.wrongState("Yêu cầu này đã được xử lý", "This request has already been decided");
    }
    return r;
  }

  private void admit(AdmitJoinRequest c, Decide d) {
    JoinRequest r = pendingRequest(c.requestId(), d);
    conf.lifecycle.requireNotClosed();
    if (r.duplicateOf() != null && !c.confirmDuplicate()) {
      throw Reject.conflict("Yêu cầu này có thể trùng với " + r.duplicateOf() + "; xác nhận để vẫn cho tham dự",
          "This request may repeat " + r.duplicateOf() + "; confirm to admit it anyway");
    }
    if (r.claimedParticipantId() != null) {
      signIn(r.claimedParticipantId(), d);
      d.emit(new JoinRequestAdmitted(r.id(), r.claimedParticipantId(), d.actorName()));
      return;
    }
    Invite invite = conf.invites.byCode.get(r.inviteCode());
    if (invite == null || invite.revoked()) {
      throw Reject.wrongState("Đường dẫn của điểm cầu đã bị thu hồi", "The hall's link has been revoked");
    }
    if (invite.uses() >= invite.maxUses()) {
      throw Reject.limit("Đường dẫn của điểm cầu đã hết lượt dùng", "The hall's link has been used up");
    }
    if (conf.roster.participants.size() >= Limits.PARTICIPANTS) {
      throw Reject.limit("Đã đạt số người tham dự tối đa", "The maximum number of participants is reached");
    }
    String pid = d.nextId("p");
    d.emit(new ParticipantRegistered(pid, r.displayName(), Set.of(invite.role()), r.endpointId()));
    d.emit(new InviteUsed(invite.code(), pid));
    d.emit(new JoinRequestAdmitted(r.id(), pid, d.actorName()));
  }

  private void refuse(RefuseJoinRequest c, Decide d) {
    JoinRequest r = pendingRequest(c.requestId(), d);
    String reason = Check.text(c.reason(), Check.REASON, Limits.REASON, false, false);
    d.emit(new JoinRequestRefused(r.id(), reason, d.actorName()));
  }

  // --- Sessions and attendance ------------------------------------------------------------------------------------

  private void endSessions(EndSessions c, Decide d) {
    Participant p = conf.roster.activeParticipant(c.participantId());
    d.requireEndpointScope(p.endpointId());
    d.emit(new SessionsEnded(p.id(), session(p.id()) + 1, d.actorName()));
  }

  private void markAttendance(MarkAttendance c, Decide d) {
    Participant p = conf.roster.activeParticipant(c.participantId());
    d.requireEndpointScope(p.endpointId());
    conf.lifecycle.require(SCHEDULED, LIVE, FEEDBACK_OPEN);
    if (attendance.getOrDefault(p.id(), false) == c.present()) {
      throw Reject.wrongState(c.present() ? "Đã điểm danh có mặt" : "Chưa điểm danh có mặt",
          c.present() ? "Already marked present" : "Not marked present");
    }
    d.emit(new AttendanceMarked(p.id(), c.present(), d.now));
  }

  // --- Snapshots --------------------------------------------------------------------------------------------------

  AdmissionState state() {
    return new AdmissionState(List.copyOf(details.values()), List.copyOf(requests.values()), sessions, attendance,
        soloInviteHolder);
  }

  void restore(AdmissionState s) {
    if (s == null) return;
    s.details().forEach(this::putDetails);
    s.requests().forEach(r -> requests.put(r.id(), r));
    sessions.putAll(s.sessions());
    attendance.putAll(s.attendance());
    soloInviteHolder.putAll(s.soloInviteHolder());
  }
}
