package vn.hoinghi.report;

import java.time.Instant;
import java.util.List;
import vn.hoinghi.domain.AnnotationKind;
import vn.hoinghi.domain.ConferenceStatus;
import vn.hoinghi.domain.EndpointLevel;
import vn.hoinghi.domain.FloorKind;
import vn.hoinghi.domain.ResponseKind;
import vn.hoinghi.domain.VoteMode;
import vn.hoinghi.domain.VoteStatus;

/**
 * The synthesis report of one conference at sequence {@code asOfSeq}: attendance per endpoint; per article of draft
 * version {@code draftVersion} the votes (overall and per endpoint), every piece of feedback with its endpoint and
 * author and the drafting team's answer, and the speakers; totals; the endpoints that gave no feedback. It is live
 * while the conference runs and final once it is closed ({@code isFinal}). Authors of anonymous ballots never appear:
 * an opinion given with a secret ballot carries its endpoint only.
 *
 * <p>{@code table} is the one continuous table of opinions and answers ("Bảng tổng hợp, tiếp thu, giải trình ý kiến
 * góp ý", {@link TableRow}), STT 1..n, only articles with opinions, in article order; {@code agreedWithoutRemarks}
 * the articles and halls it leaves out; {@code tableTotals} the numbers every format prints.
 *
 * <p>{@code endpointScope} is null for the whole conference, or the one endpoint a host may read.
 */
public record SynthesisReport(Heading heading, String endpointScope, List<EndpointAttendance> attendance,
    List<ArticleSection> articles, List<FeedbackItem> generalFeedback, List<SpeechItem> generalSpeeches,
    List<FeedbackItem> orphanedFeedback, Totals totals, List<EndpointRef> endpointsWithoutFeedback,
    List<TableRow> table, AgreedWithoutRemarks agreedWithoutRemarks, TableTotals tableTotals) {

  public SynthesisReport {
    table = List.copyOf(table);
    attendance = List.copyOf(attendance);
    articles = List.copyOf(articles);
    generalFeedback = List.copyOf(generalFeedback);
    generalSpeeches = List.copyOf(generalSpeeches);
    orphanedFeedback = List.copyOf(orphanedFeedback);
    endpointsWithoutFeedback = List.copyOf(endpointsWithoutFeedback);
  }

  /** Every feedback item of the report in reading order: per article, then general, then orphaned; replies inline. */
  public List<FeedbackItem> allFeedback() {
    List<FeedbackItem> out = new java.util.ArrayList<>();
    for (ArticleSection a : articles) {
      a.feedback().forEach(f -> f.addTo(out));
    }
    generalFeedback.forEach(f -> f.addTo(out));
    orphanedFeedback.forEach(f -> f.addTo(out));
    return out;
  }

  public record Heading(String conferenceId, String title, String description, ConferenceStatus status,
      boolean isFinal, Instant startsAt, Instant startedAt, Instant feedbackDeadline, Instant closedAt,
      int draftVersion, int draftVersions, String draftTitle, Instant generatedAt, long asOfSeq) {}

  public record EndpointRef(String endpointId, String code, String name) {}

  /**
   * One hall: its declared head count and check-in, how many of its participants are registered, its delegates by
   * the roll call (registered: the active delegates, listed or joined; present: marked present by the host; absent:
   * the others), and what it contributed: individual ballots cast from it, collective results recorded, its opinions
   * in the table of opinions ({@code feedbackItems}: annotations, ballots' "ý kiến khác", summarized speeches, each
   * counted once even when merged into another row), replies in threads, and speeches.
   */
  public record EndpointAttendance(String endpointId, String code, String name, EndpointLevel level,
      boolean checkedIn, Instant checkedInAt, int headCount, int participants, int delegatesRegistered,
      int delegatesPresent, int delegatesAbsent, int ballots, int hallResults, int feedbackItems, int replies,
      int speeches, long spokenSeconds) {

    public boolean gaveFeedback() {
      return feedbackItems > 0 || replies > 0 || speeches > 0;
    }
  }

  /** One article of the reported version, with everything said and decided about it. */
  public record ArticleSection(String articleId, String number, String title, String chapterLabel,
      String chapterTitle, List<VoteResult> votes, List<FeedbackItem> feedback, List<SpeechItem> speeches) {

    public ArticleSection {
      votes = List.copyOf(votes);
      feedback = List.copyOf(feedback);
      speeches = List.copyOf(speeches);
    }

    public String label() {
      return "Điều " + number;
    }
  }

  /**
   * A vote's result on one article: overall and per endpoint, as the tally counts them (nothing twice). When the vote
   * asked which alternative wording (phương án), {@code targetId}/{@code targetLabel} name the article or clause voted
   * on and {@code alternatives} says how many chose each (empty otherwise; targetId is then the article).
   */
  public record VoteResult(String voteId, String title, VoteMode mode, VoteStatus status, Instant openedAt,
      Instant closedAt, int draftVersion, Count overall, List<EndpointCount> byEndpoint, String targetId,
      String targetLabel, List<AlternativeCount> alternatives) {

    public VoteResult {
      byEndpoint = List.copyOf(byEndpoint);
      alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    public VoteResult(String voteId, String title, VoteMode mode, VoteStatus status, Instant openedAt,
        Instant closedAt, int draftVersion, Count overall, List<EndpointCount> byEndpoint) {
      this(voteId, title, mode, status, openedAt, closedAt, draftVersion, overall, byEndpoint, null, null, null);
    }
  }

  /** How many ballots (and hall results) chose one alternative wording; {@code percent} of the counted total. */
  public record AlternativeCount(String alternativeId, String label, int count, int percent) {}

  public record Count(int agree, int disagree, int other, int total) {}

  /**
   * An endpoint's counted numbers; {@code collective} when the hall's recorded result replaced its delegates'
   * individual ballots ({@code individual}, shown but not counted).
   */
  public record EndpointCount(String endpointId, String name, Count counted, boolean collective, Count individual) {}

  /** What kind of feedback an item is: an annotation of each kind, a reply in a thread, or a ballot's opinion. */
  public enum FeedbackKind {
    COMMENT, QUESTION, PROPOSED_WORDING, REPLY, VOTE_OPINION;

    static FeedbackKind of(AnnotationKind k) {
      return switch (k) {
        case COMMENT -> COMMENT;
        case QUESTION -> QUESTION;
        case PROPOSED_WORDING -> PROPOSED_WORDING;
      };
    }
  }

  /**
   * One piece of feedback. {@code authorId}/{@code authorName} are null for an opinion given with a secret ballot.
   * {@code nodeLabel} names the place ("Điều 8, khoản 1"); {@code quote} is the selected passage, if any;
   * {@code replacement} the proposed wording. {@code answer} is the drafting team's response (null: not yet).
   * {@code replies} are the thread's replies, in order.
   */
  public record FeedbackItem(String id, FeedbackKind kind, String articleId, String nodeId, String nodeLabel,
      String quote, String body, String replacement, String endpointId, String endpointName, String authorId,
      String authorName, Instant at, int draftVersion, boolean orphaned, String voteId, Answer answer,
      String replyTo, List<FeedbackItem> replies) {

    public FeedbackItem {
      replies = List.copyOf(replies);
    }

    FeedbackItem withReplies(List<FeedbackItem> newReplies) {
      return new FeedbackItem(id, kind, articleId, nodeId, nodeLabel, quote, body, replacement, endpointId,
          endpointName, authorId, authorName, at, draftVersion, orphaned, voteId, answer, replyTo, newReplies);
    }

    void addTo(List<FeedbackItem> out) {
      out.add(this);
      out.addAll(replies);
    }
  }

  /** The drafting team's answer: tiếp thu, giải trình (with text), ghi nhận. */
  public record Answer(ResponseKind kind, String text, String byName, Instant at) {}

  public record SpeechItem(String requestId, String participantId, String speakerName, String endpointId,
      String endpointName, FloorKind kind, boolean forHall, String articleId, Instant startedAt, Instant endedAt,
      long spokenSeconds) {}

  /**
   * Counts over the whole report (or the endpoint in scope). The counts of opinions are the table's
   * ({@link SynthesisReport#tableTotals()}): {@code opinions} is its number of rows; by kind, each opinion counts once
   * (comments, questions, proposed wordings, ballots' "ý kiến khác", summarized speeches, written opinions), and
   * {@code merged} of them were merged into another opinion's row, so the kinds' sum minus {@code merged} is
   * {@code opinions}; accepted / explained / noted / unanswered count rows. {@code replies} are replies in threads,
   * not opinions of the table. {@code hidden} and {@code deleted} annotations are counted but not listed: moderated
   * or withdrawn feedback does not go into a filed report.
   */
  public record Totals(int endpoints, int endpointsCheckedIn, int headCount, int participants,
      int delegatesRegistered, int delegatesPresent, int delegatesAbsent, int votes,
      int ballots, int hallResults, int opinions, int comments, int questions, int proposedWordings,
      int voteOpinions, int speechSummaries, int writtenOpinions, int merged, int replies, int hidden, int deleted,
      int accepted, int explained, int noted, int unanswered, int orphaned, int speeches, long spokenSeconds) {}
}
