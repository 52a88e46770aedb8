package vn.hoinghi.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The read model of one conference: what a viewer may see of the aggregate's current state ({@link #viewFor}, the
 * resume snapshot of the live feed and the body of REST reads), who may receive an event ({@link #audienceOf},
 * {@link #admits}), and what an invite or personal code would do ({@link #joinCode}). It only reads the state the
 * {@link Conference} folds; nothing here changes it. One per conference instance, used by its one writer, like the
 * aggregate (the cache of notable participants is not thread-safe).
 */
public final class ConferenceViews {

  private final Conference c;
  private final Dispatch<Event, Void, Audience> audiences;
  private List<Participant> notableCache = List.of();
  private long notableKey = -1;

  ConferenceViews(Conference conference, Dispatch<Event, Void, Audience> audiences) {
    this.c = conference;
    this.audiences = audiences;
  }

  // --- Who receives what ------------------------------------------------------------------------------------------

  /** Who may receive this event, live or on resume. Depends on the current state for annotations and invites. */
  public Audience audienceOf(Event e) {
    return audiences.apply(e);
  }

  public boolean admits(Audience audience, Viewer viewer) {
    return audience.admits(recipient(viewer));
  }

  public boolean mayReceive(Viewer viewer, Event e) {
    return admits(audienceOf(e), viewer);
  }

  private Audience.Recipient recipient(Viewer v) {
    Participant p = v.participantId() == null ? null : c.roster.participants.get(v.participantId());
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
        return me != null && voterKey.equals(c.voterKey(voteId, me.id()));
      }
    };
  }

  // --- What a viewer sees -----------------------------------------------------------------------------------------

  /** What this viewer may see now: the resume snapshot of the live feed and the body of REST reads. */
  public ConferenceView viewFor(Viewer viewer, Instant now) {
    Audience.Recipient r = recipient(viewer);
    Participant me = r.participantId() == null ? null : c.roster.participants.get(r.participantId());
    boolean moderator = r.moderator();
    List<Invite> invites = c.invites.byCode.values().stream()
        .filter(i -> moderator || r.hosts(i.endpointId())).toList();
    List<ConferenceView.AgendaEntry> agendaEntries = c.agenda.items.stream()
        .map(i -> new ConferenceView.AgendaEntry(i, i.elapsedMillis(now))).toList();
    DraftVersion current = c.drafts.current();
    ConferenceView.DraftView draft = current == null ? null : new ConferenceView.DraftView(current.version(),
        c.drafts.versions.size(), current.document(), current.note(), current.importedAt(),
        c.drafts.etag(current.version()), c.drafts.outline(current.version()));
    ConferenceView.QueueView queue = new ConferenceView.QueueView(c.speakerQueue.open,
        c.speakerQueue.waiting.stream().map(c.speakerQueue.requests::get).toList(), c.speakerQueue.current,
        c.speakerQueue.elapsedMillis(now), List.copyOf(c.speakerQueue.history));
    List<Annotation> visibleAnnotations = c.annotations.annotations.values().stream()
        .map(a -> a.status() == AnnotationStatus.HIDDEN && !moderator && (me == null || !a.authorId().equals(me.id()))
            ? a.withText(null, null, a.editedAt())
            : a)
        .toList();
    String hostOf = me != null && me.has(Role.HOST) ? me.endpointId() : null;
    Predicate<String> hallVisible = ep -> moderator || (hostOf != null && hostOf.equals(ep));
    List<JoinRequest> joinRequests = c.admission.requests.values().stream()
        .filter(jr -> jr.status() == JoinRequest.Status.PENDING && hallVisible.test(jr.endpointId())).toList();
    List<DelegateDetails> delegates = new ArrayList<>();
    List<String> present = new ArrayList<>();
    if (moderator || hostOf != null) {
      c.admission.details.values().forEach(dd -> {
        Participant p = c.roster.participants.get(dd.participantId());
        if (p != null && p.active() && hallVisible.test(p.endpointId())) delegates.add(dd);
      });
      c.admission.attendance.forEach((pid, yes) -> {
        Participant p = c.roster.participants.get(pid);
        if (yes && p != null && p.active() && hallVisible.test(p.endpointId())) present.add(pid);
      });
    }
    return new ConferenceView(c.conferenceId(), c.version(), now, c.lifecycle.info, me, moderator,
        List.copyOf(c.roster.endpoints.values()),
        visibleParticipants(me, moderator, hostOf, queue, visibleAnnotations), invites, agendaEntries, draft,
        votes(me, moderator), queue, visibleAnnotations, joinRequests, delegates, present,
        moderator ? c.reportSetup.heading : null);
  }

  /** Every vote with its tallies, its hall results and the ballots this viewer may see. */
  private List<ConferenceView.VoteView> votes(Participant me, boolean moderator) {
    Map<String, List<Ballot>> namedByVote = moderator
        ? c.voting.ballots.values().stream().filter(b -> !b.secret())
            .collect(Collectors.groupingBy(Ballot::voteId, LinkedHashMap::new, Collectors.toList()))
        : Map.of();
    List<ConferenceView.VoteView> votes = new ArrayList<>();
    for (Vote v : c.voting.votes.values()) {
      Map<String, Tally> tallies = new LinkedHashMap<>();
      // Per-endpoint detail only for moderators, as in the live tally frames; it grows with the number of halls.
      v.articleIds().forEach(a -> {
        Tally t = c.voting.tally(v.id(), a);
        tallies.put(a, moderator ? t : new Tally(t.agree(), t.disagree(), t.other(), t.total(), Map.of(),
            t.alternatives()));
      });
      List<HallResult> halls = c.voting.hallResults.values().stream().filter(h -> h.voteId().equals(v.id())).toList();
      votes.add(new ConferenceView.VoteView(v, Collections.unmodifiableMap(tallies), halls,
          visibleBallots(v, me, moderator, namedByVote)));
    }
    return votes;
  }

  /** Moderators see every named ballot; a participant sees their own, named or secret (found by their voter key). */
  private List<Ballot> visibleBallots(Vote v, Participant me, boolean moderator,
      Map<String, List<Ballot>> namedByVote) {
    List<Ballot> out = new ArrayList<>(namedByVote.getOrDefault(v.id(), List.of()));
    if (me == null || (moderator && v.mode() == VoteMode.NAMED)) {
      return out;
    }
    String own = v.mode() == VoteMode.ANONYMOUS ? c.voterKey(v.id(), me.id()) : me.id();
    for (String a : v.articleIds()) {
      Ballot b = c.voting.ballots.get(new Voting.BallotKey(v.id(), a, own));
      if (b != null) {
        out.add(b);
      }
    }
    return out;
  }

  /**
   * Moderators get the whole active roster. Everybody else gets the people the screen names — moderators, hosts,
   * observers, whoever is in the queue, has spoken or wrote an annotation — and themself: a national conference has
   * tens of thousands of delegates, and every resume snapshot would otherwise carry all of them.
   */
  private List<Participant> visibleParticipants(Participant me, boolean moderator, String hostOf,
      ConferenceView.QueueView queue, List<Annotation> visibleAnnotations) {
    Set<String> named = new LinkedHashSet<>();
    if (moderator) {
      return c.roster.participants.values().stream().filter(Participant::active).toList();
    }
    if (hostOf != null) {
      // A hall's host checks attendance: they see everyone of their hall, listed or joined, on every reload.
      c.roster.participants.values().forEach(p -> {
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
      Participant p = c.roster.participants.get(id);
      if (p != null && p.active() && !isNotable(p)) out.add(p);
    }
    return out;
  }

  private static boolean isNotable(Participant p) {
    return !p.has(Role.DELEGATE) || p.moderator() || p.has(Role.HOST) || p.has(Role.OBSERVER);
  }

  /**
   * The active participants screens name whatever happens (not plain delegates), cached per roster revision (and
   * size, which tells a restored roster from an empty one).
   */
  private List<Participant> notable() {
    long key = ((long) c.roster.revision << 32) | c.roster.participants.size();
    if (key != notableKey) {
      notableCache = c.roster.participants.values().stream().filter(p -> p.active() && isNotable(p)).toList();
      notableKey = key;
    }
    return notableCache;
  }

  // --- What a code would do ---------------------------------------------------------------------------------------

  /**
   * What this code would do on {@code JoinWithInvite} at {@code now}, without doing it: for the join page, which shows
   * the conference and the hall and checks the code before asking for a name. Empty when no code matches.
   */
  public Optional<JoinCode> joinCode(String code, Instant now) {
    String entered;
    try {
      entered = InviteRules.entered(code);
    } catch (Reject r) {
      return Optional.empty();
    }
    String owner = c.admission.personalCodeOwner(entered);
    if (owner == null) owner = c.admission.soloInviteHolder.get(entered);
    Invite invite = c.invites.byCode.get(entered);
    if (owner == null && invite == null) return Optional.empty();
    Participant person = owner == null ? null : c.roster.participants.get(owner);
    JoinCode.Kind kind = person != null ? JoinCode.Kind.PERSONAL
        : invite.role() == Role.DELEGATE && invite.maxUses() > 1 ? JoinCode.Kind.HALL_LINK : JoinCode.Kind.INVITE;
    Rejection refusal = null;
    ConferenceStatus st = c.status().orElse(ConferenceStatus.CLOSED);
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
}

