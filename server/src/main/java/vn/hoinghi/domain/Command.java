package vn.hoinghi.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hoinghi.domain.anchoring.TextPositionSelector;
import vn.hoinghi.domain.anchoring.TextQuoteSelector;

/**
 * Everything a caller can ask of a conference. Plain data: the wire layer maps each record to JSON by reflection,
 * with its stored name from {@code wire.TypeNames} as its "type" (docs/commands.md is generated from this file).
 * Nothing is validated here; invalid input is a {@link Rejection} from {@link Conference#decide}, not an exception.
 * Who may send each command is in {@link Permissions} and docs/roles.md.
 */
public sealed interface Command {

  // --- The conference ---------------------------------------------------------------------------------------------

  /** Creates the conference (status DRAFT). Only the first command of a conference. */
  record CreateConference(String title, String description, Instant startsAt, Instant endsAt, VoteMode defaultVoteMode,
      int speakingLimitSeconds) implements Command {}

  record UpdateConferenceDetails(String title, String description, Instant startsAt, Instant endsAt) implements Command {}

  record UpdateSettings(VoteMode defaultVoteMode, int speakingLimitSeconds) implements Command {}

  /** DRAFT → SCHEDULED; needs the central endpoint and a chair. */
  record ScheduleConference() implements Command {}

  /** SCHEDULED → LIVE. */
  record StartConference() implements Command {}

  /** LIVE → FEEDBACK_OPEN until {@code deadline}; closes open votes and ends the turn in progress. */
  record OpenFeedback(Instant deadline) implements Command {}

  record SetFeedbackDeadline(Instant deadline) implements Command {}

  /** → CLOSED: by the chair from LIVE or FEEDBACK_OPEN, or by SYSTEM once the feedback deadline has passed. */
  record CloseConference() implements Command {}

  // --- Endpoints --------------------------------------------------------------------------------------------------

  record AddEndpoint(String code, String name, String region, EndpointLevel level) implements Command {}

  /**
   * Adds many endpoints at once (the CSV import): all of them or none. Each row is checked as {@link AddEndpoint},
   * against the conference and against the rows before it.
   */
  record ImportEndpoints(List<AddEndpoint> endpoints) implements Command {}

  record UpdateEndpoint(String endpointId, String name, String region) implements Command {}

  record CheckInEndpoint(String endpointId, int headCount) implements Command {}

  record UpdateHeadCount(String endpointId, int headCount) implements Command {}

  record CheckOutEndpoint(String endpointId) implements Command {}

  // --- Participants and invites -----------------------------------------------------------------------------------

  record RegisterParticipant(String displayName, Set<Role> roles, String endpointId) implements Command {}

  record UpdateParticipant(String participantId, String displayName, Set<Role> roles, String endpointId)
      implements Command {}

  record RemoveParticipant(String participantId) implements Command {}

  /**
   * {@code code} is drawn by the server's gateway, never sent by a client (the protocol schema leaves it out); the core
   * checks its shape ({@link InviteRules}) and that it is new. {@code maxUses} and {@code expiresAt} may be null: then
   * {@link InviteRules#DEFAULT_USES} uses and {@link InviteRules#DEFAULT_DAYS} days.
   */
  record IssueInvite(String code, Role role, String endpointId, Integer maxUses, Instant expiresAt) implements Command {
    public IssueInvite withCode(String drawn) {
      return new IssueInvite(drawn, role, endpointId, maxUses, expiresAt);
    }
  }

  record RevokeInvite(String code) implements Command {}

  /**
   * From an anonymous actor. With a personal code (a listed delegate's, or a single-use delegate invite already used)
   * it signs that participant in again (a new session; the earlier one ends) and never creates a participant. With a
   * hall's shared delegate link (more than one use) it creates a {@link JoinRequest} for the hall's host to admit;
   * {@code claimParticipantId} picks a listed delegate of the hall instead of a new name, {@code requestKeyHash} is
   * the SHA-256 (hex) of the secret with which the requester later learns the answer. Any other invite (host,
   * observer, single-use delegate) creates a participant with the invite's role and endpoint at once.
   */
  record JoinWithInvite(String code, String displayName, String claimParticipantId, String requestKeyHash)
      implements Command {
    public JoinWithInvite(String code, String displayName) {
      this(code, displayName, null, null);
    }
  }

  /** Lists delegates of the halls (danh sách đại biểu): every row is checked first; any problem and nothing is added. */
  record ImportDelegates(List<DelegateEntry> delegates) implements Command {}

  /** Changes what the delegate list says of a listed delegate (the name through {@link UpdateParticipant}). */
  record UpdateDelegateDetails(String participantId, String position, String unit, String phone, String email)
      implements Command {}

  /** Admits a pending join request; {@code confirmDuplicate} must be true when the request is marked a duplicate. */
  record AdmitJoinRequest(String requestId, boolean confirmDuplicate) implements Command {}

  record RefuseJoinRequest(String requestId, String reason) implements Command {}

  /** Ends every session of a participant (lost phone, wrong person): their tokens stop working, connections close. */
  record EndSessions(String participantId) implements Command {}

  /** Attendance (điểm danh) of one person by the hall's host: present or not, whatever their device does. */
  record MarkAttendance(String participantId, boolean present) implements Command {}

  // --- Agenda -----------------------------------------------------------------------------------------------------

  /** {@code position} null appends; {@code nodeIds} are chapters or articles of the current draft (may be empty). */
  record AddAgendaItem(String title, AgendaItemKind kind, int plannedMinutes, List<String> nodeIds, Integer position)
      implements Command {}

  record UpdateAgendaItem(String itemId, String title, AgendaItemKind kind, int plannedMinutes, List<String> nodeIds)
      implements Command {}

  record MoveAgendaItem(String itemId, int position) implements Command {}

  record RemoveAgendaItem(String itemId) implements Command {}

  /** Makes the item current (completing the current one); its start time is the decision time. */
  record StartAgendaItem(String itemId) implements Command {}

  record CompleteAgendaItem() implements Command {}

  // --- Draft ------------------------------------------------------------------------------------------------------

  /** Imports a new version from plain text or Markdown; refused with the importer's problems if it has any. */
  record ImportDraft(String text, String note) implements Command {}

  // --- Voting -----------------------------------------------------------------------------------------------------

  /**
   * Opens a vote on articles of the current draft. {@code nodeIds} may name articles or chapters, sections or parts
   * (meaning all their articles), or a clause that holds alternative wordings. A target with alternatives (phương án)
   * is voted by choosing one of them. {@code mode} null takes the conference default.
   */
  record OpenVote(String title, List<String> nodeIds, VoteMode mode) implements Command {}

  /**
   * {@code text} only with OTHER (ý kiến khác), optional. On a target with alternatives a ballot is AGREE with the
   * chosen {@code alternativeId}, or OTHER with its text required; {@code alternativeId} is refused elsewhere. Casting
   * again replaces the earlier ballot.
   */
  record CastBallot(String voteId, String articleId, Choice choice, String text, String alternativeId)
      implements Command {
    public CastBallot(String voteId, String articleId, Choice choice, String text) {
      this(voteId, articleId, choice, text, null);
    }
  }

  /**
   * A hall's collective result. On a target with alternatives, {@code alternatives} gives the count per alternative
   * id, {@code agree} is their sum (0 is taken as the sum) and {@code disagree} is 0; elsewhere it must be absent.
   */
  record RecordHallResult(String voteId, String articleId, String endpointId, int agree, int disagree, int other,
      Map<String, Integer> alternatives) implements Command {
    public RecordHallResult(String voteId, String articleId, String endpointId, int agree, int disagree, int other) {
      this(voteId, articleId, endpointId, agree, disagree, other, null);
    }
  }

  record ClearHallResult(String voteId, String articleId, String endpointId) implements Command {}

  record CloseVote(String voteId) implements Command {}

  record ReopenVote(String voteId) implements Command {}

  // --- Speaker queue ----------------------------------------------------------------------------------------------

  record OpenSpeakerQueue() implements Command {}

  record CloseSpeakerQueue() implements Command {}

  /** A delegate for themself ({@code forHall} false) or a host for the hall; {@code articleId} optional. */
  record RequestFloor(FloorKind kind, String articleId, boolean forHall) implements Command {}

  record WithdrawFloorRequest(String requestId) implements Command {}

  record ApproveFloorRequest(String requestId) implements Command {}

  record RejectFloorRequest(String requestId, String reason) implements Command {}

  /** Moves a waiting request to {@code position} (0 = front). */
  record MoveFloorRequest(String requestId, int position) implements Command {}

  record GrantFloor(String requestId) implements Command {}

  record PauseSpeech() implements Command {}

  record ResumeSpeech() implements Command {}

  record EndSpeech() implements Command {}

  // --- Annotations ------------------------------------------------------------------------------------------------

  /**
   * Annotates a node of the current draft version. Both selectors null: about the whole node. Otherwise both are
   * required; {@code quote.exact} must be the node's text at {@code position}; prefix and suffix may be null (the core
   * computes them) or must match. {@code replacement} is required for PROPOSED_WORDING and refused otherwise.
   */
  record AddAnnotation(String nodeId, AnnotationKind kind, String body, String replacement, TextQuoteSelector quote,
      TextPositionSelector position) implements Command {}

  record ReplyToAnnotation(String annotationId, String body) implements Command {}

  record EditAnnotation(String annotationId, String body, String replacement) implements Command {}

  record DeleteAnnotation(String annotationId) implements Command {}

  record HideAnnotation(String annotationId, String reason) implements Command {}

  record RestoreAnnotation(String annotationId) implements Command {}

  record RespondToAnnotation(String annotationId, ResponseKind response, String text) implements Command {}

  // --- Opinions (the report's table) -------------------------------------------------------------------------------

  /**
   * Records an opinion an agency sent in writing: {@code agency} (cơ quan), its công văn {@code letterNumber} and
   * {@code letterDate} (both optional; the date as yyyy-mm-dd), {@code nodeId} a node of the current draft (null: the text as a whole) and the
   * {@code text}. By the chair or the secretary, until the conference is closed.
   */
  record RecordWrittenOpinion(String agency, String letterNumber, String letterDate, String nodeId,
      String text) implements Command {}

  /** Many written opinions at once (the XLSX/CSV import): each checked as {@link RecordWrittenOpinion}; all or none. */
  record ImportWrittenOpinions(List<RecordWrittenOpinion> opinions) implements Command {}

  /**
   * The secretary's short summary of a speech, the one in progress or one that ended ({@code requestId} of its floor
   * request); recording again replaces it. A summarized speech is an opinion of the report's table.
   */
  record RecordSpeechSummary(String requestId, String summary) implements Command {}

  /**
   * Answers any opinion of the report's table by its id: an annotation ("ann-…", as {@link RespondToAnnotation}), a
   * ballot's "ý kiến khác" ("vo-…"), a summarized speech (its request id, "fr-…") or a written opinion ("wo-…").
   * {@code text} is required for EXPLAINED. Answering again replaces the answer.
   */
  record RespondToOpinion(String opinionId, ResponseKind response, String text) implements Command {}

  /**
   * Merges identical or near-identical opinions into one row of the table: the first id's row, listing every source;
   * its answer answers them all. 2–50 ids, none already merged into another row.
   */
  record MergeOpinions(List<String> opinionIds) implements Command {}

  /** Takes an opinion out of the row it was merged into; it is a row of its own again. */
  record UnmergeOpinion(String opinionId) implements Command {}

  // --- The report's thể thức văn bản --------------------------------------------------------------------------------

  /**
   * Sets the report's heading block and signature for the conference (issuing body, the body above it, number, place,
   * Ban soạn thảo or Tổ biên tập, state or Party style, TM./KT./Q./no signature, the head's and the signer's titles,
   * the signer's name, "Nơi nhận"): the defaults of every report and comparison table download, which a request's
   * query parameters still override. Replaces the whole heading; a field left out takes its default. By an organizer,
   * the chair or the secretary, in every status (the report is filed after the conference is closed).
   */
  record SetReportHeading(ReportHeading heading) implements Command {}
}
