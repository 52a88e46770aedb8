package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import vn.hoinghi.domain.Command.*;
import vn.hoinghi.domain.anchoring.TextPositionSelector;
import vn.hoinghi.domain.anchoring.TextQuoteSelector;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.domain.document.Drafts;

/**
 * Random command sequences from random roles against a live conference. Each step is a handful of random numbers
 * that are turned into a command against the state at that moment (so most commands name things that exist), sent by
 * the natural actor most of the time and by anyone at all otherwise. After every step the invariants must hold; at
 * the end replay and restore must give the live state.
 */
@Label("Random command sequences from random roles")
class ConferencePropertiesTest {

  /**
   * How often each kind of step comes up (index = kind in {@link Run#step}): the live session's commands more often,
   * so that sequences reach deep states (a turn paused and resumed, a hall result replaced, a vote reopened).
   */
  private static final int[] WEIGHTS = {
      4, 3, 2, 2, 1, 4, 1, 2, 1, 1, // ballots, votes, hall results, check-in
      4, 1, 2, 1, 1, 3, 2, 2, 2, 1, // speaker queue
      2, 2, 2, 1, 1, 1, 1, 1,       // annotations
      1, 2, 1, 1, 1,                // agenda
      1, 1, 1, 1, 1, 1, 1,          // invites, participants, draft
      3, 2, 1, 1};                  // time, repeats, end of session, settings
  private static final List<Integer> DECK = deck();

  private static List<Integer> deck() {
    List<Integer> deck = new ArrayList<>();
    for (int kind = 0; kind < WEIGHTS.length; kind++) {
      for (int i = 0; i < WEIGHTS[kind]; i++) {
        deck.add(kind);
      }
    }
    return deck;
  }
  private static final String V1 = Drafts.read("quy-che-v1.md");
  private static final String V2 = Drafts.read("quy-che-v2.md");

  /** One random step: what to do, who does it, and three numbers to choose among the existing objects. */
  record Step(int kind, int who, int a, int b, int c) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Integer> n = Arbitraries.integers().between(0, 10_000);
    Arbitrary<Step> step = Combinators.combine(Arbitraries.of(DECK).withoutEdgeCases(), n, n, n, n).as(Step::new);
    return step.list().ofMinSize(40).ofMaxSize(120);
  }

  @Property(tries = 120)
  @Label("never break the invariants, and replay and restore equal the live state")
  void invariantsHold(@ForAll("steps") List<Step> steps) {
    Run run = new Run(World.live());
    for (Step s : steps) {
      run.step(s);
      run.checkInvariants();
    }
    run.w.h.assertReplayEqualsLive();
    run.checkAudiences();
  }

  @Property(tries = 30)
  @Label("restoring a snapshot taken midway and applying the rest of the log gives the live state")
  void snapshotMidway(@ForAll("steps") List<Step> steps, @ForAll @Size(max = 1) List<Integer> ignored) {
    Run run = new Run(World.live());
    int cut = steps.size() / 2;
    ConferenceSnapshot mid = null;
    long midVersion = 0;
    for (int i = 0; i < steps.size(); i++) {
      if (i == cut) {
        mid = run.w.conf().snapshot();
        midVersion = run.w.conf().version();
      }
      run.step(steps.get(i));
    }
    Conference restored = Conference.restore(mid, FixedSecretSealer.INSTANCE);
    for (RecordedEvent e : run.w.h.log) {
      if (e.seq() > midVersion) {
        restored.apply(e);
      }
    }
    assertThat(restored.snapshot()).isEqualTo(run.w.conf().snapshot());
  }

  /** One random run with its memory of accepted commands, for the idempotency check. */
  static final class Run {
    final World w;
    final List<Actor> everyone = new ArrayList<>();
    final List<Sent> accepted = new ArrayList<>();
    int counter;
    int annotationsEver;

    record Sent(String commandId, Actor actor, Command command, long first, long last) {}

    Run(World w) {
      this.w = w;
      String chairDelegate = w.register("Chủ trì kiêm đại biểu", EnumSet.of(Role.CHAIR, Role.DELEGATE), w.central);
      for (String p : List.of(w.chair, w.secretary, w.hostDtp, w.hostHni, w.delegateDtp, w.delegateDtp2, w.delegateHni,
          w.observer, chairDelegate)) {
        everyone.add(Actor.participant(p));
      }
      everyone.add(World.ORGANIZER);
      everyone.add(Actor.anonymous());
      everyone.add(Actor.system());
      for (String title : List.of("Khai mạc", "Thảo luận", "Biểu quyết")) {
        w.h.ok(World.ORGANIZER, new AddAgendaItem(title, AgendaItemKind.OTHER, 10, List.of(), null));
      }
      w.checkedIn(30);
    }

    <T> T pick(List<T> list, int n) {
      return list.isEmpty() ? null : list.get(Math.floorMod(n, list.size()));
    }

    Actor p(String id) {
      return Actor.participant(id);
    }

    List<Participant> active(Role role) {
      return w.conf().participants().stream().filter(x -> x.active() && x.has(role)).toList();
    }

    Actor someone(Role role, int n) {
      Participant x = pick(active(role), n);
      return x == null ? World.ORGANIZER : Actor.participant(x.id());
    }

    /** Endpoints that have a host now (hall results come from hosts), or all endpoints if none has. */
    List<Endpoint> hostedEndpoints() {
      Set<String> hosted = new HashSet<>();
      active(Role.HOST).forEach(h -> hosted.add(h.endpointId()));
      List<Endpoint> out = w.conf().endpoints().stream().filter(e -> hosted.contains(e.id())).toList();
      return out.isEmpty() ? w.conf().endpoints() : out;
    }

    Actor hostOf(String endpointId, int n) {
      List<Participant> hosts = active(Role.HOST).stream().filter(x -> x.endpointId().equals(endpointId)).toList();
      return hosts.isEmpty() ? someone(Role.CHAIR, n) : Actor.participant(pick(hosts, n).id());
    }

    void step(Step s) {
      Conference c = w.conf();
      int a = s.a();
      int b = s.b();
      int k = s.c();
      List<Vote> votes = c.votes();
      Vote vote = pick(votes, a);
      String article = vote == null ? null : pick(vote.articleIds(), b);
      List<DraftNode> nodes = c.currentDraft().orElseThrow().document().allNodes();
      List<DraftNode> articles = c.currentDraft().orElseThrow().document().articles();
      Endpoint endpoint = pick(c.endpoints(), k);
      FloorRequest waiting = pick(c.waitingRequests(), a);
      FloorRequest anyRequest = pick(c.floorRequests(), a);
      Annotation annotation = pick(c.annotations(), a);
      AgendaItem item = pick(c.agenda(), a);
      Invite invite = pick(c.invites(), a);
      Participant participant = pick(c.participants(), b);
      Actor chair = someone(Role.CHAIR, s.who());
      Actor delegate = someone(Role.DELEGATE, s.who());
      Actor secretary = someone(Role.SECRETARY, s.who());
      Command command;
      Actor natural;
      switch (s.kind()) {
        case 0, 1 -> {
          Choice choice = Choice.values()[Math.floorMod(k, 3)];
          command = new CastBallot(vote == null ? "v-0" : vote.id(), article, choice,
              choice == Choice.OTHER && b % 2 == 0 ? "Đề nghị sửa" : null);
          natural = delegate;
        }
        case 2 -> {
          String node = b % 4 == 0 ? pick(c.currentDraft().orElseThrow().document().chapters(), a).id()
              : pick(articles, a).id();
          command = new OpenVote("Biểu quyết", List.of(node), k % 2 == 0 ? VoteMode.NAMED : VoteMode.ANONYMOUS);
          natural = chair;
        }
        case 3 -> {
          command = new CloseVote(vote == null ? null : vote.id());
          natural = chair;
        }
        case 4 -> {
          command = new ReopenVote(vote == null ? null : vote.id());
          natural = chair;
        }
        case 5 -> {
          Endpoint hall = pick(hostedEndpoints(), k);
          int room = hall.headCount() + (s.who() % 10 == 9 ? 5 : 0);
          int agree = Math.floorMod(b, room + 1);
          int disagree = Math.floorMod(k, room - agree + 1);
          int other = Math.floorMod(a, room - agree - disagree + 1);
          command = new RecordHallResult(vote == null ? null : vote.id(), article, hall.id(), agree, disagree, other);
          natural = hostOf(hall.id(), s.who());
        }
        case 6 -> {
          Endpoint hall = pick(hostedEndpoints(), k);
          command = new ClearHallResult(vote == null ? null : vote.id(), article, hall.id());
          natural = hostOf(hall.id(), s.who());
        }
        case 7 -> {
          command = new CheckInEndpoint(endpoint.id(), a % 50);
          natural = hostOf(endpoint.id(), s.who());
        }
        case 8 -> {
          command = new UpdateHeadCount(endpoint.id(), a % 50);
          natural = hostOf(endpoint.id(), s.who());
        }
        case 9 -> {
          command = new CheckOutEndpoint(endpoint.id());
          natural = hostOf(endpoint.id(), s.who());
        }
        case 10 -> {
          boolean forHall = b % 2 == 0;
          command = new RequestFloor(FloorKind.values()[Math.floorMod(a, 3)], k % 3 == 0 ? pick(articles, k).id() : null,
              forHall);
          natural = forHall ? someone(Role.HOST, s.who()) : delegate;
        }
        case 11 -> {
          command = new WithdrawFloorRequest(anyRequest == null ? null : anyRequest.id());
          natural = anyRequest == null ? delegate : p(anyRequest.participantId());
        }
        case 12 -> {
          command = new ApproveFloorRequest(waiting == null ? null : waiting.id());
          natural = chair;
        }
        case 13 -> {
          command = new RejectFloorRequest(waiting == null ? null : waiting.id(), b % 2 == 0 ? "Hết thời gian" : null);
          natural = chair;
        }
        case 14 -> {
          command = new MoveFloorRequest(waiting == null ? null : waiting.id(), b % 5);
          natural = chair;
        }
        case 15 -> {
          command = new GrantFloor(waiting == null ? null : waiting.id());
          natural = chair;
        }
        case 16 -> {
          command = new PauseSpeech();
          natural = chair;
        }
        case 17 -> {
          command = new ResumeSpeech();
          natural = chair;
        }
        case 18 -> {
          command = new EndSpeech();
          natural = chair;
        }
        case 19 -> {
          command = a % 2 == 0 ? new OpenSpeakerQueue() : new CloseSpeakerQueue();
          natural = chair;
        }
        case 20, 21 -> {
          DraftNode node = pick(nodes, a);
          AnnotationKind kind = AnnotationKind.values()[Math.floorMod(k, 3)];
          String replacement = kind == AnnotationKind.PROPOSED_WORDING ? "Đề xuất sửa thành" : null;
          if (b % 3 == 0 || node.text().isEmpty()) {
            command = new AddAnnotation(node.id(), kind, "Ý kiến", replacement, null, null);
          } else {
            int start = Math.floorMod(b, node.text().length());
            int end = start + 1 + Math.floorMod(k, Math.min(40, node.text().length() - start));
            command = new AddAnnotation(node.id(), kind, "Ý kiến", replacement,
                new TextQuoteSelector(node.text().substring(start, end), null, null), new TextPositionSelector(start, end));
          }
          natural = b % 2 == 0 ? delegate : someone(Role.HOST, s.who());
        }
        case 22 -> {
          command = new ReplyToAnnotation(annotation == null ? null : annotation.id(), "Trả lời");
          natural = delegate;
        }
        case 23 -> {
          command = new EditAnnotation(annotation == null ? null : annotation.id(), "Sửa lại",
              annotation != null && annotation.kind() == AnnotationKind.PROPOSED_WORDING ? "Câu chữ mới" : null);
          natural = annotation == null ? delegate : p(annotation.authorId());
        }
        case 24 -> {
          command = new DeleteAnnotation(annotation == null ? null : annotation.id());
          natural = annotation == null ? delegate : p(annotation.authorId());
        }
        case 25 -> {
          command = new HideAnnotation(annotation == null ? null : annotation.id(), "Không phù hợp");
          natural = secretary;
        }
        case 26 -> {
          command = new RestoreAnnotation(annotation == null ? null : annotation.id());
          natural = chair;
        }
        case 27 -> {
          ResponseKind kind = ResponseKind.values()[Math.floorMod(k, 3)];
          command = new RespondToAnnotation(annotation == null ? null : annotation.id(), kind,
              b % 3 == 0 ? null : "Giải trình");
          natural = secretary;
        }
        case 28 -> {
          command = new AddAgendaItem("Nội dung " + a, AgendaItemKind.values()[Math.floorMod(k, 6)], b % 60,
              b % 2 == 0 ? List.of(pick(articles, k).id()) : List.of(), b % 3 == 0 ? 0 : null);
          natural = secretary;
        }
        case 29 -> {
          command = new StartAgendaItem(item == null ? null : item.id());
          natural = chair;
        }
        case 30 -> {
          command = new CompleteAgendaItem();
          natural = chair;
        }
        case 31 -> {
          command = new MoveAgendaItem(item == null ? null : item.id(), b % 4);
          natural = secretary;
        }
        case 32 -> {
          command = new RemoveAgendaItem(item == null ? null : item.id());
          natural = secretary;
        }
        case 33 -> {
          Role role = List.of(Role.HOST, Role.DELEGATE, Role.OBSERVER).get(Math.floorMod(b, 3));
          command = new IssueInvite(Harness.inviteCode(a), role, endpoint.id(), 1 + b % 3,
              w.h.now.plus(Duration.ofMinutes(1 + k % 120)));
          natural = b % 2 == 0 ? secretary : hostOf(endpoint.id(), s.who());
        }
        case 34 -> {
          command = new JoinWithInvite(invite == null ? "NO-INVITE" : invite.code(), "Khách " + b);
          natural = Actor.anonymous();
        }
        case 35 -> {
          command = new RevokeInvite(invite == null ? "NO-INVITE" : invite.code());
          natural = invite == null ? secretary : hostOf(invite.endpointId(), s.who());
        }
        case 36 -> {
          Set<Role> roles = EnumSet.noneOf(Role.class);
          for (Role r : Role.values()) {
            if ((b >> r.ordinal() & 1) == 1) {
              roles.add(r);
            }
          }
          command = new RegisterParticipant("Người " + a, roles, k % 4 == 0 ? null : endpoint.id());
          natural = World.ORGANIZER;
        }
        case 37 -> {
          command = new RemoveParticipant(participant == null ? null : participant.id());
          natural = secretary;
        }
        case 38 -> {
          command = participant == null ? new UpdateSettings(VoteMode.NAMED, a % 600)
              : new UpdateParticipant(participant.id(), participant.displayName() + "*", participant.roles(),
                  k % 3 == 0 ? endpoint.id() : participant.endpointId());
          natural = World.ORGANIZER;
        }
        case 39 -> {
          command = new ImportDraft(a % 2 == 0 ? V1 : V2, "Phiên bản " + a);
          natural = secretary;
        }
        case 40 -> {
          w.h.advance(Duration.ofSeconds(a % 600));
          return;
        }
        case 41 -> {
          repeat(pick(accepted, a));
          return;
        }
        case 42 -> {
          if (a % 8 != 0) {
            return;
          }
          command = b % 2 == 0 ? new OpenFeedback(w.h.now.plus(Duration.ofMinutes(1 + k % 30))) : new CloseConference();
          natural = b % 3 == 0 ? Actor.system() : chair;
        }
        default -> {
          command = new UpdateSettings(a % 2 == 0 ? VoteMode.NAMED : VoteMode.ANONYMOUS, b % 600);
          natural = chair;
        }
      }
      Actor actor = s.who() % 10 < 7 ? natural : pick(everyone, s.who());
      send(actor, command);
    }

    void send(Actor actor, Command command) {
      String id = "r-" + (++counter);
      long before = w.conf().version();
      Decision d = w.h.send(id, actor, command);
      if (d instanceof Decision.Accepted) {
        accepted.add(new Sent(id, actor, command, before + 1, w.conf().version()));
      }
      assertThat(d).isNotInstanceOf(Decision.AlreadyApplied.class);
    }

    /** A command resent after a lost ack is answered with the original range and changes nothing. */
    void repeat(Sent sent) {
      if (sent == null) {
        return;
      }
      ConferenceSnapshot before = w.conf().snapshot();
      Decision d = w.h.send(sent.commandId(), sent.actor(), sent.command());
      boolean removed = sent.actor().kind() == Actor.Kind.PARTICIPANT
          && !w.conf().participant(sent.actor().id()).orElseThrow().active();
      if (removed) {
        assertThat(d).isInstanceOfSatisfying(Decision.Rejected.class,
            r -> assertThat(r.rejection().code()).isEqualTo(RejectionCode.FORBIDDEN));
      } else {
        assertThat(d).isEqualTo(new Decision.AlreadyApplied(sent.first(), sent.last()));
      }
      assertThat(w.conf().snapshot()).isEqualTo(before);
    }

    void checkInvariants() {
      Conference c = w.conf();
      ConferenceSnapshot s = c.snapshot();
      // Gap-free: the version is the number of events, and the log is numbered 1..n.
      assertThat(c.version()).isEqualTo(w.h.log.size());
      // One ballot per voter per article per vote.
      Set<List<String>> keys = new HashSet<>();
      for (Ballot b : s.ballots()) {
        assertThat(keys.add(List.of(b.voteId(), b.articleId(), b.voter()))).as("one ballot per voter").isTrue();
        Vote v = c.vote(b.voteId()).orElseThrow();
        assertThat(v.articleIds()).contains(b.articleId());
        assertThat(b.secret()).isEqualTo(v.mode() == VoteMode.ANONYMOUS);
      }
      // Tallies equal the ballots and hall results, with each hall counted once.
      for (Vote v : s.votes()) {
        for (String article : v.articleIds()) {
          assertThat(c.tally(v.id(), article)).as("tally of %s in %s", article, v.id()).isEqualTo(recount(s, v.id(), article));
        }
      }
      // Collective results never exceed the hall's declared head count while the vote is open.
      for (HallResult r : s.hallResults()) {
        if (c.vote(r.voteId()).orElseThrow().status() == VoteStatus.OPEN) {
          assertThat(r.total()).isLessThanOrEqualTo(c.endpoint(r.endpointId()).orElseThrow().headCount());
        }
        assertThat(Math.min(r.agree(), Math.min(r.disagree(), r.other()))).isNotNegative();
      }
      // An article is in at most one open vote.
      List<String> openArticles = s.votes().stream().filter(v -> v.status() == VoteStatus.OPEN)
          .flatMap(v -> v.articleIds().stream()).toList();
      assertThat(openArticles).doesNotHaveDuplicates();
      // Nobody holds two waiting requests; the speaker holds none; the queue lists exactly the waiting requests.
      List<String> waitingBy = c.waitingRequests().stream().map(FloorRequest::participantId).toList();
      assertThat(waitingBy).doesNotHaveDuplicates();
      c.currentSpeech().ifPresent(sp -> assertThat(waitingBy).doesNotContain(sp.participantId()));
      assertThat(c.waitingRequests()).allSatisfy(r -> assertThat(r.status().waiting()).isTrue());
      assertThat(c.floorRequests().stream().filter(r -> r.status().waiting()).count()).isEqualTo(c.waitingRequests().size());
      assertThat(c.floorRequests().stream().filter(r -> r.status() == FloorRequestStatus.SPEAKING).count())
          .isEqualTo(c.currentSpeech().isPresent() ? 1 : 0);
      // At most one current agenda item; annotations are never dropped.
      assertThat(c.agenda().stream().filter(i -> i.status() == AgendaItemStatus.CURRENT).count()).isLessThanOrEqualTo(1);
      assertThat(c.annotations().size()).isGreaterThanOrEqualTo(annotationsEver);
      annotationsEver = c.annotations().size();
      // Exactly one central endpoint; invites never used beyond their limit.
      assertThat(c.endpoints().stream().filter(e -> e.level() == EndpointLevel.CENTRAL).count()).isEqualTo(1);
      assertThat(c.invites()).allSatisfy(i -> assertThat(i.uses()).isLessThanOrEqualTo(i.maxUses()));
    }

    /** Who receives what: ballots and invites never reach the public screen; a secret ballot reaches only its voter. */
    void checkAudiences() {
      Conference c = w.conf();
      List<Viewer> viewers = new ArrayList<>();
      c.participants().forEach(x -> viewers.add(Viewer.participant(x.id())));
      for (RecordedEvent r : w.h.log) {
        Event e = r.event();
        boolean secret = e instanceof Event.SecretBallotCast;
        boolean privateFact = secret || e instanceof Event.BallotCast || e instanceof Event.InviteIssued
            || e instanceof Event.InviteUsed || e instanceof Event.InviteRevoked;
        if (privateFact) {
          assertThat(c.views().mayReceive(Viewer.publicScreen(), e)).as(e.toString()).isFalse();
        }
        if (secret) {
          // Only the voter (none once the voter has been removed): the key admits one participant at most.
          assertThat(viewers.stream().filter(v -> c.views().mayReceive(v, e)).count()).as("only the voter").isLessThanOrEqualTo(1);
          assertThat(c.views().mayReceive(Viewer.organizerConsole(), e)).isFalse();
        }
      }
    }

    private static Tally recount(ConferenceSnapshot s, String voteId, String articleId) {
      Map<String, int[]> individual = new HashMap<>();
      for (Ballot b : s.ballots()) {
        if (b.voteId().equals(voteId) && b.articleId().equals(articleId)) {
          individual.computeIfAbsent(b.endpointId(), x -> new int[3])[b.choice().ordinal()]++;
        }
      }
      Map<String, HallResult> halls = new HashMap<>();
      for (HallResult h : s.hallResults()) {
        if (h.voteId().equals(voteId) && h.articleId().equals(articleId)) {
          halls.put(h.endpointId(), h);
        }
      }
      Map<String, EndpointTally> byEndpoint = new HashMap<>();
      int[] total = new int[3];
      Set<String> endpoints = new HashSet<>(individual.keySet());
      endpoints.addAll(halls.keySet());
      for (String e : endpoints) {
        int[] ind = individual.getOrDefault(e, new int[3]);
        HallResult h = halls.get(e);
        int[] counted = h == null ? ind : new int[] {h.agree(), h.disagree(), h.other()};
        if (h == null && ind[0] + ind[1] + ind[2] == 0) {
          continue;
        }
        byEndpoint.put(e, new EndpointTally(counted[0], counted[1], counted[2], counted[0] + counted[1] + counted[2],
            h != null, Counts.of(ind[0], ind[1], ind[2])));
        for (int i = 0; i < 3; i++) {
          total[i] += counted[i];
        }
      }
      return new Tally(total[0], total[1], total[2], total[0] + total[1] + total[2], byEndpoint);
    }
  }
}
