package vn.hoinghi.domain;

import static vn.hoinghi.domain.ConferenceStatus.LIVE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hoinghi.domain.Command.CastBallot;
import vn.hoinghi.domain.Command.ClearHallResult;
import vn.hoinghi.domain.Command.CloseVote;
import vn.hoinghi.domain.Command.OpenVote;
import vn.hoinghi.domain.Command.RecordHallResult;
import vn.hoinghi.domain.Command.ReopenVote;
import vn.hoinghi.domain.Event.BallotCast;
import vn.hoinghi.domain.Event.BallotsWithdrawn;
import vn.hoinghi.domain.Event.HallResultCleared;
import vn.hoinghi.domain.Event.HallResultRecorded;
import vn.hoinghi.domain.Event.SecretBallotCast;
import vn.hoinghi.domain.Event.VoteClosed;
import vn.hoinghi.domain.Event.VoteOpened;
import vn.hoinghi.domain.Event.VoteReopened;

/**
 * Per-article voting (biểu quyết): votes, ballots, hall results and the tallies derived from them.
 *
 * <p>Nothing is counted twice: in the tally a hall counts with its collective result when its host recorded one, and
 * otherwise with the sum of its delegates' individual ballots. Individual ballots of a hall with a collective result
 * stay visible (in {@link EndpointTally#individual()}) but are not added to the overall numbers. The running counts
 * are {@link ArticleTally}. A target with alternative wordings (phương án) is voted by choosing one of them: see
 * {@link #cast}.
 */
final class Voting {

  record BallotKey(String voteId, String articleId, String voter) {}

  record HallKey(String voteId, String articleId, String endpointId) {}

  record ArticleKey(String voteId, String articleId) {}

  private final Conference conf;
  final Map<String, Vote> votes = new LinkedHashMap<>();
  final Map<BallotKey, Ballot> ballots = new LinkedHashMap<>();
  final Map<HallKey, HallResult> hallResults = new LinkedHashMap<>();
  private final Map<ArticleKey, ArticleTally> tallies = new HashMap<>();
  /** Which open vote each article is in: an article is in at most one open vote. */
  private final Map<String, String> openVoteByArticle = new HashMap<>();

  Voting(Conference conf) {
    this.conf = conf;
  }

  void register(Tables t) {
    t.handlers()
        .handle(OpenVote.class, this::open)
        .handle(CastBallot.class, this::cast)
        .handle(RecordHallResult.class, this::recordHallResult)
        .handle(ClearHallResult.class, this::clearHallResult)
        .handle(CloseVote.class, this::close)
        .handle(ReopenVote.class, this::reopen);
    t.folds()
        .fold(VoteOpened.class, e -> {
          putVote(new Vote(e.voteId(), e.title(), e.articleIds(), e.mode(), e.draftVersion(), VoteStatus.OPEN, e.at(), null, 0,
              e.alternatives()));
        })
        .fold(BallotCast.class, e -> putBallot(new Ballot(e.voteId(), e.articleId(), e.participantId(), false,
            e.endpointId(), e.choice(), e.text(), e.alternativeId())))
        .fold(SecretBallotCast.class, e -> putBallot(new Ballot(e.voteId(), e.articleId(), e.voterKey(), true,
            e.endpointId(), e.choice(), e.text(), e.alternativeId())))
        .fold(BallotsWithdrawn.class, e -> e.voteIds().forEach(v -> withdraw(v, e.participantId())))
        .fold(HallResultRecorded.class, e -> putHallResult(new HallResult(e.voteId(), e.articleId(), e.endpointId(),
            e.agree(), e.disagree(), e.other(), e.recordedBy(), e.alternatives())))
        .fold(HallResultCleared.class, e -> {
          hallResults.remove(new HallKey(e.voteId(), e.articleId(), e.endpointId()));
          articleTally(e.voteId(), e.articleId()).clearCollective(e.endpointId());
        })
        .fold(VoteClosed.class, e -> {
          Vote v = votes.get(e.voteId());
          putVote(v.withStatus(VoteStatus.CLOSED, e.at(), v.reopenCount()));
        })
        .fold(VoteReopened.class, e -> {
          Vote v = votes.get(e.voteId());
          putVote(v.withStatus(VoteStatus.OPEN, null, v.reopenCount() + 1));
        });
    // Ballots are not broadcast: 15,000 ballots to 15,000 delegates would be 225 million messages. Tallies go out on
    // a clock as projections. A named ballot goes to its voter and the moderators; a secret one only to its voter.
    t.audiences()
        .map(VoteOpened.class, e -> Audience.EVERYONE)
        .map(BallotCast.class, e -> new Audience.ParticipantAndModerators(e.participantId()))
        .map(SecretBallotCast.class, e -> new Audience.Voter(e.voteId(), e.voterKey()))
        .map(BallotsWithdrawn.class, e -> {
          Participant p = conf.roster.participants.get(e.participantId());
          return new Audience.EndpointHosts(p == null || p.endpointId() == null ? "" : p.endpointId());
        })
        .map(HallResultRecorded.class, e -> Audience.EVERYONE)
        .map(HallResultCleared.class, e -> Audience.EVERYONE)
        .map(VoteClosed.class, e -> Audience.EVERYONE)
        .map(VoteReopened.class, e -> Audience.EVERYONE);
  }

  // --- Folds, also used to rebuild the derived indexes on restore -------------------------------------------------

  void putVote(Vote v) {
    votes.put(v.id(), v);
    for (String a : v.articleIds()) {
      if (v.status() == VoteStatus.OPEN) {
        openVoteByArticle.put(a, v.id());
      } else {
        openVoteByArticle.remove(a, v.id());
      }
    }
  }

  void putBallot(Ballot b) {
    Ballot old = ballots.put(new BallotKey(b.voteId(), b.articleId(), b.voter()), b);
    conf.opinions.noteBallot(b);
    ArticleTally t = articleTally(b.voteId(), b.articleId());
    if (old != null) {
      t.count(old.endpointId(), old.choice(), old.alternativeId(), -1);
    }
    t.count(b.endpointId(), b.choice(), b.alternativeId(), +1);
  }

  /** The key a participant's ballots in this vote are recorded under: their id, or their voter key if secret. */
  private String voterOf(Vote v, String participantId) {
    return v.mode() == VoteMode.ANONYMOUS ? conf.voterKey(v.id(), participantId) : participantId;
  }

  private void withdraw(String voteId, String participantId) {
    Vote v = votes.get(voteId);
    if (v == null) return;
    String voter = voterOf(v, participantId);
    for (String a : v.articleIds()) {
      Ballot old = ballots.remove(new BallotKey(voteId, a, voter));
      if (old != null) articleTally(voteId, a).count(old.endpointId(), old.choice(), old.alternativeId(), -1);
    }
  }

  /** Before a participant is removed: their ballots in open votes stop counting (one event, no choice in it). */
  void withdrawAll(String participantId, Decide d) {
    List<String> voteIds = new ArrayList<>();
    int count = 0;
    for (Vote v : votes.values()) {
      if (v.status() != VoteStatus.OPEN) continue;
      String voter = voterOf(v, participantId);
      int mine = 0;
      for (String a : v.articleIds()) {
        if (ballots.containsKey(new BallotKey(v.id(), a, voter))) mine++;
      }
      if (mine > 0) {
        voteIds.add(v.id());
        count += mine;
      }
    }
    if (count > 0) d.emit(new BallotsWithdrawn(participantId, voteIds, count));
  }

  void putHallResult(HallResult r) {
    hallResults.put(new HallKey(r.voteId(), r.articleId(), r.endpointId()), r);
    articleTally(r.voteId(), r.articleId()).setCollective(r);
  }

  private ArticleTally articleTally(String voteId, String articleId) {
    return tallies.computeIfAbsent(new ArticleKey(voteId, articleId), k -> new ArticleTally(
        votes.get(voteId).alternativesOf(articleId).stream().map(Alternative::id).toList()));
  }

  // --- Reads ------------------------------------------------------------------------------------------------------

  boolean anyOpen() {
    return !openVoteByArticle.isEmpty();
  }

  Vote vote(String id) {
    Vote v = id == null ? null : votes.get(id);
    if (v == null) {
      throw Reject.notFound("Không tìm thấy cuộc biểu quyết " + id, "Vote " + id + " not found");
    }
    return v;
  }

  /** The tally of one article in one vote, or null when the vote or the article is unknown. */
  Tally tally(String voteId, String articleId) {
    Vote v = voteId == null ? null : votes.get(voteId);
    if (v == null || articleId == null || !v.articleIds().contains(articleId)) {
      return null;
    }
    ArticleTally t = tallies.get(new ArticleKey(voteId, articleId));
    return t != null ? t.tally() : new ArticleTally(v.alternativesOf(articleId).stream().map(Alternative::id).toList()).tally();
  }

  /** The largest hall result recorded for this endpoint in a vote still open: the head count may not go below it. */
  int largestOpenHallResult(String endpointId) {
    int max = 0;
    for (HallResult r : hallResults.values()) {
      if (r.endpointId().equals(endpointId) && votes.get(r.voteId()).status() == VoteStatus.OPEN) {
        max = Math.max(max, r.total());
      }
    }
    return max;
  }

  /** Used when the live session ends. */
  void closeAllOpen(Decide d) {
    for (Vote v : votes.values()) {
      if (v.status() == VoteStatus.OPEN) {
        d.emit(new VoteClosed(v.id(), d.now));
      }
    }
  }

  // --- Handlers ---------------------------------------------------------------------------------------------------

  private void open(OpenVote c, Decide d) {
    String title = Check.text(c.title(), Check.TITLE, Limits.TITLE, false, false);
    if (c.nodeIds() == null || c.nodeIds().isEmpty()) {
      throw Reject.invalid("Cần chọn ít nhất một điều hoặc chương để biểu quyết", "Choose at least one article or chapter to vote on");
    }
    if (c.nodeIds().size() > Limits.VOTE_ARTICLES) {
      throw Reject.limit("Quá nhiều mục được chọn", "Too many nodes chosen");
    }
    conf.lifecycle.require(LIVE);
    if (conf.drafts.current() == null) {
      throw Reject.wrongState("Chưa có dự thảo để biểu quyết", "There is no draft to vote on");
    }
    List<String> articles = conf.drafts.articlesOf(c.nodeIds());
    if (articles.isEmpty()) {
      throw Reject.invalid("Phần được chọn không có điều nào", "The chosen nodes contain no article");
    }
    if (articles.size() > Limits.VOTE_ARTICLES) {
      throw Reject.limit("Một cuộc biểu quyết có tối đa " + Limits.VOTE_ARTICLES + " điều",
          "A vote covers at most " + Limits.VOTE_ARTICLES + " articles");
    }
    for (String a : articles) {
      if (openVoteByArticle.containsKey(a)) {
        throw Reject.conflict(conf.drafts.currentNode(a).label() + " đang được biểu quyết", conf.drafts.currentNode(a).label()
            + " is already in an open vote");
      }
    }
    if (votes.size() >= Limits.VOTES) {
      throw Reject.limit("Đã đạt số cuộc biểu quyết tối đa", "The maximum number of votes is reached");
    }
    VoteMode mode = c.mode() != null ? c.mode() : conf.info().settings().defaultVoteMode();
    Map<String, List<Alternative>> alternatives = new LinkedHashMap<>();
    for (String a : articles) {
      List<Alternative> alts = conf.drafts.alternativesOf(a);
      if (!alts.isEmpty()) alternatives.put(a, alts);
    }
    d.emit(new VoteOpened(d.nextId("v"), title, articles, mode, conf.drafts.currentVersion(), d.now, alternatives));
  }

  /**
   * On a target with alternatives a ballot chooses one (AGREE with its {@code alternativeId}: agreeing with that
   * wording) or gives ý kiến khác (OTHER, text required); không tán thành is not a choice between wordings. Elsewhere
   * an {@code alternativeId} is refused. Anonymous ballots stay secret the same way: only the voter key is recorded.
   */
  private void cast(CastBallot c, Decide d) {
    Choice choice = Check.required(c.choice(), "lựa chọn", "choice");
    String text = Check.text(c.text(), Check.TEXT, Limits.BALLOT_TEXT, false, true);
    if (text != null && choice != Choice.OTHER) {
      throw Reject.invalid("Chỉ ý kiến khác mới kèm nội dung", "Only an OTHER choice carries text");
    }
    Vote v = vote(c.voteId());
    requireArticle(v, c.articleId());
    String alternativeId = AlternativeBallots.check(v, c.articleId(), choice, text, c.alternativeId());
    requireOpen(v);
    Participant p = d.participant();
    if (v.mode() == VoteMode.ANONYMOUS) {
      d.emit(new SecretBallotCast(v.id(), c.articleId(), conf.voterKey(v.id(), p.id()), p.endpointId(), choice, text,
          alternativeId));
    } else {
      d.emit(new BallotCast(v.id(), c.articleId(), p.id(), p.endpointId(), choice, text, alternativeId));
    }
  }

  private void recordHallResult(RecordHallResult c, Decide d) {
    if (c.agree() < 0 || c.disagree() < 0 || c.other() < 0) {
      throw Reject.invalid("Số phiếu không được âm", "Counts must not be negative");
    }
    Vote v = vote(c.voteId());
    requireArticle(v, c.articleId());
    Endpoint e = conf.roster.endpoint(c.endpointId());
    d.requireEndpointScope(e.id());
    requireOpen(v);
    if (!e.checkedIn()) {
      throw Reject.wrongState("Điểm cầu cần điểm danh trước khi ghi kết quả chung", "The endpoint must check in before recording a hall result");
    }
    Map<String, Integer> alternatives = AlternativeBallots.hallCounts(v, c);
    int agree = alternatives == null ? c.agree() : alternatives.values().stream().mapToInt(Integer::intValue).sum();
    long sum = (long) agree + c.disagree() + c.other();
    if (sum > e.headCount()) {
      throw Reject.limit("Tổng số phiếu (" + sum + ") vượt quá số người có mặt (" + e.headCount() + ")",
          "The counts add up to " + sum + ", more than the declared head count of " + e.headCount());
    }
    d.emit(new HallResultRecorded(v.id(), c.articleId(), e.id(), agree, c.disagree(), c.other(), d.actorName(),
        alternatives));
  }

  private void clearHallResult(ClearHallResult c, Decide d) {
    Vote v = vote(c.voteId());
    requireArticle(v, c.articleId());
    Endpoint e = conf.roster.endpoint(c.endpointId());
    d.requireEndpointScope(e.id());
    requireOpen(v);
    if (!hallResults.containsKey(new HallKey(v.id(), c.articleId(), e.id()))) {
      throw Reject.notFound("Chưa có kết quả chung để xóa", "There is no hall result to clear");
    }
    d.emit(new HallResultCleared(v.id(), c.articleId(), e.id()));
  }

  private void close(CloseVote c, Decide d) {
    Vote v = vote(c.voteId());
    requireOpen(v);
    d.emit(new VoteClosed(v.id(), d.now));
  }

  /**
   * A closed vote may be reopened while the session is live, on the draft version it was opened on (ballots refer to
   * that text), when none of its articles is in another open vote, when its hall results still fit the halls' head
   * counts, and at most {@link Limits#REOPENS} times. Ballots and hall results are kept; delegates may change them.
   */
  private void reopen(ReopenVote c, Decide d) {
    Vote v = vote(c.voteId());
    conf.lifecycle.require(LIVE);
    if (v.status() != VoteStatus.CLOSED) {
      throw Reject.wrongState("Cuộc biểu quyết đang mở", "The vote is open");
    }
    if (v.draftVersion() != conf.drafts.currentVersion()) {
      throw Reject.wrongState("Đã có dự thảo lần mới từ khi biểu quyết", "A new draft version has been imported since this vote");
    }
    List<String> busy = new ArrayList<>();
    for (String a : v.articleIds()) {
      if (openVoteByArticle.containsKey(a)) {
        busy.add(a);
      }
    }
    if (!busy.isEmpty()) {
      throw Reject.of(RejectionCode.CONFLICT, "Một số điều đang được biểu quyết ở cuộc khác",
          "Some articles are in another open vote", busy);
    }
    // The head count may have dropped while the vote was closed; a reopened vote must not hold a hall result above it.
    List<String> overfull = new ArrayList<>();
    for (HallResult r : hallResults.values()) {
      if (r.voteId().equals(v.id()) && r.total() > conf.roster.endpoints.get(r.endpointId()).headCount()) {
        overfull.add(r.endpointId());
      }
    }
    if (!overfull.isEmpty()) {
      throw Reject.of(RejectionCode.CONFLICT,
          "Kết quả chung của một số điểm cầu vượt số người có mặt hiện tại; cần cập nhật số người có mặt trước",
          "Some halls' results exceed their current head count; update the head count first", overfull);
    }
    if (v.reopenCount() >= Limits.REOPENS) {
      throw Reject.limit("Chỉ được mở lại tối đa " + Limits.REOPENS + " lần", "A vote may be reopened at most " + Limits.REOPENS + " times");
    }
    d.emit(new VoteReopened(v.id(), d.now));
  }

  private static void requireArticle(Vote v, String articleId) {
    if (articleId == null || !v.articleIds().contains(articleId)) {
      throw Reject.notFound("Điều " + articleId + " không thuộc cuộc biểu quyết này", "Article " + articleId + " is not in this vote");
    }
  }

  private static void requireOpen(Vote v) {
    if (v.status() != VoteStatus.OPEN) {
      throw Reject.wrongState("Cuộc biểu quyết đã đóng", "The vote is closed");
    }
  }
}
