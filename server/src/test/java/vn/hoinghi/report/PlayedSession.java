package vn.hoinghi.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.AnnotationKind;
import vn.hoinghi.domain.Choice;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.Decision;
import vn.hoinghi.domain.Endpoint;
import vn.hoinghi.domain.EndpointLevel;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.FloorKind;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.domain.ResponseKind;
import vn.hoinghi.domain.Role;
import vn.hoinghi.domain.VoteMode;
import vn.hoinghi.domain.anchoring.TextPositionSelector;
import vn.hoinghi.domain.anchoring.TextQuoteSelector;
import vn.hoinghi.domain.demo.DemoConference;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.live.HmacBallotSealer;

/**
 * The demo conference with a session played on it in memory, through {@code decide}/{@code apply} as the writer
 * does: the fixture of the report tests ({@link #story()}) and of the export benchmark ({@link #large}).
 */
public final class PlayedSession {

  public static final Instant START = Instant.parse("2024-09-10T01:00:00Z");
  public static final HmacBallotSealer SEALER = new HmacBallotSealer("a-test-secret-of-at-least-32-characters");

  public final Conference conf = Conference.empty(DemoConference.CONFERENCE_ID, SEALER);
  public final Map<String, String> people = new HashMap<>();
  public Instant now = START;
  /** Every command as sent, in order: replayed into a server's writer it produces the same ids. */
  public final List<CommandEnvelope> script = new ArrayList<>();
  /** Every event as recorded, as the writer would store it. */
  public final List<RecordedEvent> log = new ArrayList<>();
  private int counter;

  private PlayedSession() {
    for (CommandEnvelope env : DemoConference.commands()) {
      run(env.actor(), env.command());
    }
    DemoConference.accounts().forEach(a -> people.put(a.username(), a.participantId()));
  }

  public Actor as(String username) {
    return Actor.participant(people.getOrDefault(username, username));
  }

  public String id(String username) {
    return people.get(username);
  }

  public String endpoint(String code) {
    return conf.endpointByCode(code).orElseThrow().id();
  }

  public void advance(long seconds) {
    now = now.plusSeconds(seconds);
  }

  /** Decides and applies; fails when the core refuses. Returns the events. */
  public List<Event> run(Actor actor, Command c) {
    CommandEnvelope env = new CommandEnvelope("cmd-" + (++counter), actor, c);
    Decision d = conf.decide(env, now);
    if (!(d instanceof Decision.Accepted a)) {
      throw new IllegalStateException(c.getClass().getSimpleName() + " refused: " + d);
    }
    script.add(env);
    long seq = conf.version();
    for (Event e : a.events()) {
      RecordedEvent re = new RecordedEvent(++seq, a.recordedActor(), env.commandId(), now, e);
      conf.apply(re);
      log.add(re);
    }
    return a.events();
  }

  public <E extends Event> E run(Actor actor, Command c, Class<E> type) {
    return run(actor, c).stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  public String text(String nodeId) {
    return conf.currentDraft().orElseThrow().document().find(nodeId).orElseThrow().text();
  }

  /** An annotation on a passage of a node; returns its id. */
  public String annotate(String user, String nodeId, AnnotationKind kind, String quote, String body, String replacement) {
    TextQuoteSelector q = null;
    TextPositionSelector p = null;
    if (quote != null) {
      int at = text(nodeId).indexOf(quote);
      if (at < 0) throw new IllegalArgumentException("\"" + quote + "\" is not in " + nodeId);
      q = new TextQuoteSelector(quote, null, null);
      p = new TextPositionSelector(at, at + quote.length());
    }
    return run(as(user), new Command.AddAnnotation(nodeId, kind, body, replacement, q, p), Event.AnnotationAdded.class)
        .annotationId();
  }

  // --- The story ----------------------------------------------------------------------------------------------------

  /** Ids the story creates, for the tests' checks. */
  public String namedVote;
  public String secretVote;
  public String chapterVote;
  public String proposal;
  public String comment;
  public String question;
  public String hiddenComment;
  public String lateProposal;

  /**
   * The session of the story: check-in, a named vote on Điều 8 with Hà Nội's collective result, a secret vote on
   * Điều 9 with an opinion, a vote on Chương I, two speeches, annotations answered by the drafting team, one hidden,
   * then the feedback window with a late proposal.
   */
  /** The demo conference prepared and not yet started, for tests that play their own session. */
  public static PlayedSession prepared() {
    return new PlayedSession();
  }

  public static PlayedSession story() {
    PlayedSession s = new PlayedSession();
    s.run(s.as("chutri"), new Command.StartConference());
    s.advance(60);
    s.run(s.as("hanoi"), new Command.CheckInEndpoint(s.endpoint("HNI"), 15));
    s.run(s.as("dongthap"), new Command.CheckInEndpoint(s.endpoint("DTP"), 12));
    s.run(s.as("chutri"), new Command.CheckInEndpoint(s.endpoint("TW"), 20));

    List<String> chapters = s.conf.currentDraft().orElseThrow().document().chapters().stream().map(DraftNode::id).toList();
    s.chapterVote = s.run(s.as("chutri"), new Command.OpenVote("Biểu quyết Chương I", List.of(chapters.get(0)),
        VoteMode.NAMED), Event.VoteOpened.class).voteId();
    for (String a : List.of("d1", "d2", "d3")) {
      for (String u : List.of("daibieu1", "daibieu2", "daibieu3", "daibieu4", "daibieu5")) {
        s.run(s.as(u), new Command.CastBallot(s.chapterVote, a, Choice.AGREE, null));
      }
    }
    s.run(s.as("chutri"), new Command.CloseVote(s.chapterVote));

    s.namedVote = s.run(s.as("chutri"), new Command.OpenVote("Biểu quyết Điều 8", List.of("d8"), VoteMode.NAMED),
        Event.VoteOpened.class).voteId();
    s.run(s.as("daibieu1"), new Command.CastBallot(s.namedVote, "d8", Choice.AGREE, null));
    s.run(s.as("daibieu2"), new Command.CastBallot(s.namedVote, "d8", Choice.DISAGREE, null));
    s.run(s.as("daibieu3"), new Command.CastBallot(s.namedVote, "d8", Choice.OTHER, "Đề nghị sửa thành “sáu tháng một lần”"));
    s.run(s.as("daibieu4"), new Command.CastBallot(s.namedVote, "d8", Choice.AGREE, null));
    s.run(s.as("daibieu5"), new Command.CastBallot(s.namedVote, "d8", Choice.AGREE, null));
    s.run(s.as("chutri"), new Command.CastBallot(s.namedVote, "d8", Choice.AGREE, null));
    s.run(s.as("hanoi"), new Command.RecordHallResult(s.namedVote, "d8", s.endpoint("HNI"), 10, 1, 0));
    s.run(s.as("chutri"), new Command.CloseVote(s.namedVote));

    s.secretVote = s.run(s.as("chutri"), new Command.OpenVote("Bỏ phiếu kín Điều 9", List.of("d9"), VoteMode.ANONYMOUS),
        Event.VoteOpened.class).voteId();
    s.run(s.as("daibieu1"), new Command.CastBallot(s.secretVote, "d9", Choice.OTHER,
        "Bổ sung thời hạn ban hành chương trình công tác năm đối với đảng đoàn mới thành lập"));
    s.run(s.as("daibieu2"), new Command.CastBallot(s.secretVote, "d9", Choice.AGREE, null));
    s.run(s.as("daibieu4"), new Command.CastBallot(s.secretVote, "d9", Choice.DISAGREE, null));
    s.run(s.as("chutri"), new Command.CloseVote(s.secretVote));

    String hall = s.run(s.as("dongthap"), new Command.RequestFloor(FloorKind.CONTRIBUTION, "d15", true),
        Event.FloorRequested.class).requestId();
    s.run(s.as("chutri"), new Command.GrantFloor(hall));
    s.advance(245);
    s.run(s.as("chutri"), new Command.EndSpeech());
    String general = s.run(s.as("daibieu4"), new Command.RequestFloor(FloorKind.CONTRIBUTION, null, false),
        Event.FloorRequested.class).requestId();
    s.run(s.as("chutri"), new Command.GrantFloor(general));
    s.advance(90);
    s.run(s.as("chutri"), new Command.EndSpeech());

    s.proposal = s.annotate("daibieu4", "d8.k1", AnnotationKind.PROPOSED_WORDING, "mỗi quý một lần",
        "Nên họp thường kỳ 6 tháng một lần để giảm hội họp.", "sáu tháng một lần");
    s.run(s.as("daibieu1"), new Command.ReplyToAnnotation(s.proposal, "Đồng ý với đề xuất này."));
    s.comment = s.annotate("daibieu2", "d15.k4", AnnotationKind.COMMENT, null,
        "Đề nghị bổ sung quy định về chế độ phụ cấp kiêm nhiệm cho bộ phận giúp việc.", null);
    s.question = s.annotate("hanoi", "d10.k2", AnnotationKind.QUESTION, "quá một nửa tổng số thành viên",
        "Trường hợp thành viên vắng mặt có được tính vào tổng số không?", null);
    s.annotate("daibieu5", "d2", AnnotationKind.COMMENT, null, "Thống nhất với dự thảo.", null);
    s.annotate("daibieu3", chapters.get(2), AnnotationKind.COMMENT, null,
        "Chương III cần quy định rõ hơn chế độ làm việc trực tuyến của đảng đoàn.", null);
    s.hiddenComment = s.annotate("daibieu1", "d3", AnnotationKind.COMMENT, null, "Nội dung không liên quan.", null);
    s.run(s.as("thuky"), new Command.HideAnnotation(s.hiddenComment, "Không liên quan đến dự thảo"));
    s.run(s.as("thuky"), new Command.RespondToAnnotation(s.proposal, ResponseKind.ACCEPTED, null));
    s.run(s.as("thuky"), new Command.RespondToAnnotation(s.comment, ResponseKind.EXPLAINED,
        "Chế độ phụ cấp thực hiện theo quy định chung của Nhà nước, không quy định trong quy chế mẫu."));
    s.run(s.as("thuky"), new Command.RespondToAnnotation(s.question, ResponseKind.NOTED, null));

    s.advance(600);
    s.run(s.as("chutri"), new Command.OpenFeedback(s.now.plus(Duration.ofDays(7))));
    s.advance(86_400);
    s.lateProposal = s.annotate("daibieu5", "d11.k1.a", AnnotationKind.PROPOSED_WORDING, "định kỳ 6 tháng",
        "Viết số bằng chữ cho thống nhất.", "định kỳ sáu tháng");
    return s;
  }

  /** The demo conference as set up, nothing played yet: for sessions built elsewhere (e.g. on another draft). */
  public static PlayedSession demo() {
    return new PlayedSession();
  }

  // --- A large conference for the benchmark ---------------------------------------------------------------------

  /**
   * The demo conference grown to {@code delegatesPerEndpoint} delegates in each of its 35 halls, every article voted
   * (Chương I–III named, IV–V secret) until {@code ballots} ballots are cast, {@code annotations} annotations (a fifth
   * of them replies, three in five answered), and a speech per hall.
   */
  public static PlayedSession large(int delegatesPerEndpoint, int ballots, int annotations) {
    PlayedSession s = new PlayedSession();
    Random rnd = new Random(42);
    Actor organizer = DemoConference.ORGANIZER;
    List<String> delegates = new ArrayList<>();
    for (Endpoint e : s.conf.endpoints()) {
      for (int i = 1; i <= delegatesPerEndpoint; i++) {
        delegates.add(s.run(organizer, new Command.RegisterParticipant("Đại biểu " + e.code() + " số " + i,
            EnumSet.of(Role.DELEGATE), e.id()), Event.ParticipantRegistered.class).participantId());
      }
    }
    s.run(s.as("chutri"), new Command.StartConference());
    for (Endpoint e : s.conf.endpoints()) {
      s.run(s.as("chutri"), new Command.CheckInEndpoint(e.id(), delegatesPerEndpoint + 5));
    }
    List<DraftNode> articles = s.conf.currentDraft().orElseThrow().document().articles();
    List<String> named = articles.subList(0, 11).stream().map(DraftNode::id).toList();
    List<String> secret = articles.subList(11, articles.size()).stream().map(DraftNode::id).toList();
    String v1 = s.run(s.as("chutri"), new Command.OpenVote("Biểu quyết Chương I – III", named, VoteMode.NAMED),
        Event.VoteOpened.class).voteId();
    String v2 = s.run(s.as("chutri"), new Command.OpenVote("Bỏ phiếu kín Chương IV – V", secret, VoteMode.ANONYMOUS),
        Event.VoteOpened.class).voteId();
    int cast = 0;
    outer:
    for (String d : delegates) {
      for (DraftNode a : articles) {
        if (cast >= ballots) break outer;
        int x = rnd.nextInt(100);
        Choice c = x < 80 ? Choice.AGREE : x < 90 ? Choice.DISAGREE : Choice.OTHER;
        String text = c == Choice.OTHER && rnd.nextBoolean() ? "Đề nghị chỉnh sửa " + a.label().toLowerCase() + " cho rõ hơn" : null;
        s.run(Actor.participant(d), new Command.CastBallot(named.contains(a.id()) ? v1 : v2, a.id(), c, text));
        cast++;
      }
    }
    s.run(s.as("chutri"), new Command.CloseVote(v1));
    s.run(s.as("chutri"), new Command.CloseVote(v2));
    for (Endpoint e : s.conf.endpoints()) {
      if (e.level() == EndpointLevel.CENTRAL) continue;
      String req = s.run(Actor.participant(delegates.get(rnd.nextInt(delegates.size()))),
          new Command.RequestFloor(FloorKind.CONTRIBUTION, articles.get(rnd.nextInt(articles.size())).id(), false),
          Event.FloorRequested.class).requestId();
      s.run(s.as("chutri"), new Command.GrantFloor(req));
      s.advance(60 + rnd.nextInt(240));
      s.run(s.as("chutri"), new Command.EndSpeech());
    }
    List<DraftNode> clauses = s.conf.currentDraft().orElseThrow().document().allNodes().stream()
        .filter(n -> !n.text().isBlank()).toList();
    List<String> roots = new ArrayList<>();
    AnnotationKind[] kinds = AnnotationKind.values();
    for (int i = 0; i < annotations; i++) {
      String author = delegates.get(rnd.nextInt(delegates.size()));
      if (!roots.isEmpty() && rnd.nextInt(5) == 0) {
        s.run(Actor.participant(author), new Command.ReplyToAnnotation(roots.get(rnd.nextInt(roots.size())),
            "Ý kiến thứ " + i + ": đồng tình với góp ý trên, đề nghị ban soạn thảo xem xét."));
        continue;
      }
      DraftNode n = clauses.get(rnd.nextInt(clauses.size()));
      AnnotationKind k = kinds[rnd.nextInt(kinds.length)];
      String quote = n.text().substring(0, Math.min(n.text().length(), 20 + rnd.nextInt(20)));
      String id = s.run(Actor.participant(author), new Command.AddAnnotation(n.id(), k,
          "Góp ý số " + i + " về " + n.label() + ": đề nghị làm rõ phạm vi, trách nhiệm và thời hạn thực hiện.",
          k == AnnotationKind.PROPOSED_WORDING ? quote + " (đã chỉnh sửa)" : null,
          new TextQuoteSelector(quote, null, null), new TextPositionSelector(0, quote.length())),
          Event.AnnotationAdded.class).annotationId();
      roots.add(id);
      int r = rnd.nextInt(5);
      if (r < 3) {
        ResponseKind rk = ResponseKind.values()[r];
        s.run(s.as("thuky"), new Command.RespondToAnnotation(id, rk,
            rk == ResponseKind.EXPLAINED ? "Giữ nguyên như dự thảo vì đã phù hợp với quy định hiện hành." : null));
      }
    }
    return s;
  }
}
