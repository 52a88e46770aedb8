package vn.hoinghi.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hoinghi.domain.Annotation;
import vn.hoinghi.domain.AnnotationStatus;
import vn.hoinghi.domain.Ballot;
import vn.hoinghi.domain.Choice;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.ConferenceInfo;
import vn.hoinghi.domain.ConferenceStatus;
import vn.hoinghi.domain.DraftVersion;
import vn.hoinghi.domain.Endpoint;
import vn.hoinghi.domain.EndpointLevel;
import vn.hoinghi.domain.EndpointTally;
import vn.hoinghi.domain.HallResult;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.domain.Response;
import vn.hoinghi.domain.Role;
import vn.hoinghi.domain.SpeechRecord;
import vn.hoinghi.domain.Tally;
import vn.hoinghi.domain.Vote;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.domain.document.NodeKind;
import vn.hoinghi.report.SynthesisReport.Answer;
import vn.hoinghi.report.SynthesisReport.ArticleSection;
import vn.hoinghi.report.SynthesisReport.Count;
import vn.hoinghi.report.SynthesisReport.EndpointAttendance;
import vn.hoinghi.report.SynthesisReport.EndpointCount;
import vn.hoinghi.report.SynthesisReport.EndpointRef;
import vn.hoinghi.report.SynthesisReport.FeedbackItem;
import vn.hoinghi.report.SynthesisReport.FeedbackKind;
import vn.hoinghi.report.SynthesisReport.Heading;
import vn.hoinghi.report.SynthesisReport.SpeechItem;
import vn.hoinghi.report.SynthesisReport.Totals;
import vn.hoinghi.report.SynthesisReport.VoteResult;

/**
 * Builds the {@link SynthesisReport} from a conference's state. Pure: reads only the conference's accessors, so it
 * runs on a private copy restored from a snapshot, off the writer and off the event loops.
 */
public final class SynthesisReports {

  private SynthesisReports() {}

  /** Thrown for options that do not fit the conference (no such version or endpoint). */
  public static final class UnknownTarget extends IllegalArgumentException {
    public UnknownTarget(String message) {
      super(message);
    }
  }

  public static SynthesisReport build(Conference conf, ReportOptions options, Instant now) {
    return new Build(conf, options, now).run();
  }

  /** One build: the indexes it needs, then the sections. */
  private static final class Build {
    private final Conference conf;
    private final String scope;
    private final Instant now;
    private final DraftVersion version;
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final Map<String, Participant> people = new HashMap<>();
    /** Every node of the reported version → the article it is in (null for parts, chapters, sections). */
    private final Map<String, DraftNode> articleOf = new HashMap<>();
    private final Map<String, String> labelOf = new HashMap<>();
    private final Map<String, DraftNode> chapterOf = new HashMap<>();
    private final Map<String, Integer> secretOpinions = new HashMap<>();

    Build(Conference conf, ReportOptions options, Instant now) {
      this.conf = conf;
      this.scope = options.endpointId();
      this.now = now;
      if (conf.info() == null) {
        throw new UnknownTarget("the conference has not been created");
      }
      List<DraftVersion> drafts = conf.drafts();
      if (options.draftVersion() != null) {
        int v = options.draftVersion();
        if (v < 1 || v > drafts.size()) {
          throw new UnknownTarget("no draft version " + v + " (versions 1–" + drafts.size() + ")");
        }
        version = drafts.get(v - 1);
      } else {
        version = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
      }
      conf.endpoints().forEach(e -> endpoints.put(e.id(), e));
      conf.participants().forEach(p -> people.put(p.id(), p));
      if (scope != null && !endpoints.containsKey(scope)) {
        throw new UnknownTarget("no endpoint " + scope);
      }
      if (version != null) {
        index(version.document().nodes(), null, null, "");
      }
    }

    private void index(List<DraftNode> level, DraftNode article, DraftNode chapter, String parentLabel) {
      for (DraftNode n : level) {
        DraftNode a = n.kind() == NodeKind.ARTICLE ? n : article;
        DraftNode ch = n.kind() == NodeKind.CHAPTER ? n : chapter;
        String label = switch (n.kind()) {
          case PART, CHAPTER, SECTION, SUBSECTION, ARTICLE, APPENDIX -> n.label();
          case CLAUSE -> parentLabel + ", khoản " + n.number();
          case POINT -> parentLabel + ", điểm " + n.number();
          case ALTERNATIVE -> parentLabel + ", phương án " + n.number();
        };
        if (a != null) {
          articleOf.put(n.id(), a);
        }
        if (ch != null) {
          chapterOf.put(n.id(), ch);
        }
        labelOf.put(n.id(), label);
        index(n.children(), a, ch, label);
      }
    }

    private boolean inScope(String endpointId) {
      return scope == null || scope.equals(endpointId);
    }

    SynthesisReport run() {
      // Feedback: annotation threads (visible roots, visible replies), then opinions given with ballots.
      Map<String, List<FeedbackItem>> byArticle = new LinkedHashMap<>();
      List<FeedbackItem> general = new ArrayList<>();
      List<FeedbackItem> orphaned = new ArrayList<>();
      Map<String, List<Annotation>> repliesOf = new HashMap<>();
      int hidden = 0;
      int deleted = 0;
      for (Annotation a : conf.annotations()) {
        if (a.reply() && a.status() == AnnotationStatus.VISIBLE) {
          repliesOf.computeIfAbsent(a.replyTo(), k -> new ArrayList<>()).add(a);
        }
      }
      Map<String, Integer> repliesPerEndpoint = new HashMap<>();
      int replyCount = 0;
      int orphanCount = 0;
      for (Annotation a : conf.annotations()) {
        if (a.reply()) {
          continue;
        }
        if (a.status() != AnnotationStatus.VISIBLE) {
          if (inScope(a.endpointId())) {
            if (a.status() == AnnotationStatus.HIDDEN) hidden++;
            else deleted++;
          }
          continue;
        }
        List<FeedbackItem> replies = new ArrayList<>();
        for (Annotation r : repliesOf.getOrDefault(a.id(), List.of())) {
          if (inScope(r.endpointId())) {
            replies.add(item(r, FeedbackKind.REPLY, a));
            repliesPerEndpoint.merge(r.endpointId(), 1, Integer::sum);
            replyCount++;
          }
        }
        boolean mine = inScope(a.endpointId());
        if (!mine && replies.isEmpty()) {
          continue;
        }
        FeedbackItem root = item(a, FeedbackKind.of(a.kind()), null).withReplies(replies);
        if (root.orphaned() || !labelOf.containsKey(root.nodeId())) {
          orphaned.add(root);
          if (mine) orphanCount++;
        } else if (root.articleId() != null) {
          byArticle.computeIfAbsent(root.articleId(), k -> new ArrayList<>()).add(root);
        } else {
          general.add(root);
        }
      }
      Map<String, Vote> votes = new LinkedHashMap<>();
      conf.votes().forEach(v -> votes.put(v.id(), v));
      int ballots = 0;
      Map<String, Integer> ballotsPerEndpoint = new HashMap<>();
      for (Ballot b : conf.ballots()) {
        if (!inScope(b.endpointId())) {
          continue;
        }
        ballots++;
        ballotsPerEndpoint.merge(b.endpointId(), 1, Integer::sum);
        if (b.choice() == Choice.OTHER && b.text() != null && !b.text().isBlank()) {
          byArticle.computeIfAbsent(b.articleId(), k -> new ArrayList<>()).add(opinion(b, votes.get(b.voteId())));
        }
      }
      Map<String, Integer> hallsPerEndpoint = new HashMap<>();
      int halls = 0;
      for (HallResult h : conf.hallResults()) {
        if (inScope(h.endpointId())) {
          halls++;
          hallsPerEndpoint.merge(h.endpointId(), 1, Integer::sum);
        }
      }
      // Speeches.
      Map<String, List<SpeechItem>> speechesByArticle = new HashMap<>();
      List<SpeechItem> generalSpeeches = new ArrayList<>();
      Map<String, long[]> speechPerEndpoint = new HashMap<>();
      long spoken = 0;
      int speechCount = 0;
      for (SpeechRecord s : conf.speeches()) {
        if (!inScope(s.endpointId())) {
          continue;
        }
        SpeechItem item = new SpeechItem(s.requestId(), s.participantId(), name(s.participantId()), s.endpointId(),
            endpointName(s.endpointId()), s.kind(), s.forHall(), s.articleId(), s.startedAt(), s.endedAt(),
            s.spokenSeconds());
        speechCount++;
        spoken += s.spokenSeconds();
        long[] per = speechPerEndpoint.computeIfAbsent(s.endpointId(), k -> new long[2]);
        per[0]++;
        per[1] += s.spokenSeconds();
        if (s.articleId() != null && articleOf.containsKey(s.articleId())) {
          speechesByArticle.computeIfAbsent(articleOf.get(s.articleId()).id(), k -> new ArrayList<>()).add(item);
        } else {
          generalSpeeches.add(item);
        }
      }
      // Articles in reading order, each with its votes.
      List<ArticleSection> articles = new ArrayList<>();
      if (version != null) {
        for (DraftNode art : version.document().articles()) {
          List<VoteResult> results = new ArrayList<>();
          for (Vote v : votes.values()) {
            for (String target : v.articleIds()) {
              // A clause voted for its alternatives is reported in its article's section.
              DraftNode of = articleOf.get(target);
              if (target.equals(art.id()) || (of != null && of.id().equals(art.id()))) results.add(result(v, target));
            }
          }
          DraftNode chapter = chapterOf.get(art.id());
          List<FeedbackItem> fb = new ArrayList<>(byArticle.getOrDefault(art.id(), List.of()));
          fb.sort(Comparator.comparing(FeedbackItem::at, Comparator.nullsLast(Comparator.naturalOrder())));
          articles.add(new ArticleSection(art.id(), art.number(), art.title(),
              chapter == null ? null : chapter.label(), chapter == null ? null : chapter.title(), results, fb,
              speechesByArticle.getOrDefault(art.id(), List.of())));
        }
      }
      // The table of opinions: its numbers are the report's counts of opinions (per hall and in the totals).
      OpinionTable.Result table = OpinionTable.build(conf, version, this::inScope, scope == null);
      // Attendance and silence.
      List<EndpointAttendance> attendance = new ArrayList<>();
      List<EndpointRef> silent = new ArrayList<>();
      Map<String, Integer> participantsPerEndpoint = new HashMap<>();
      // The roll call as the hosts recorded it (MarkAttendance): who is connected is live only and not reported.
      Map<String, int[]> delegatesPerEndpoint = new HashMap<>();
      for (Participant p : people.values()) {
        if (p.active() && p.endpointId() != null) {
          participantsPerEndpoint.merge(p.endpointId(), 1, Integer::sum);
          if (p.has(Role.DELEGATE)) {
            int[] d = delegatesPerEndpoint.computeIfAbsent(p.endpointId(), k -> new int[2]);
            d[0]++;
            if (conf.markedPresent(p.id())) d[1]++;
          }
        }
      }
      int checkedIn = 0;
      int heads = 0;
      int participants = 0;
      int[] delegates = new int[2];
      for (Endpoint e : endpoints.values()) {
        if (!inScope(e.id())) {
          continue;
        }
        long[] sp = speechPerEndpoint.getOrDefault(e.id(), new long[2]);
        int[] d = delegatesPerEndpoint.getOrDefault(e.id(), new int[2]);
        EndpointAttendance row = new EndpointAttendance(e.id(), e.code(), e.name(), e.level(), e.checkedIn(),
            e.checkedInAt(), e.headCount(), participantsPerEndpoint.getOrDefault(e.id(), 0), d[0], d[1], d[0] - d[1],
            ballotsPerEndpoint.getOrDefault(e.id(), 0), hallsPerEndpoint.getOrDefault(e.id(), 0),
            table.perEndpoint().getOrDefault(e.id(), 0), repliesPerEndpoint.getOrDefault(e.id(), 0), (int) sp[0],
            sp[1]);
        attendance.add(row);
        if (e.checkedIn()) checkedIn++;
        heads += e.headCount();
        participants += row.participants();
        delegates[0] += d[0];
        delegates[1] += d[1];
        if (e.level() != EndpointLevel.CENTRAL && !row.gaveFeedback()) {
          silent.add(new EndpointRef(e.id(), e.code(), e.name()));
        }
      }
      ConferenceInfo info = conf.info();
      Heading heading = new Heading(info.conferenceId(), info.title(), info.description(), info.status(),
          info.status() == ConferenceStatus.CLOSED, info.startsAt(), info.startedAt(), info.feedbackDeadline(),
          info.closedAt(), version == null ? 0 : version.version(), conf.drafts().size(),
          version == null ? "" : documentTitle(version.document()), now, conf.version());
      OpinionTable.Kinds k = table.kinds();
      var tt = table.totals();
      Totals totals = new Totals(attendance.size(), checkedIn, heads, participants, delegates[0], delegates[1],
          delegates[0] - delegates[1], votes.size(), ballots, halls, tt.rows(), k.comments(), k.questions(),
          k.proposedWordings(), k.voteOpinions(), k.speechSummaries(), k.writtenOpinions(), k.merged(), replyCount,
          hidden, deleted, tt.accepted(), tt.explained(), tt.noted(), tt.unanswered(), orphanCount, speechCount,
          spoken);
      return new SynthesisReport(heading, scope, attendance, articles, general, generalSpeeches, orphaned, totals,
          silent, table.rows(), table.agreed(), table.totals());
    }

    private VoteResult result(Vote v, String articleId) {
      Tally t = conf.tally(v.id(), articleId);
      List<EndpointCount> rows = new ArrayList<>();
      for (Endpoint e : endpoints.values()) {
        EndpointTally et = t.byEndpoint().get(e.id());
        if (et == null || !inScope(e.id())) {
          continue;
        }
        rows.add(new EndpointCount(e.id(), e.name(), new Count(et.agree(), et.disagree(), et.other(), et.total()),
            et.collective(), et.individual() == null ? null : new Count(et.individual().agree(),
                et.individual().disagree(), et.individual().other(), et.individual().total())));
      }
      List<SynthesisReport.AlternativeCount> alternatives = new ArrayList<>();
      for (vn.hoinghi.domain.Alternative a : v.alternativesOf(articleId)) {
        int n = t.alternatives() == null ? 0 : t.alternatives().getOrDefault(a.id(), 0);
        alternatives.add(new SynthesisReport.AlternativeCount(a.id(), a.label(), n,
            t.total() == 0 ? 0 : Math.round(100f * n / t.total())));
      }
      return new VoteResult(v.id(), v.title(), v.mode(), v.status(), v.openedAt(), v.closedAt(), v.draftVersion(),
          new Count(t.agree(), t.disagree(), t.other(), t.total()), rows, articleId,
          labelOf.getOrDefault(articleId, articleId), alternatives);
    }

    private FeedbackItem item(Annotation a, FeedbackKind kind, Annotation root) {
      Annotation placed = root == null ? a : root;
      String nodeId = placed.anchor() == null ? null : placed.anchor().nodeId();
      DraftNode article = nodeId == null ? null : articleOf.get(nodeId);
      String quote = root == null && a.anchor() != null && a.anchor().quote() != null ? a.anchor().quote().exact() : null;
      Response r = a.response();
      Answer answer = r == null ? null : new Answer(r.kind(), r.text(), actorName(r.by()), r.at());
      return new FeedbackItem(a.id(), kind, article == null ? null : article.id(), nodeId,
          nodeId == null ? null : labelOf.getOrDefault(nodeId, nodeId), quote, a.body(), a.replacement(),
          a.endpointId(), endpointName(a.endpointId()), a.authorId(), name(a.authorId()), a.createdAt(),
          placed.draftVersion(), placed.orphaned(), null, answer, a.replyTo(), List.of());
    }

    /** An opinion given with a ballot. A secret ballot's voter is a key, never a person: no author is named. */
    private FeedbackItem opinion(Ballot b, Vote v) {
      String author = b.secret() ? null : b.voter();
      // A secret ballot is numbered within its vote and article: nothing of its voter key leaves the core.
      String id = "ballot:" + b.voteId() + ":" + b.articleId() + ":"
          + (b.secret() ? "kin-" + secretOpinions.merge(b.voteId() + ":" + b.articleId(), 1, Integer::sum) : b.voter());
      return new FeedbackItem(id, FeedbackKind.VOTE_OPINION, b.articleId(), b.articleId(),
          labelOf.getOrDefault(b.articleId(), b.articleId()), null, b.text(), null, b.endpointId(),
          endpointName(b.endpointId()), author, author == null ? null : name(author),
          v == null ? null : v.openedAt(), v == null ? 0 : v.draftVersion(), false, b.voteId(), null, null,
          List.of());
    }

    private String name(String participantId) {
      Participant p = participantId == null ? null : people.get(participantId);
      return p == null ? participantId : p.displayName();
    }

    /** A recorded actor ("p-12", "organizer:acc-1", "system") as a reader would name it. */
    private String actorName(String actor) {
      if (actor == null) return null;
      if (people.containsKey(actor)) return people.get(actor).displayName();
      if (actor.startsWith("organizer:")) return "Ban tổ chức";
      return actor;
    }

    private String endpointName(String endpointId) {
      Endpoint e = endpointId == null ? null : endpoints.get(endpointId);
      return e == null ? endpointId : e.name();
    }
  }

  /** The document's heading: its title line and the first preamble line when the title is just "DỰ THẢO". */
  static String documentTitle(DraftDocument d) {
    String first = d.preamble().lines().findFirst().orElse("");
    if (d.title().strip().equalsIgnoreCase("DỰ THẢO") && !first.isBlank()) {
      return first.strip();
    }
    return d.title();
  }
}
