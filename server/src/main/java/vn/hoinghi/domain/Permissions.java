package vn.hoinghi.domain;

import static vn.hoinghi.domain.Role.CHAIR;
import static vn.hoinghi.domain.Role.DELEGATE;
import static vn.hoinghi.domain.Role.HOST;
import static vn.hoinghi.domain.Role.SECRETARY;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.hoinghi.domain.Command.*;

/**
 * Who may issue each command: the one table that docs/roles.md shows and a test checks cell by cell against
 * {@link Conference#decide}. A participant may issue a command if any of their roles allows it; for a command that
 * targets an endpoint ({@link Scope#ENDPOINT}), an "own" role allows it only for the participant's own endpoint.
 * Conditions that depend on the object (only the author edits an annotation) are checked by the handler and named in
 * {@link Rule#condition()}.
 */
public final class Permissions {

  /** Whether a command targets an endpoint, so that "own endpoint only" means something. */
  public enum Scope { NONE, ENDPOINT }

  /**
   * @param anyEndpoint roles that may issue the command for any endpoint
   * @param ownEndpoint roles that may issue it only for their own endpoint
   */
  public record Rule(boolean organizer, Set<Role> anyEndpoint, Set<Role> ownEndpoint, boolean anonymous, boolean system,
      Scope scope, String condition) {

    public boolean allowsRole(Role r) {
      return anyEndpoint.contains(r) || ownEndpoint.contains(r);
    }
  }

  private static final Map<Class<? extends Command>, Rule> TABLE = build();

  private Permissions() {}

  public static Rule rule(Class<? extends Command> type) {
    Rule r = TABLE.get(type);
    if (r == null) {
      throw new IllegalArgumentException("no permission rule for " + type.getSimpleName());
    }
    return r;
  }

  /** The whole table, in the order of docs/roles.md. */
  public static Map<Class<? extends Command>, Rule> table() {
    return TABLE;
  }

  static boolean mayIssue(Rule r, Actor.Kind kind, Set<Role> roles) {
    return switch (kind) {
      case ORGANIZER -> r.organizer();
      case ANONYMOUS -> r.anonymous();
      case SYSTEM -> r.system();
      case PARTICIPANT -> roles.stream().anyMatch(r::allowsRole);
    };
  }

  /** For an endpoint-scoped command: may this actor act on {@code endpointId}? */
  static boolean mayTarget(Rule r, Actor.Kind kind, Participant p, String endpointId) {
    if (kind != Actor.Kind.PARTICIPANT) {
      return mayIssue(r, kind, Set.of());
    }
    for (Role role : p.roles()) {
      if (r.anyEndpoint().contains(role)) {
        return true;
      }
      if (r.ownEndpoint().contains(role) && endpointId != null && endpointId.equals(p.endpointId())) {
        return true;
      }
    }
    return false;
  }

  private static Map<Class<? extends Command>, Rule> build() {
    Map<Class<? extends Command>, Rule> t = new LinkedHashMap<>();
    // The conference
    t.put(CreateConference.class, r().organizer().rule());
    t.put(UpdateConferenceDetails.class, r().organizer().any(CHAIR, SECRETARY).rule());
    t.put(UpdateSettings.class, r().organizer().any(CHAIR, SECRETARY).rule());
    t.put(ScheduleConference.class, r().organizer().any(CHAIR, SECRETARY).rule());
    t.put(StartConference.class, r().any(CHAIR).rule());
    t.put(OpenFeedback.class, r().any(CHAIR).rule());
    t.put(SetFeedbackDeadline.class, r().any(CHAIR).rule());
    t.put(CloseConference.class, r().any(CHAIR).system().when("system: only after the feedback deadline").rule());
    // Endpoints
    t.put(AddEndpoint.class, r().organizer().any(SECRETARY).rule());
    t.put(ImportEndpoints.class, r().organizer().any(SECRETARY).rule());
    t.put(UpdateEndpoint.class, r().organizer().any(SECRETARY).rule());
    t.put(CheckInEndpoint.class, r().any(CHAIR, SECRETARY).own(HOST).rule());
    t.put(UpdateHeadCount.class, r().any(CHAIR, SECRETARY).own(HOST).rule());
    t.put(CheckOutEndpoint.class, r().any(CHAIR, SECRETARY).own(HOST).rule());
    // Participants and invites
    t.put(RegisterParticipant.class, r().organizer().any(SECRETARY).rule());
    t.put(UpdateParticipant.class, r().organizer().any(SECRETARY).rule());
    t.put(RemoveParticipant.class, r().organizer().any(CHAIR, SECRETARY).own(HOST)
        .when("host: delegates of the hall only").rule());
    t.put(IssueInvite.class, r().organizer().any(CHAIR, SECRETARY).own(HOST)
        .when("host: DELEGATE or OBSERVER invites only").rule());
    t.put(RevokeInvite.class, r().organizer().any(CHAIR, SECRETARY).own(HOST).rule());
    t.put(JoinWithInvite.class, r().anonymous().rule());
    t.put(ImportDelegates.class, r().organizer().any(SECRETARY).own(HOST).rule());
    t.put(UpdateDelegateDetails.class, r().organizer().any(SECRETARY).own(HOST).rule());
    t.put(AdmitJoinRequest.class, r().organizer().any(CHAIR, SECRETARY).own(HOST).rule());
    t.put(RefuseJoinRequest.class, r().organizer().any(CHAIR, SECRETARY).own(HOST).rule());
    t.put(EndSessions.class, r().organizer().any(CHAIR, SECRETARY).own(HOST).rule());
    t.put(MarkAttendance.class, r().any(CHAIR, SECRETARY).own(HOST).rule());
    // Agenda
    t.put(AddAgendaItem.class, r().organizer().any(CHAIR, SECRETARY).rule());
    t.put(UpdateAgendaItem.class, r().organizer().any(CHAIR, SECRETARY).rule());
    t.put(MoveAgendaItem.class, r().organizer().any(CHAIR, SECRETARY).rule());
    t.put(RemoveAgendaItem.class, r().organizer().any(CHAIR, SECRETARY).rule());
    t.put(StartAgendaItem.class, r().any(CHAIR).rule());
    t.put(CompleteAgendaItem.class, r().any(CHAIR).rule());
    // Draft
    t.put(ImportDraft.class, r().organizer().any(SECRETARY).rule());
    // Voting
    t.put(OpenVote.class, r().any(CHAIR).rule());
    t.put(CastBallot.class, r().any(DELEGATE).when("for oneself").rule());
    t.put(RecordHallResult.class, r().own(HOST).rule());
    t.put(ClearHallResult.class, r().own(HOST).rule());
    t.put(CloseVote.class, r().any(CHAIR).rule());
    t.put(ReopenVote.class, r().any(CHAIR).rule());
    // Speaker queue
    t.put(OpenSpeakerQueue.class, r().any(CHAIR).rule());
    t.put(CloseSpeakerQueue.class, r().any(CHAIR).rule());
    t.put(RequestFloor.class, r().any(HOST, DELEGATE).when("delegate for oneself, host for the hall").rule());
    t.put(WithdrawFloorRequest.class, r().any(HOST, DELEGATE).when("requester only").rule());
    t.put(ApproveFloorRequest.class, r().any(CHAIR).rule());
    t.put(RejectFloorRequest.class, r().any(CHAIR).rule());
    t.put(MoveFloorRequest.class, r().any(CHAIR).rule());
    t.put(GrantFloor.class, r().any(CHAIR).rule());
    t.put(PauseSpeech.class, r().any(CHAIR).rule());
    t.put(ResumeSpeech.class, r().any(CHAIR).rule());
    t.put(EndSpeech.class, r().any(CHAIR).rule());
    // Annotations
    t.put(AddAnnotation.class, r().any(CHAIR, SECRETARY, HOST, DELEGATE).rule());
    t.put(ReplyToAnnotation.class, r().any(CHAIR, SECRETARY, HOST, DELEGATE).rule());
    t.put(EditAnnotation.class, r().any(CHAIR, SECRETARY, HOST, DELEGATE).when("author only").rule());
    t.put(DeleteAnnotation.class, r().any(CHAIR, SECRETARY, HOST, DELEGATE).when("author only").rule());
    t.put(HideAnnotation.class, r().any(CHAIR, SECRETARY).rule());
    t.put(RestoreAnnotation.class, r().any(CHAIR, SECRETARY).rule());
    t.put(RespondToAnnotation.class, r().any(CHAIR, SECRETARY).rule());
    // Opinions (the report's table)
    t.put(RecordWrittenOpinion.class, r().any(CHAIR, SECRETARY).rule());
    t.put(ImportWrittenOpinions.class, r().any(CHAIR, SECRETARY).rule());
    t.put(RecordSpeechSummary.class, r().any(CHAIR, SECRETARY).rule());
    t.put(RespondToOpinion.class, r().any(CHAIR, SECRETARY).rule());
    t.put(MergeOpinions.class, r().any(CHAIR, SECRETARY).rule());
    t.put(UnmergeOpinion.class, r().any(CHAIR, SECRETARY).rule());
    // The report's heading block and signature
    t.put(SetReportHeading.class, r().organizer().any(CHAIR, SECRETARY).rule());

    for (Class<?> sub : Command.class.getPermittedSubclasses()) {
      if (!t.containsKey(sub)) {
        throw new IllegalStateException("no permission rule for " + sub.getSimpleName());
      }
    }
    return Collections.unmodifiableMap(t);
  }

  private static RuleBuilder r() {
    return new RuleBuilder();
  }

  private static final class RuleBuilder {
    private boolean organizer;
    private final EnumSet<Role> any = EnumSet.noneOf(Role.class);
    private final EnumSet<Role> own = EnumSet.noneOf(Role.class);
    private boolean anonymous;
    private boolean system;
    private String condition = "";

    RuleBuilder organizer() {
      organizer = true;
      return this;
    }

    RuleBuilder any(Role... roles) {
      any.addAll(Set.of(roles));
      return this;
    }

    RuleBuilder own(Role... roles) {
      own.addAll(Set.of(roles));
      return this;
    }

    RuleBuilder anonymous() {
      anonymous = true;
      return this;
    }

    RuleBuilder system() {
      system = true;
      return this;
    }

    RuleBuilder when(String c) {
      condition = c;
      return this;
    }

    Rule rule() {
      return new Rule(organizer, Collections.unmodifiableSet(any), Collections.unmodifiableSet(own), anonymous, system,
          own.isEmpty() ? Scope.NONE : Scope.ENDPOINT, condition);
    }
  }
}
