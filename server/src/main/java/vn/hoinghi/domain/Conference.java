package vn.hoinghi.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

  private Conference(String conferenceId, BallotSealer sealer) {
    this.conferenceId = Objects.requireNonNull(conferenceId, "conferenceId");
    this.sealer = Objects.requireNonNull(sealer, "sealer");
    lifecycle.register(tables);
    roster.register(tables);
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
        roster.participants.values().stream().toList(), roster.invites.values().stream().toList(), agenda.items,
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
    s.invites().forEach(i -> c.roster.invites.put(InviteRules.fold(i.code()), i));
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

  // --- Who sees what ----------------------------------------------------------------------------------------------

  /** Who may receive this event, live or on resume. Depends on the current state for annotations and invites. */
  public Audience audienceOf(Event e) {
    return tables.audiences().apply(e);
  }

  public boolean admits(Audience audience, Viewer viewer) {
    return audience.admits(recipient(viewer));
  }

  public boolean mayReceive(Viewer viewer, Event e) {
    return admits(audienceOf(e), viewer);
  }

  private Audience.Recipient recipient(Viewer v) {
    Participant p = v.participantId() == null ? null : roster.participants.get(v.participantId());
    Participant me = p != null && p.active() ? p : null;
    boolean moderator = v.organizer() || (me != null && me.moderator());
    return new Audience.Recipient() {
      @Override
      public String participantId() {
        return me == null ? null : me.id();
      }

      @Override
      public boolean moderator() {
        return moderator;
      }

      @Override
      public boolean hosts(String endpointId) {
        return me != null && me.has(Role.HOST) && Objects.equals(endpointId, me.endpointId());
      }

      @Override
      public boolean holdsVoterKey(String voteId, String voterKey) {
        return me != null && voterKey.equals(voterKey(voteId, me.id()));
      }
    };
  }

  /** What this viewer may see now: the resume snapshot of the live feed and the body of REST reads. */
  /**
   * Moderators get the whole active roster. Everybody else gets the people the screen names — moderators, hosts,
   * observers, whoever is in the queue, has spoken or wrote an annotation — and themself: a national conference has
   * tens of thousands of delegates, and every resume snapshot would otherwise carry all of them.
   */
  private List<Participant> visibleParticipants(Participant me, boolean moderator, String hostOf,
      ConferenceView.QueueView queue, List<Annotation> visibleAnnotations) {
    java.util.Set<String> named = new java.util.LinkedHashSet<>();
    if (moderator) {
      return roster.participants.values().stream().filter(Participant::active).toList();
    }
    if (hostOf != null) {
      // A hall's host checks attendance: they see everyone of their hall, listed or joined, on every reload.
      roster.participants.values().forEach(p -> {
        if (p.active() && hostOf.equals(p.endpointId()) && !isNotable(p)) named.add(p.id());
      });
    }
    if (me != null) named.add(me.id());
    queue.waiting().forEach(r -> named.add(r.participantId()));
    if (queue.current() != null) named.add(queue.current().participantId());
    queue.history().forEach(h -> named.add(h.participantId()));
    visibleAnnotations.forEach(a -> named.add(a.authorId()));
    List<Participant> out = new ArrayList<>(notable());
    for (String id : named) {
      Participant p = roster.participants.get(id);
      if (p != null && p.active() && !isNotable(p)) out.add(p);
    }
    return out;
  }

  private static boolean isNotable(Participant p) {
    return !p.has(Role.DELEGATE) || p.moderator() || p.has(Role.HOST) || p.has(Role.OBSERVER);
  }

  private List<Participant> notableCache = List.of();
  private long notableKey = -1;

  /**
   * The active participants screens name whatever happens (not plain delegates), cached per roster revision (and
   * size, which tells a restored roster from an empty one).
   */
  private List<Participant> notable() {
    long key = ((long) roster.revision << 32) | roster.participants.size();
    if (key != notableKey) {
      notableCache = roster.participants.values().stream().filter(p -> p.active() && isNotable(p)).toList();
      notableKey = key;
    }
    return notableCache;
  }

  public ConferenceView viewFor(Viewer viewer, Instant now) {
    Audience.Recipient r = recipient(viewer);
    Participant me = r.participantId() == null ? null : roster.participants.get(r.participantId());
    boolean moderator = r.moderator();
    List<Invite> invites = roster.invites.values().stream()
        .filter(i -> moderator || r.hosts(i.endpointId())).toList();
    List<ConferenceView.AgendaEntry> agendaEntries = agenda.items.stream()
        .map(i -> new ConferenceView.AgendaEntry(i, i.elapsedMillis(now))).toList();
    DraftVersion current = drafts.current();
    ConferenceView.DraftView draft = current == null ? null : new ConferenceView.DraftView(current.version(),
        drafts.versions.size(), current.document(), current.note(), current.importedAt(),
        drafts.etag(current.version()), drafts.outline(current.version()));
    Map<String, List<Ballot>> namedByVote = moderator
        ? voting.ballots.values().stream().filter(b -> !b.secret())
            .collect(Collectors.groupingBy(Ballot::voteId, LinkedHashMap::new, Collectors.toList()))
        : Map.of();
    List<ConferenceView.VoteView> votes = new ArrayList<>();
    for (Vote v : voting.votes.values()) {
      Map<String, Tally> tallies = new LinkedHashMap<>();
      // Per-endpoint detail only for moderators, as in the live tally frames; it grows with the number of halls.
      v.articleIds().forEach(a -> {
        Tally t = voting.tally(v.id(), a);
        tallies.put(a, moderator ? t : new Tally(t.agree(), t.disagree(), t.other(), t.total(), Map.of(),
            t.alternatives()));
      });
      List<HallResult> halls = voting.hallResults.values().stream().filter(h -> h.voteId().equals(v.id())).toList();
      votes.add(new ConferenceView.VoteView(v, Collections.unmodifiableMap(tallies), halls, visibleBallots(v, me, moderator,
          namedByVote)));
    }
    ConferenceView.QueueView queue = new ConferenceView.QueueView(speakerQueue.open,
        speakerQueue.waiting.stream().map(speakerQueue.requests::get).toList(), speakerQueue.current,
        speakerQueue.elapsedMillis(now), List.copyOf(speakerQueue.history));
    List<Annotation> visibleAnnotations = annotations.annotations.values().stream()
        .map(a -> a.status() == AnnotationStatus.HIDDEN && !moderator && (me == null || !a.authorId().equals(me.id()))
            ? a.withText(null, null, a.editedAt())
            : a)
        .toList();
    String hostOf = me != null && me.has(Role.HOST) ? me.endpointId() : null;
    java.util.function.Predicate<String> hallVisible = ep -> moderator || (hostOf != null && hostOf.equals(ep));
    List<JoinRequest> joinRequests = admission.requests.values().stream()
        .filter(jr -> jr.status() == JoinRequest.Status.PENDING && hallVisible.test(jr.endpointId())).toList();
    List<DelegateDetails> delegates = new ArrayList<>();
    List<String> present = new ArrayList<>();
    if (moderator || hostOf != null) {
      admission.details.values().forEach(dd -> {
        Participant p = roster.participants.get(dd.participantId());
        if (p != null && p.active() && hallVisible.test(p.endpointId())) delegates.add(dd);
      });
      admission.attendance.forEach((pid, yes) -> {
        Participant p = roster.participants.get(pid);
        if (yes && p != null && p.active() && hallVisible.test(p.endpointId())) present.add(pid);
      });
    }
    return new ConferenceView(conferenceId, version, now, lifecycle.info, me, moderator,
        List.copyOf(roster.endpoints.values()),
        visibleParticipants(me, moderator, hostOf, queue, visibleAnnotations), invites, agendaEntries, draft,
        votes, queue, visibleAnnotations, joinRequests, delegates, present, moderator ? reportSetup.heading : null);
  }

  /** Moderators see every named ballot; a participant sees their own, named or secret (found by their voter key). */
  private List<Ballot> visibleBallots(Vote v, Participant me, boolean moderator,
      Map<String, List<Ballot>> namedByVote) {
    List<Ballot> out = new ArrayList<>(namedByVote.getOrDefault(v.id(), List.of()));
    if (me == null || (moderator && v.mode() == VoteMode.NAMED)) {
      return out;
    }
    String own = v.mode() == VoteMode.ANONYMOUS ? voterKey(v.id(), me.id()) : me.id();
    for (String a : v.articleIds()) {
      Ballot b = voting.ballots.get(new Voting.BallotKey(v.id(), a, own));
      if (b != null) {
        out.add(b);
      }
    }
    return out;
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
    return List.copyOf(roster.invites.values());
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

  /**
   * What this code would do on {@code JoinWithInvite} at {@code now}, without doing it: for the join page, which shows
   * the conference and the hall and checks the code before asking for a name. Empty when no code matches.
   */
  public Optional<JoinCode> joinCode(String code, Instant now) {
    String c;
    try {
      c = InviteRules.entered(code);
    } catch (Reject r) {
      return Optional.empty();
    }
    String owner = admission.personalCodeOwner(c);
    if (owner == null) owner = admission.soloInviteHolder.get(c);
    Invite invite = roster.invites.get(c);
    if (owner == null && invite == null) return Optional.empty();
    Participant person = owner == null ? null : roster.participants.get(owner);
    JoinCode.Kind kind = person != null ? JoinCode.Kind.PERSONAL
        : invite.role() == Role.DELEGATE && invite.maxUses() > 1 ? JoinCode.Kind.HALL_LINK : JoinCode.Kind.INVITE;
    Rejection refusal = null;
    ConferenceStatus st = status().orElse(ConferenceStatus.CLOSED);
    if (st == ConferenceStatus.CLOSED) {
      refusal = new Rejection(RejectionCode.WRONG_STATE, "Hội nghị đã kết thúc", "The conference is closed", List.of());
    } else if (person != null && !person.active()) {
      refusal = new Rejection(RejectionCode.WRONG_STATE, "Đại biểu này đã bị xoá khỏi hội nghị",
          "This delegate has been removed from the conference", List.of());
    } else if (invite != null && invite.revoked()) {
      refusal = new Rejection(RejectionCode.WRONG_STATE, "Mã mời đã bị thu hồi", "The invite has been revoked", List.of());
    } else if (invite != null && !now.isBefore(invite.expiresAt())) {
      refusal = new Rejection(RejectionCode.WRONG_STATE, "Mã mời đã hết hạn", "The invite has expired", List.of());
    } else if (invite != null && person == null && invite.uses() >= invite.maxUses()) {
      refusal = new Rejection(RejectionCode.LIMIT, "Mã mời đã hết lượt dùng", "The invite has been used up", List.of());
    }
    String endpointId = person != null ? person.endpointId() : invite.endpointId();
    return Optional.of(new JoinCode(kind, invite, person, endpointId, refusal));
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

  void requireStatus(ConferenceStatus... allowed) {
    ConferenceStatus s = lifecycle.info.status();
    Set<ConferenceStatus> ok = EnumSet.noneOf(ConferenceStatus.class);
    ok.addAll(List.of(allowed));
    if (!ok.contains(s)) {
      throw Reject.wrongState("Hội nghị đang " + vi(s) + "; thao tác này cần hội nghị " + String.join(" hoặc ",
              ok.stream().map(Conference::vi).toList()),
          "The conference is " + s + "; this needs " + ok.stream().map(Enum::name).collect(Collectors.joining(" or ")));
    }
  }

  void requireNotClosed() {
    requireStatus(ConferenceStatus.DRAFT, ConferenceStatus.SCHEDULED, ConferenceStatus.LIVE,
        ConferenceStatus.FEEDBACK_OPEN);
  }

  private static String vi(ConferenceStatus s) {
    return switch (s) {
      case DRAFT -> "ở trạng thái soạn thảo";
      case SCHEDULED -> "đã lên lịch";
      case LIVE -> "đang diễn ra";
      case FEEDBACK_OPEN -> "nhận góp ý sau phiên họp";
      case CLOSED -> "đã kết thúc";
    };
  }

  private static Decision rejected(RejectionCode code, String vi, String en) {
    return new Decision.Rejected(new Rejection(code, vi, en, List.of()));
  }
}
