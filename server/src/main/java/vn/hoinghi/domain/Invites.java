package vn.hoinghi.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.hoinghi.domain.Command.IssueInvite;
import vn.hoinghi.domain.Command.JoinWithInvite;
import vn.hoinghi.domain.Command.RevokeInvite;
import vn.hoinghi.domain.Event.InviteIssued;
import vn.hoinghi.domain.Event.InviteRevoked;
import vn.hoinghi.domain.Event.InviteUsed;
import vn.hoinghi.domain.Event.ParticipantRegistered;

/**
 * Invite codes: issued to a hall for a role, revoked, and used to join. Joining with a code is decided here and lands
 * in the {@link Roster} (a new participant) or in {@link Admission} (a personal code's sign-in, a shared link's join
 * request).
 */
final class Invites {

  private final Conference conf;
  /** By the folded code (see {@link InviteRules#fold}). */
  final Map<String, Invite> byCode = new LinkedHashMap<>();

  Invites(Conference conf) {
    this.conf = conf;
  }

  void register(Tables t) {
    t.handlers()
        .handle(IssueInvite.class, this::issueInvite)
        .handle(RevokeInvite.class, this::revokeInvite)
        .handle(JoinWithInvite.class, this::joinWithInvite);
    t.folds()
        // Keyed by the folded code: codes issued before the upper-case rule are found whatever case is typed.
        .fold(InviteIssued.class, e -> byCode.put(InviteRules.fold(e.code()),
            new Invite(e.code(), e.role(), e.endpointId(), e.maxUses(), 0, e.expiresAt(), false, e.issuedBy())))
        .fold(InviteRevoked.class, e -> byCode.computeIfPresent(InviteRules.fold(e.code()), (k, x) ->
            new Invite(x.code(), x.role(), x.endpointId(), x.maxUses(), x.uses(), x.expiresAt(), true, x.issuedBy())))
        .fold(InviteUsed.class, e -> {
          Invite used = byCode.computeIfPresent(InviteRules.fold(e.code()), (k, x) ->
              new Invite(x.code(), x.role(), x.endpointId(), x.maxUses(), x.uses() + 1, x.expiresAt(), x.revoked(), x.issuedBy()));
          if (used != null && used.maxUses() == 1) conf.admission.soloInviteHolder.put(used.code(), e.participantId());
        });
    // Invite codes are secrets of the moderators and of the invited endpoint's hosts.
    t.audiences()
        .map(InviteIssued.class, e -> new Audience.EndpointHosts(e.endpointId()))
        .map(InviteRevoked.class, e -> new Audience.EndpointHosts(inviteEndpoint(e.code())))
        .map(InviteUsed.class, e -> new Audience.EndpointHosts(inviteEndpoint(e.code())));
  }

  private String inviteEndpoint(String code) {
    Invite i = byCode.get(InviteRules.fold(code));
    return i == null ? "" : i.endpointId();
  }

  private void issueInvite(IssueInvite c, Decide d) {
    String code = InviteRules.issued(c.code());
    Role role = Check.required(c.role(), "vai trò", "role");
    if (role == Role.CHAIR || role == Role.SECRETARY) {
      throw Reject.invalid("Mã mời chỉ dành cho điểm cầu, đại biểu hoặc màn hình theo dõi",
          "Invites are for hosts, delegates or observers only");
    }
    int maxUses = c.maxUses() == null ? InviteRules.DEFAULT_USES
        : Check.range(c.maxUses(), 1, Limits.INVITE_USES, "số lượt dùng", "maximum uses");
    Instant expiresAt = c.expiresAt() == null ? d.now.plus(Duration.ofDays(InviteRules.DEFAULT_DAYS)) : c.expiresAt();
    if (!expiresAt.isAfter(d.now) || expiresAt.isAfter(d.now.plus(Duration.ofDays(Limits.MAX_DAYS_AHEAD)))) {
      throw Reject.invalid("Thời hạn mã mời phải ở tương lai, không quá " + Limits.MAX_DAYS_AHEAD + " ngày",
          "An invite must expire in the future, within " + Limits.MAX_DAYS_AHEAD + " days");
    }
    Endpoint e = conf.roster.endpoint(c.endpointId());
    d.requireEndpointScope(e.id());
    if (role == Role.HOST && d.isParticipant() && !d.has(Role.CHAIR) && !d.has(Role.SECRETARY)) {
      throw Reject.forbidden("Điểm cầu chỉ được mời đại biểu hoặc màn hình theo dõi", "A host may only invite delegates or observers");
    }
    conf.lifecycle.requireNotClosed();
    if (byCode.containsKey(code)) {
      throw Reject.conflict("Mã mời đã tồn tại", "This invite code already exists");
    }
    if (byCode.size() >= Limits.INVITES) {
      throw Reject.limit("Đã đạt số mã mời tối đa", "The maximum number of invites is reached");
    }
    d.emit(new InviteIssued(code, role, e.id(), maxUses, expiresAt, d.actorName()));
  }

  private void revokeInvite(RevokeInvite c, Decide d) {
    Invite i = invite(InviteRules.entered(c.code()));
    d.requireEndpointScope(i.endpointId());
    if (i.revoked()) {
      throw Reject.wrongState("Mã mời đã bị thu hồi", "The invite is already revoked");
    }
    d.emit(new InviteRevoked(i.code()));
  }

  private void joinWithInvite(JoinWithInvite c, Decide d) {
    String code = InviteRules.entered(c.code());
    // A personal code names one person: using it again moves their session, it never creates a participant.
    String listed = conf.admission.personalCodeOwner(code);
    if (listed != null) {
      conf.lifecycle.requireNotClosed();
      conf.admission.signIn(listed, d);
      return;
    }
    Invite i = invite(code);
    String holder = conf.admission.soloInviteHolder.get(code);
    // Input first: a name is needed unless the code names its person or the requester picks a listed delegate.
    String name = holder != null || c.claimParticipantId() != null ? null
        : Check.text(c.displayName(), Check.NAME, Limits.NAME, true, false);
    conf.lifecycle.requireNotClosed();
    if (i.revoked()) {
      throw Reject.wrongState("Mã mời đã bị thu hồi", "The invite has been revoked");
    }
    if (!d.now.isBefore(i.expiresAt())) {
      throw Reject.wrongState("Mã mời đã hết hạn", "The invite has expired");
    }
    if (holder != null) {
      conf.admission.signIn(holder, d);
      return;
    }
    if (i.role() == Role.DELEGATE && i.maxUses() > 1) {
      // A hall's shared link: whoever opens it may be anybody, so the hall's host admits them.
      if (i.uses() >= i.maxUses()) {
        throw Reject.limit("Mã mời đã hết lượt dùng", "The invite has been used up");
      }
      conf.admission.request(i, c, d);
      return;
    }
    if (name == null) {
      throw Reject.invalid("Chỉ đường dẫn chung của điểm cầu cho phép chọn tên trong danh sách",
          "Only a hall's shared link lets you pick a name from the list");
    }
    if (i.uses() >= i.maxUses()) {
      throw Reject.limit("Mã mời đã hết lượt dùng", "The invite has been used up");
    }
    conf.roster.requireRoom();
    String participantId = d.nextId("p");
    d.emit(new ParticipantRegistered(participantId, name, Set.of(i.role()), i.endpointId()));
    d.emit(new InviteUsed(i.code(), participantId));
  }

  private Invite invite(String code) {
    Invite i = byCode.get(code);
    if (i == null) {
      throw Reject.notFound("Không tìm thấy mã mời", "Invite not found");
    }
    return i;
  }
}
