package vn.hoinghi.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hoinghi.domain.anchoring.TextPositionSelector;
import vn.hoinghi.domain.anchoring.TextQuoteSelector;
import vn.hoinghi.domain.document.DraftDocument;

/**
 * Every fact the log records. The state is the fold of these, so each carries everything the fold needs (generated
 * ids, the writer's time where a clock matters): replay never consults anything but the log. Plain data, mapped to
 * JSON by reflection with its stored name from {@code wire.TypeNames} as "type". Who receives each event is
 * {@link ConferenceViews#audienceOf(Event)}.
 */
public sealed interface Event {

  // --- Groups the live engine treats alike (sealed: adding a member is a decision in this file) -------------------

  /**
   * An event of one vote that changes what its tally frames show: opened, a ballot, a hall's result recorded or
   * cleared, closed, reopened. {@link BallotsWithdrawn} is not one: it names the participant and several votes.
   */
  sealed interface VoteEvent extends Event {
    String voteId();
  }

  /**
   * An event that changes who a participant is: registered (also by joining), listed, changed (roles, hall) or
   * removed. Connections are indexed by participant and role, so these re-index them. Endpoints, invites and
   * admission requests are not: they change no participant.
   */
  sealed interface RosterEvent extends Event {}

  /** A participant's sign-in sessions change: connections of an earlier session are closed. */
  sealed interface SessionEvent extends Event {
    String participantId();

    int session();
  }

  /**
   * Every event record, through the groups above (a sealed interface's permitted classes list a group, not its
   * records). For the tables and the stored names, which need one entry per record.
   */
  static List<Class<?>> records() {
    return Dispatch.records(Event.class);
  }

  // --- The conference ---------------------------------------------------------------------------------------------

  record ConferenceCreated(String conferenceId, String title, String description, @Nullable Instant startsAt,
      @Nullable Instant endsAt, VoteMode defaultVoteMode, int speakingLimitSeconds) implements Event {}

  record ConferenceDetailsUpdated(String title, String description, @Nullable Instant startsAt,
      @Nullable Instant endsAt) implements Event {}

  record SettingsUpdated(VoteMode defaultVoteMode, int speakingLimitSeconds) implements Event {}

  record ConferenceScheduled() implements Event {}

  record ConferenceStarted(Instant at) implements Event {}

  record FeedbackOpened(Instant at, Instant deadline) implements Event {}

  record FeedbackDeadlineChanged(Instant deadline) implements Event {}

  record ConferenceClosed(Instant at) implements Event {}

  // --- Endpoints --------------------------------------------------------------------------------------------------

  record EndpointAdded(String endpointId, String code, String name, @Nullable String region, EndpointLevel level)
      implements Event {}

  /** The endpoints of one {@link Command.ImportEndpoints}: one event, so the import is committed whole or not at all. */
  record EndpointsImported(List<EndpointAdded> endpoints) implements Event {}

  record EndpointUpdated(String endpointId, String name, @Nullable String region) implements Event {}

  record EndpointCheckedIn(String endpointId, int headCount, Instant at) implements Event {}

  record HeadCountUpdated(String endpointId, int headCount) implements Event {}

  record EndpointCheckedOut(String endpointId, Instant at) implements Event {}

  // --- Participants and invites -----------------------------------------------------------------------------------

  /** Also the result of joining with an invite (followed by {@link InviteUsed}). */
  record ParticipantRegistered(String participantId, String displayName, Set<Role> roles, @Nullable String endpointId)
      implements RosterEvent {
    public ParticipantRegistered {
      roles = Roles.copy(roles);
    }
  }

  record ParticipantUpdated(String participantId, String displayName, Set<Role> roles, @Nullable String endpointId)
      implements RosterEvent {
    public ParticipantUpdated {
      roles = Roles.copy(roles);
    }
  }

  record ParticipantRemoved(String participantId) implements RosterEvent {}

  /**
   * Delegates of one hall's list, added at once (one event per hall of an imported list, so a list of thousands is one
   * atomic append): each becomes an active participant with the role DELEGATE at {@code endpointId}.
   */
  record DelegatesListed(String endpointId, List<ListedDelegate> delegates) implements RosterEvent {
    public DelegatesListed {
      delegates = List.copyOf(delegates);
    }
  }

  /** What the delegate list now says of a listed delegate (a change after the list was imported). */
  record DelegateDetailsRecorded(String participantId, @Nullable String position, @Nullable String unit,
      @Nullable String phone, @Nullable String email) implements Event {}

  /**
   * Somebody asked to join through a hall's shared link. No participant exists yet. {@code keyHash}: the SHA-256 of
   * the requester's secret (the secret itself is never stored).
   */
  record JoinRequested(String requestId, String code, String endpointId, String displayName,
      @Nullable String claimedParticipantId, @Nullable String duplicateOf, String keyHash,
      Instant at) implements Event {}

  /** The request became {@code participantId}: a new participant, or the listed delegate it claimed. */
  record JoinRequestAdmitted(String requestId, String participantId, String admittedBy) implements Event {}

  record JoinRequestRefused(String requestId, @Nullable String reason, String refusedBy) implements Event {}

  /**
   * A participant signed in on a device (personal code, admitted claim): session {@code session} starts and every
   * earlier one ends; tokens carry the session they were issued for.
   */
  record SessionStarted(String participantId, int session, Instant at) implements SessionEvent {}

  /** Every session of the participant ends (revoked by a host or a moderator); the next sign-in starts a new one. */
  record SessionsEnded(String participantId, int session, String endedBy) implements SessionEvent {}

  record AttendanceMarked(String participantId, boolean present, Instant at) implements Event {}

  /**
   * The ballots a removed participant had cast in votes still open are withdrawn from the tallies. For a secret vote
   * the ballots are found by the voter key, which the log never pairs with the person: the event names only the
   * participant, the votes and how many ballots were withdrawn.
   */
  record BallotsWithdrawn(String participantId, List<String> voteIds, int count) implements Event {
    public BallotsWithdrawn {
      voteIds = List.copyOf(voteIds);
    }
  }

  record InviteIssued(String code, Role role, String endpointId, int maxUses, Instant expiresAt, String issuedBy)
      implements Event {}

  record InviteRevoked(String code) implements Event {}

  record InviteUsed(String code, String participantId) implements Event {}

  // --- Agenda -----------------------------------------------------------------------------------------------------

  record AgendaItemAdded(String itemId, String title, AgendaItemKind kind, int plannedMinutes, List<String> nodeIds,
      int position) implements Event {
    public AgendaItemAdded {
      nodeIds = List.copyOf(nodeIds);
    }
  }

  record AgendaItemUpdated(String itemId, String title, AgendaItemKind kind, int plannedMinutes, List<String> nodeIds)
      implements Event {
    public AgendaItemUpdated {
      nodeIds = List.copyOf(nodeIds);
    }
  }

  record AgendaItemMoved(String itemId, int position) implements Event {}

  record AgendaItemRemoved(String itemId) implements Event {}

  record AgendaItemStarted(String itemId, Instant at) implements Event {}

  record AgendaItemCompleted(String itemId, Instant at) implements Event {}

  // --- Draft ------------------------------------------------------------------------------------------------------

  /** The whole parsed document with its stable ids, so replay never runs the importer again. */
  record DraftVersionImported(int version, DraftDocument document, String note, String importedBy, Instant at)
      implements Event {}

  /** An annotation found its quote again in a new version (possibly in another node), or was orphaned. */
  record AnnotationReanchored(String annotationId, int draftVersion, String nodeId, @Nullable TextQuoteSelector quote,
      @Nullable TextPositionSelector position, boolean orphaned) implements Event {}

  // --- Voting -----------------------------------------------------------------------------------------------------

  /**
   * {@code alternatives}: for each target that holds alternative wordings, the alternatives (ids and labels) a ballot
   * chooses between; absent (null) when no target has any, as in every log written before alternatives existed.
   */
  record VoteOpened(String voteId, @Nullable String title, List<String> articleIds, VoteMode mode, int draftVersion,
      Instant at, @Nullable Map<String, List<Alternative>> alternatives) implements VoteEvent {
    public VoteOpened {
      articleIds = List.copyOf(articleIds);
      alternatives = alternatives == null || alternatives.isEmpty() ? null : Alternatives.copy(alternatives);
    }

    public VoteOpened(String voteId, String title, List<String> articleIds, VoteMode mode, int draftVersion, Instant at) {
      this(voteId, title, articleIds, mode, draftVersion, at, null);
    }
  }

  /** A ballot of a named vote; {@code alternativeId} the chosen alternative, absent on targets without any. */
  record BallotCast(String voteId, String articleId, String participantId, @Nullable String endpointId, Choice choice,
      @Nullable String text, @Nullable String alternativeId) implements VoteEvent {
    public BallotCast(String voteId, String articleId, String participantId, String endpointId, Choice choice,
        String text) {
      this(voteId, articleId, participantId, endpointId, choice, text, null);
    }
  }

  /** A ballot of an anonymous vote: only the voter key, never the participant. */
  record SecretBallotCast(String voteId, String articleId, String voterKey, @Nullable String endpointId, Choice choice,
      @Nullable String text, @Nullable String alternativeId) implements VoteEvent {
    public SecretBallotCast(String voteId, String articleId, String voterKey, String endpointId, Choice choice,
        String text) {
      this(voteId, articleId, voterKey, endpointId, choice, text, null);
    }
  }

  /** {@code alternatives}: counts per alternative on a target with alternatives, absent otherwise. */
  record HallResultRecorded(String voteId, String articleId, String endpointId, int agree, int disagree, int other,
      String recordedBy, @Nullable Map<String, Integer> alternatives) implements VoteEvent {
    public HallResultRecorded(String voteId, String articleId, String endpointId, int agree, int disagree, int other,
        String recordedBy) {
      this(voteId, articleId, endpointId, agree, disagree, other, recordedBy, null);
    }
  }

  record HallResultCleared(String voteId, String articleId, String endpointId) implements VoteEvent {}

  record VoteClosed(String voteId, Instant at) implements VoteEvent {}

  record VoteReopened(String voteId, Instant at) implements VoteEvent {}

  // --- Speaker queue ----------------------------------------------------------------------------------------------

  record SpeakerQueueOpened() implements Event {}

  record SpeakerQueueClosed() implements Event {}

  /** Joins the end of the queue, or for a point of order the front (behind earlier points of order). */
  record FloorRequested(String requestId, String participantId, @Nullable String endpointId, FloorKind kind,
      @Nullable String articleId, boolean forHall, Instant at) implements Event {}

  record FloorRequestWithdrawn(String requestId) implements Event {}

  record FloorRequestApproved(String requestId) implements Event {}

  record FloorRequestRejected(String requestId, @Nullable String reason) implements Event {}

  record FloorRequestMoved(String requestId, int position) implements Event {}

  record FloorGranted(String requestId, String participantId, Instant at, int limitSeconds) implements Event {}

  record SpeechPaused(String requestId, Instant at) implements Event {}

  record SpeechResumed(String requestId, Instant at) implements Event {}

  record SpeechEnded(String requestId, Instant at, long spokenSeconds) implements Event {}

  // --- Annotations ------------------------------------------------------------------------------------------------

  record AnnotationAdded(String annotationId, String authorId, @Nullable String endpointId, int draftVersion,
      String nodeId, AnnotationKind kind, String body, @Nullable String replacement, @Nullable TextQuoteSelector quote,
      @Nullable TextPositionSelector position, Instant at) implements Event {}

  record ReplyAdded(String annotationId, String replyTo, String authorId, @Nullable String endpointId, String body,
      Instant at) implements Event {}

  record AnnotationEdited(String annotationId, String body, @Nullable String replacement,
      Instant at) implements Event {}

  record AnnotationDeleted(String annotationId, Instant at) implements Event {}

  /** Carries no text: it goes to everyone, and the text must not. */
  record AnnotationHidden(String annotationId, @Nullable String reason, String hiddenBy, Instant at) implements Event {}

  /** Carries the text again, for screens that only ever saw the annotation hidden. */
  record AnnotationRestored(String annotationId, @Nullable String body,
      @Nullable String replacement) implements Event {}

  record AnnotationResponded(String annotationId, ResponseKind response, @Nullable String text, String respondedBy,
      Instant at) implements Event {}

  // --- Opinions (the report's table) -------------------------------------------------------------------------------

  record WrittenOpinionRecorded(String opinionId, String agency, @Nullable String letterNumber,
      @Nullable String letterDate, @Nullable String nodeId, int draftVersion, String text, String recordedBy,
      Instant at) implements Event {}

  record WrittenOpinionsImported(List<WrittenOpinionRecorded> opinions) implements Event {
    public WrittenOpinionsImported {
      opinions = List.copyOf(opinions);
    }
  }

  record SpeechSummaryRecorded(String requestId, String summary, String recordedBy, Instant at) implements Event {}

  /** The answer to an opinion that is not an annotation (annotations keep {@link AnnotationResponded}). */
  record OpinionResponded(String opinionId, ResponseKind response, @Nullable String text, String respondedBy,
      Instant at) implements Event {}

  record OpinionsMerged(String intoId, List<String> opinionIds) implements Event {
    public OpinionsMerged {
      opinionIds = List.copyOf(opinionIds);
    }
  }

  record OpinionUnmerged(String opinionId) implements Event {}

  // --- The report's thể thức văn bản --------------------------------------------------------------------------------

  /** The heading as stored, checked and normalized ({@link ReportHeading#checked()}); replaces the one before. */
  record ReportHeadingSet(ReportHeading heading, String setBy, Instant at) implements Event {}
}
