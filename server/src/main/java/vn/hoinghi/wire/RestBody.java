package vn.hoinghi.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import vn.hoinghi.domain.AnnotationKind;
import vn.hoinghi.domain.ConferenceStatus;
import vn.hoinghi.domain.ConferenceView;
import vn.hoinghi.domain.JoinCode;
import vn.hoinghi.domain.Nullable;
import vn.hoinghi.domain.ResponseKind;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.ImportProblem;
import vn.hoinghi.domain.Role;
import vn.hoinghi.wire.ServerMessage.BilingualText;

/**
 * The bodies of the REST answers the web client reads (docs/api.md), one record each, encoded by {@link Codec} like
 * the {@link ServerMessage}s: nulls are omitted unless a component is written always. {@link ProtocolSchema} emits a
 * definition for each, named after its record, from which the client's types are generated. Components are in wire
 * order. A {@code kind} or {@code status} typed by a one-constant enum is that constant on the wire, so the client
 * can tell the bodies of one route apart.
 */
public sealed interface RestBody {

  /** The tokens every sign-in answers with; written in place ({@link JsonUnwrapped}) in the bodies below. */
  record TokenPair(String accessToken, String refreshToken, long expiresIn) {}

  enum ParticipantKind { @JsonProperty("participant") PARTICIPANT }

  enum OrganizerKind { @JsonProperty("organizer") ORGANIZER }

  enum ChooseKind { @JsonProperty("choose") CHOOSE }

  enum Pending { PENDING }

  enum Admitted { ADMITTED }

  /** A join request not admitted (yet). */
  enum Undecided { PENDING, REFUSED }

  /** A participant's tokens, with the roles and hall read from the roster; no hall is {@code "endpointId": null}. */
  record ParticipantTokens(@JsonUnwrapped TokenPair tokens, ParticipantKind kind, String conferenceId,
      String participantId, String name, List<Role> roles, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String endpointId)
      implements RestBody {}

  /** An organizer's tokens; the account fields on login, none on refresh. */
  record OrganizerTokens(@JsonUnwrapped TokenPair tokens, OrganizerKind kind, @Nullable String accountId,
      @Nullable String name, @Nullable List<String> conferences) implements RestBody {}

  /** A login whose account takes part in several conferences and named none: the client asks which. */
  record LoginChoice(ChooseKind kind, List<String> conferences) implements RestBody {}

  /** {@code GET /api/conferences}: every conference this server knows. */
  record ConferenceList(List<ConferenceSummary> conferences) implements RestBody {}

  /** A conference in the list; the fields beyond its id once it was created. */
  record ConferenceSummary(String conferenceId, @Nullable String title, @Nullable ConferenceStatus status,
      @Nullable Instant startsAt) {}

  /** {@code GET /api/info}: what this server is; the demo's fields only when this start seeded the demo. */
  record ServerInfoBody(String product, String version, boolean demo, @Nullable String demoConferenceId,
      @Nullable String demoPassword, @Nullable List<DemoLogin> demoLogins) implements RestBody {}

  record DemoLogin(String username, String displayName, String role) {}

  /** {@code GET /api/join/code}: what a code opens before joining. */
  record JoinCodeInfo(String conferenceId, String title, ConferenceStatus status, JoinCode.Kind kind,
      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Instant startsAt, Role role,
      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String endpointId,
      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String endpointName,
      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String endpointCode, boolean usable,
      @Nullable String name, @Nullable CodeRefusal refusal, @Nullable List<HallDelegate> delegates) implements RestBody {}

  /** Why a code cannot be used now, in the error's words. */
  record CodeRefusal(String code, BilingualText message) {}

  /** A name on a hall's delegate list, as the join page shows it (no contact details). */
  record HallDelegate(String participantId, String fullName,
      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String position) {}

  /** {@code POST /api/join} answered 202: a hall's shared link opened a request its host decides. */
  record JoinPending(Pending status, String conferenceId, String requestId, String requestKey, String displayName,
      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String endpointId, boolean duplicate) implements RestBody {}

  /** {@code GET /api/join/requests/{id}} while waiting or once refused (with the reason, when one was given). */
  record JoinRequestState(Undecided status, String requestId, String conferenceId, @Nullable String reason)
      implements RestBody {}

  /** {@code GET /api/join/requests/{id}} once admitted: the participant's tokens. */
  record JoinAdmitted(@JsonUnwrapped ParticipantTokens tokens, Admitted status, String requestId) implements RestBody {}

  /** {@code GET /api/conferences/{id}/state}: the caller's view and the event it is as of. */
  record ConferenceState(long upTo, ConferenceView state) implements RestBody {}

  /** {@code GET /api/conferences/{id}/participants/{pid}}: a name for an id seen in the feed. */
  record ParticipantInfo(String participantId, String displayName,
      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String endpointId, boolean active, List<Role> roles)
      implements RestBody {}

  /** {@code POST /api/conferences} answered 201. */
  record CreatedConference(String conferenceId, long firstSeq, long lastSeq) implements RestBody {}

  /** {@code POST /api/accounts} answered 201. */
  record CreatedAccount(String accountId, String username) implements RestBody {}

  /** {@code GET …/delegates}: the halls' delegate lists, with each delegate's personal code and join link. */
  record DelegateList(String conferenceId, List<DelegateListing> delegates) implements RestBody {}

  /** A listed delegate; the details the list left empty are written as null. */
  record DelegateListing(String participantId, String fullName,
      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String position,
      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String unit, String endpointId, String endpointCode,
      String endpointName, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String phone,
      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String email, String personalCode, String joinUrl,
      boolean signedIn, boolean markedPresent, boolean online) {}

  /** {@code GET …/attendance}: registered, present and absent delegates per hall the caller may see, and in all. */
  record Attendance(List<AttendanceHall> endpoints, int registered, int present, int absent) implements RestBody {}

  record AttendanceHall(String endpointId, String code, String name, int registered, int present, int absent,
      List<AttendancePerson> people) {}

  /** Present: connected now, or marked present by the host. */
  record AttendancePerson(String participantId, String name, boolean listed, boolean online, boolean markedPresent,
      boolean present) {}

  /** {@code GET …/drafts}: the draft's versions, the current one last. */
  record DraftVersionList(int current, List<VersionInfo> versions) implements RestBody {}

  record VersionInfo(int version, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String note,
      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String importedBy,
      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Instant importedAt,
      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String title, int articles) {}

  /** {@code GET …/drafts/orphans}: annotations whose quoted passage is in no node of the current version. */
  record OrphanList(int currentVersion, List<Orphan> orphans) implements RestBody {}

  record Orphan(String annotationId, AnnotationKind kind, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String nodeId,
      int draftVersion, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String body, String authorId,
      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String endpointId, @Nullable String quote,
      @Nullable String replacement, @Nullable ResponseKind response) {}

  enum DraftFormat { @JsonProperty("text") TEXT, @JsonProperty("docx") DOCX }

  /**
   * {@code POST …/draft/preview}: what the importer finds in a draft, changing nothing. A .docx's problems and notices
   * number the lines of the text made from it, sent along as {@code text}.
   */
  record DraftPreview(boolean ok, List<ImportProblem> problems, DraftFormat format, List<ImportProblem> notices,
      @Nullable String text, @Nullable DraftDocument document) implements RestBody {}

  enum AckType { @JsonProperty("ack") ACK }

  /**
   * {@code POST …/invites} answered 201: the command's ack (the fields of {@link ServerMessage.AckMessage}, written out:
   * the codec cannot unwrap a typed message), the code drawn and the link that opens it.
   */
  record IssuedInvite(AckType type, String id, long firstSeq, long lastSeq, boolean duplicate, String code,
      String joinUrl) implements RestBody {}
}
