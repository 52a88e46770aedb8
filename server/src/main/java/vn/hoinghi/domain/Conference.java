package vn.hoinghi.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The conference aggregate. Commands are checked by {@link #decide} against the current state and the actor's roles
 * and turned into events without changing anything; the writer appends the events and folds each one back in with
 * {@link #apply}. The state is only ever the fold of the log, so replaying the log into {@link #empty} rebuilds it
 * exactly. One writer owns an instance: nothing here is thread-safe, and nothing needs to be.
 *
 * <p>The writer must apply a command's events before deciding the next command, because ids of new objects are
 * derived from the sequence numbers the events will get ({@code version() + 1 ...}).
 */
public final class Conference {

  private final String conferenceId;
  private final BallotSealer sealer;
  private long version;
  final Lifecycle lifecycle = new Lifecycle(this);
  final Roster roster = new Roster(this);
  final Invites invites = new Invites(this);
  final Agenda agenda = new Agenda(this);
  final Drafts drafts = new Drafts(this);
  final Voting voting = new Voting(this);
  final SpeakerQueue speakerQueue = new SpeakerQueue(this);
  final Annotations annotations = new Annotations(this);
  final Admission admission = new Admission(this);
  final Opinions opinions = new Opinions(this);
  final ReportSetup reportSetup = new ReportSetup();
  /** Idempotency memory: recorded actor → commandId → the events it produced. Rebuilt from the log on replay. */
  private final Map<String, Map<String, SeqRange>> commands = new HashMap<>();
  private final Tables tables = Tables.create();
  private final ConferenceViews views = new ConferenceViews(this, tables.audiences());

  private Conference(String conferenceId, BallotSealer sealer) {
    this.conferenceId = Objects.requireNonNull(conferenceId, "conferenceId");
    this.sealer = Objects.requireNonNull(sealer, "sealer");
    lifecycle.register(tables);
    roster.register(tables);
    invites.register(tables);
    agenda.register(tables);
    drafts.register(tables);
    voting.register(tables);
    speakerQueue.register(tables);
    annotations.register(tables);
    admission.register(tables);
    opinions.register(tables);
    reportSetup.register(tables);
    tables.complete();
  }

  public static Conference empty(String conferenceId, BallotSealer sealer) {
    return new Conference(conferenceId, sealer);
  }

  // --- Commands in, events out ------------------------------------------------------------------------------------

  /**
   * Checks a command against the state at {@link #version()} and the decision time {@code now}; never changes the
   * state. Checks run in this order: the commandId, the actor, an idempotent repeat, the actor's roles, then the
   * command's own checks (input, existence, endpoint, state, conflicts, limits).
   */
  public Decision decide(CommandEnvelope env, Instant now) {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(now, "now");
    if (env.commandId() == null || !Check.COMMAND_ID.matcher(env.commandId()).matches()) {
      return rejected(RejectionCode.INVALID, "Mã lệnh (commandId) phải gồm 1–64 ký tự A-Z a-z 0-9 . _ : -",
          "A commandId is 1–64 characters of A-Z a-z 0-9 . _ : -");
    }
    Actor actor = env.actor();
    Participant participant = null;
    if (actor.kind() == Actor.Kind.PARTICIPANT) {
      participant = roster.participants.get(actor.id());
      if (participant == null || !participant.active()) {
        return rejected(RejectionCode.FORBIDDEN, "Bạn không phải người tham dự hội nghị này",
            "You are not a participant of this conference");
      }
    }
    String recordedActor = recordedActor(env, participant);
    SeqRange done = commands.getOrDefault(recordedActor, Map.of()).get(env.commandId());
    if (done != null) {
      return new Decision.AlreadyApplied(done.first(), done.last());
    }
    Command command = env.command();
    Permissions.Rule rule = Permissions.rule(command.getClass());
    if (!Permissions.mayIssue(rule, actor.kind(), participant == null ? Set.of() : participant.roles())) {
      return rejected(RejectionCode.FORBIDDEN, "Vai trò của bạn không được thực hiện thao tác này",
          "Your role does not allow this command");
    }
    if (lifecycle.info == null && command.getClass() != Command.CreateConference.class) {
      return rejected(RejectionCode.NOT_FOUND, "Hội nghị chưa được tạo", "The conference has not been created");
    }
    Decide d = new Decide(env, now, version + 1, participant, rule);
    try {
      tables.handlers().apply(command, d);
    } catch (Reject r) {
      return new Decision.Rejected(r.rejection);
    }
    return new Decision.Accepted(d.events(), recordedActor);
  }

  /**
   * The actor the log records. A ballot of an anonymous vote is recorded under the voter key, so that the log never
   * pairs a participant with a secret choice; the idempotency check uses the same key.
   */
  private String recordedActor(CommandEnvelope env, Participant participant) {
    if (participant != null && env.command() instanceof Command.CastBallot c && c.voteId() != null) {
      Vote v = voting.votes.get(c.voteId());
      if (v != null && v.mode() == VoteMode.ANONYMOUS) {
        return "voter:" + voterKey(v.id(), participant.id());
      }
    }
    return env.actor().recordedName();
  }

  /** Folds one committed event in. Its sequence number must be {@code version() + 1}: the log has no gaps. */
  public void apply(RecordedEvent e) {
    Objects.requireNonNull(e, "e");
    if (e.seq() != version + 1) {
      throw new IllegalStateException("event " + e.seq() + " does not follow version " + version);
    }
    tables.folds().apply(e.event());
    if (e.commandId() != null && e.actor() != null) {
      commands.computeIfAbsent(e.actor(), k -> new HashMap<>())
          .merge(e.commandId(), new SeqRange(e.seq(), e.seq()), (a, b) -> new SeqRange(a.first(), b.last()));
    }
    version = e.seq();
  }

  /** The sequence number of the last applied event; 0 for an empty conference. */
  public long version() {
    return version;
  }

  // --- Snapshots --------------------------------------------------------------------------------------------------

  public ConferenceSnapshot snapshot() {
    return new ConferenceSnapshot(conferenceId, version, lifecycle.info, roster.endpoints.values().stream().toList(),
        roster.participants.values().stream().toList(), invites.byCode.values().stream().toList(), agenda.items,
        drafts.versions, voting.votes.values().stream().toList(), voting.ballots.values().stream().toList(),
        voting.hallResults.values().stream().toList(), speakerQueue.open,
        speakerQueue.requests.values().stream().toList(), speakerQueue.waiting, speakerQueue.current,
        speakerQueue.history, annotations.annotations.values().stream().toList(), commands, admission.state(),
        opinions.state(), reportSetup.heading);
  }

  public static Conference restore(ConferenceSnapshot s, BallotSealer sealer) {
    Conference c = new Conference(s.conferenceId(), sealer);
    c.version = s.version();
    c.lifecycle.info = s.info();
    for (Endpoint e : s.endpoints()) {
      c.roster.endpoints.put(e.id(), e);
      c.roster.endpointIdByCode.put(e.code(), e.id());
    }
    s.participants().forEach(p -> c.roster.participants.put(p.id(), p));
    s.invites().forEach(i -> c.invites.byCode.put(InviteRules.fold(i.code()), i));
    c.agenda.items.addAll(s.agenda());
    s.drafts().forEach(c.drafts::add);
    c.opinions.restore(s.opinions());
    s.votes().forEach(c.voting::putVote);
    s.ballots().forEach(c.voting::putBallot);
    s.hallResults().forEach(c.voting::putHallResult);
    c.speakerQueue.open = s.speakerQueueOpen();
    s.floorRequests().forEach(r -> c.speakerQueue.requests.put(r.id(), r));
    c.speakerQueue.waiting.addAll(s.waitingRequests());
    c.speakerQueue.current = s.currentSpeech();
    c.speakerQueue.history.addAll(s.speeches());
    s.annotations().forEach(c.annotations::put);
    s.commands().forEach((actor, ids) -> c.commands.put(actor, new HashMap<>(ids)));
    c.admission.restore(s.admission());
    c.reportSetup.heading = s.reportHeading();
    return c;
  }

  // --- Who sees what: the read model, apart in ConferenceViews ------------------------------------------------

  /** What each viewer may see of this state, and who may receive each event. */
  public ConferenceViews views() {
    return views;
  }

  /** Tally of one article in one vote: overall and per endpoint. Throws if the vote or the article is unknown. */
  public Tally tally(String voteId, String articleId) {
    Tally t = voting.tally(voteId, articleId);
    if (t == null) {
      throw new IllegalArgumentException("no article " + articleId + " in vote " + voteId);
    }
    return t;
  }

  // --- Reads ------------------------------------------------------------------------------------------------------

  public String conferenceId() {
    return conferenceId;
  }

  /** Null until the conference is created. */
  public ConferenceInfo info() {
    return lifecycle.info;
  }

  public Optional<ConferenceStatus> status() {
    return Optional.ofNullable(lifecycle.info).map(ConferenceInfo::status);
  }

  public List<Endpoint> endpoints() {
    return List.copyOf(roster.endpoints.values());
  }

  public Optional<Endpoint> endpoint(String id) {
    return Optional.ofNullable(roster.endpoints.get(id));
  }

  public Optional<Endpoint> endpointByCode(String code) {
    return Optional.ofNullable(roster.endpointIdByCode.get(code)).map(roster.endpoints::get);
  }

  public List<Participant> participants() {
    return List.copyOf(roster.participants.values());
  }

  public Optional<Participant> participant(String id) {
    return Optional.ofNullable(roster.participants.get(id));
  }

  public List<Invite> invites() {
    return List.copyOf(invites.byCode.values());
  }

  public List<AgendaItem> agenda() {
    return List.copyOf(agenda.items);
  }

  public Optional<AgendaItem> currentAgendaItem() {
    return agenda.current();
  }

  public List<DraftVersion> drafts() {
    return List.copyOf(drafts.versions);
  }

  /** The report's heading block and signature as set ({@link Command.SetReportHeading}); null until set. */
  public ReportHeading reportHeading() {
    return reportSetup.heading;
  }

  /** The entity tag of a version's text (docs/api.md, draft versions); null when there is no such version. */
  public String draftEtag(int version) {
    return drafts.etag(version);
  }

  /** The headings of a version, as the live feed sends them; null when there is no such version. */
  public List<vn.hoinghi.domain.document.DraftOutline.OutlineNode> draftOutline(int version) {
    return drafts.outline(version);
  }

  /** Every draft node id any version has used (a copy), for {@code PreparedImport.prepare} off the writer. */
  public java.util.Set<String> usedDraftIds() {
    return drafts.usedIds();
  }

  public Optional<DraftVersion> currentDraft() {
    return Optional.ofNullable(drafts.current());
  }

  public List<Vote> votes() {
    return List.copyOf(voting.votes.values());
  }

  public Optional<Vote> vote(String id) {
    return Optional.ofNullable(voting.votes.get(id));
  }

  /** Every ballot (the voter of a secret ballot is its voter key). For exports and checks, not for participants. */
  public List<Ballot> ballots() {
    return List.copyOf(voting.ballots.values());
  }

  public List<HallResult> hallResults() {
    return List.copyOf(voting.hallResults.values());
  }

  public boolean speakerQueueOpen() {
    return speakerQueue.open;
  }

  /** Waiting requests in speaking order. */
  public List<FloorRequest> waitingRequests() {
    return speakerQueue.waiting.stream().map(speakerQueue.requests::get).toList();
  }

  public List<FloorRequest> floorRequests() {
    return List.copyOf(speakerQueue.requests.values());
  }

  public Optional<Speech> currentSpeech() {
    return Optional.ofNullable(speakerQueue.current);
  }

  public List<SpeechRecord> speeches() {
    return List.copyOf(speakerQueue.history);
  }

  /** What the delegate list says of a listed delegate, if they are listed. */
  public Optional<DelegateDetails> delegateDetails(String participantId) {
    return Optional.ofNullable(admission.details.get(participantId));
  }

  /** Listed delegates of one endpoint (null: of every endpoint), in list order. */
  public List<Participant> listedDelegates(String endpointId) {
    List<Participant> out = new ArrayList<>();
    for (String id : admission.details.keySet()) {
      Participant p = roster.participants.get(id);
      if (p != null && p.active() && (endpointId == null || endpointId.equals(p.endpointId()))) out.add(p);
    }
    return out;
  }

  /** A listed delegate's personal code (the server's secret derives it; the log never holds it). */
  public Optional<String> personalCode(String participantId) {
    return admission.details.containsKey(participantId)
        ? Optional.of(admission.personalCode(participantId)) : Optional.empty();
  }

  /** The participant's current session: tokens issued for an earlier one no longer work. */
  public int session(String participantId) {
    return admission.session(participantId);
  }

  public Optional<JoinRequest> joinRequest(String requestId) {
    return Optional.ofNullable(admission.requests.get(requestId));
  }

  /** Join requests of one endpoint (null: all), oldest first. */
  public List<JoinRequest> joinRequests(String endpointId) {
    return admission.requests.values().stream()
        .filter(r -> endpointId == null || endpointId.equals(r.endpointId())).toList();
  }

  /** Whether the hall's host marked the participant present (điểm danh). */
  public boolean markedPresent(String participantId) {
    return admission.attendance.getOrDefault(participantId, false);
  }

  public List<Annotation> annotations() {
    return List.copyOf(annotations.annotations.values());
  }

  public Optional<Annotation> annotation(String id) {
    return Optional.ofNullable(annotations.annotations.get(id));
  }

  /** The written opinions of agencies, in the order recorded. */
  public List<WrittenOpinion> writtenOpinions() {
    return List.copyOf(opinions.written.values());
  }

  /** The secretary's summary of a speech (by its request id), if recorded. */
  public Optional<String> speechSummary(String requestId) {
    return Optional.ofNullable(opinions.speechSummaries.get(requestId));
  }

  /** The answer to an opinion that is not an annotation (a written opinion, a ballot's opinion, a speech). */
  public Optional<Response> opinionResponse(String opinionId) {
    return Optional.ofNullable(opinions.responses.get(opinionId));
  }

  /** Merged opinions: opinion id → the opinion whose row it joined. */
  public Map<String, String> mergedOpinions() {
    return Map.copyOf(opinions.mergedInto);
  }

  /** The opinion id of a ballot's "ý kiến khác" ("vo-N"); empty when the ballot has none. Never the voter key. */
  public Optional<String> ballotOpinionId(Ballot b) {
    return Optional.ofNullable(opinions.ballotOpinionIds.get(Opinions.ballotKey(b)));
  }

  // --- For the parts ----------------------------------------------------------------------------------------------

  String voterKey(String voteId, String participantId) {
    return Objects.requireNonNull(sealer.voterKey(conferenceId, voteId, participantId), "voter key");
  }

  private static Decision rejected(RejectionCode code, String vi, String en) {
    return new Decision.Rejected(new Rejection(code, vi, en, List.of()));
  }
}
