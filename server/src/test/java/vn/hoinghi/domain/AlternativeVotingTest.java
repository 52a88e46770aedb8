package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Command.CastBallot;
import vn.hoinghi.domain.Command.CloseVote;
import vn.hoinghi.domain.Command.ImportDraft;
import vn.hoinghi.domain.Command.OpenVote;
import vn.hoinghi.domain.Command.RecordHallResult;
import vn.hoinghi.domain.Event.BallotCast;
import vn.hoinghi.domain.Event.SecretBallotCast;
import vn.hoinghi.domain.Event.VoteOpened;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.domain.document.Drafts;
import vn.hoinghi.domain.document.NodeKind;

/**
 * Votes between alternative wordings (phương án), on a draft assembled from Luật Công nghệ thông tin 2006
 * (drafts/real/du-thao-phuong-an-luat-cntt-2006.txt): Điều 3 has two alternatives, khoản 4 of Điều 5 has two.
 */
@DisplayName("Voting between alternative wordings")
class AlternativeVotingTest extends WorldTest {

  String article3;
  String alt1;
  String alt2;
  String clause54;
  String plainArticle;

  @BeforeEach
  void draftWithAlternatives() {
    w = World.live();
    w.h.ok(World.ORGANIZER, new ImportDraft(Drafts.read("real/du-thao-phuong-an-luat-cntt-2006.txt"), "Lần 2"));
    List<DraftNode> articles = w.conf().drafts().get(1).document().articles();
    DraftNode a3 = articles.get(2);
    assertThat(a3.number()).isEqualTo("3");
    article3 = a3.id();
    List<DraftNode> alts = a3.children().stream().filter(n -> n.kind() == NodeKind.ALTERNATIVE).toList();
    assertThat(alts).hasSize(2);
    alt1 = alts.get(0).id();
    alt2 = alts.get(1).id();
    clause54 = articles.get(4).children().get(3).id();
    plainArticle = articles.get(0).id();
  }

  @Test
  @DisplayName("OpenVote records each target's alternatives with ids and labels; plain articles get none")
  void openRecordsAlternatives() {
    VoteOpened e = w.h.ok(w.as(w.chair), new OpenVote("Điều 1 và Điều 3", List.of(plainArticle, article3), null),
        VoteOpened.class);
    assertThat(e.alternatives()).containsOnlyKeys(article3);
    assertThat(e.alternatives().get(article3)).containsExactly(new Alternative(alt1, "Phương án 1"),
        new Alternative(alt2, "Phương án 2"));
    assertThat(w.conf().vote(e.voteId()).orElseThrow().alternativesOf(plainArticle)).isEmpty();
    VoteOpened plain = w.h.ok(w.as(w.chair), new OpenVote(null, List.of(articleIdOf(1)), null), VoteOpened.class);
    assertThat(plain.alternatives()).isNull();
  }

  @Test
  @DisplayName("a clause with alternatives can be voted on by itself; a clause without any cannot")
  void clauseTarget() {
    VoteOpened e = w.h.ok(w.as(w.chair), new OpenVote("Khoản 4 Điều 5", List.of(clause54), null), VoteOpened.class);
    assertThat(e.articleIds()).containsExactly(clause54);
    assertThat(e.alternatives().get(clause54)).extracting(Alternative::label).containsExactly("Phương án 1", "Phương án 2");
    String clause51 = w.conf().drafts().get(1).document().articles().get(4).children().get(0).id();
    w.h.rejected(w.as(w.chair), new OpenVote(null, List.of(clause51), null), RejectionCode.INVALID);
  }

  @Test
  @DisplayName("each ballot chooses one alternative or gives another opinion; the tally counts per alternative and per hall")
  void tallyPerAlternative() {
    String v = w.openVote(VoteMode.NAMED, article3, plainArticle);
    BallotCast b = w.h.ok(w.as(w.delegateDtp), new CastBallot(v, article3, Choice.AGREE, null, alt2), BallotCast.class);
    assertThat(b.alternativeId()).isEqualTo(alt2);
    w.h.ok(w.as(w.delegateDtp2), new CastBallot(v, article3, Choice.AGREE, null, alt1));
    w.h.ok(w.as(w.delegateHni), new CastBallot(v, article3, Choice.AGREE, null, alt2));
    Tally t = w.conf().tally(v, article3);
    assertThat(t.alternatives()).containsExactly(Map.entry(alt1, 1), Map.entry(alt2, 2));
    assertThat(List.of(t.agree(), t.disagree(), t.other(), t.total())).containsExactly(3, 0, 0, 3);
    assertThat(t.byEndpoint().get(w.dtp).alternatives()).containsExactly(Map.entry(alt1, 1), Map.entry(alt2, 1));
    assertThat(t.byEndpoint().get(w.hni).alternatives()).containsExactly(Map.entry(alt1, 0), Map.entry(alt2, 1));
    // Changing a ballot moves the count from one alternative to the other, or out to "ý kiến khác".
    w.h.ok(w.as(w.delegateDtp2), new CastBallot(v, article3, Choice.AGREE, null, alt2));
    w.h.ok(w.as(w.delegateHni), new CastBallot(v, article3, Choice.OTHER, "Ghép hai phương án", null));
    t = w.conf().tally(v, article3);
    assertThat(t.alternatives()).containsExactly(Map.entry(alt1, 0), Map.entry(alt2, 2));
    assertThat(List.of(t.agree(), t.other(), t.total())).containsExactly(2, 1, 3);
    // The plain article beside it is voted as before and has no per-alternative counts.
    w.h.ok(w.as(w.delegateDtp), new CastBallot(v, plainArticle, Choice.DISAGREE, null));
    assertThat(w.conf().tally(v, plainArticle).alternatives()).isNull();
    assertThat(w.conf().tally(v, plainArticle).disagree()).isEqualTo(1);
  }

  @Test
  @DisplayName("refuses a ballot without an alternative, a foreign alternative, disagree, text-less other, alternatives on plain articles; state untouched")
  void refusals() {
    String v = w.openVote(VoteMode.NAMED, article3, plainArticle);
    Actor d = w.as(w.delegateDtp);
    w.h.rejected(d, new CastBallot(v, article3, Choice.AGREE, null, null), RejectionCode.INVALID);
    w.h.rejected(d, new CastBallot(v, article3, Choice.DISAGREE, null, null), RejectionCode.INVALID);
    w.h.rejected(d, new CastBallot(v, article3, Choice.DISAGREE, null, alt1), RejectionCode.INVALID);
    w.h.rejected(d, new CastBallot(v, article3, Choice.OTHER, null, null), RejectionCode.INVALID);
    w.h.rejected(d, new CastBallot(v, article3, Choice.OTHER, "  ", null), RejectionCode.INVALID);
    w.h.rejected(d, new CastBallot(v, article3, Choice.AGREE, null, "d99.pa7"), RejectionCode.INVALID);
    w.h.rejected(d, new CastBallot(v, plainArticle, Choice.AGREE, null, alt1), RejectionCode.INVALID);
    assertThat(w.conf().ballots()).isEmpty();
    assertThat(w.conf().tally(v, article3).alternatives()).containsExactly(Map.entry(alt1, 0), Map.entry(alt2, 0));
    w.h.ok(w.as(w.chair), new CloseVote(v));
    w.h.rejected(d, new CastBallot(v, article3, Choice.AGREE, null, alt1), RejectionCode.WRONG_STATE);
  }

  @Test
  @DisplayName("an anonymous ballot keeps its secrecy: the event holds the voter key and the alternative, never the participant")
  void secret() {
    String v = w.openVote(VoteMode.ANONYMOUS, article3);
    SecretBallotCast e = w.h.ok(w.as(w.delegateDtp), new CastBallot(v, article3, Choice.AGREE, null, alt1),
        SecretBallotCast.class);
    assertThat(e.alternativeId()).isEqualTo(alt1);
    assertThat(e.voterKey()).isNotEqualTo(w.delegateDtp);
    assertThat(w.conf().ballots()).singleElement().satisfies(b -> {
      assertThat(b.secret()).isTrue();
      assertThat(b.voter()).isNotEqualTo(w.delegateDtp);
      assertThat(b.alternativeId()).isEqualTo(alt1);
    });
    assertThat(w.conf().tally(v, article3).alternatives()).containsEntry(alt1, 1);
  }

  @Test
  @DisplayName("a hall result on a target with alternatives counts per alternative and replaces the hall's ballots")
  void hallResult() {
    w.checkedIn(40);
    String v = w.openVote(VoteMode.NAMED, article3);
    w.h.ok(w.as(w.delegateDtp), new CastBallot(v, article3, Choice.AGREE, null, alt1));
    w.h.ok(w.as(w.hostDtp), new RecordHallResult(v, article3, w.dtp, 0, 0, 3, Map.of(alt1, 10, alt2, 25)));
    Tally t = w.conf().tally(v, article3);
    assertThat(t.alternatives()).containsExactly(Map.entry(alt1, 10), Map.entry(alt2, 25));
    assertThat(List.of(t.agree(), t.other(), t.total())).containsExactly(35, 3, 38);
    EndpointTally hall = t.byEndpoint().get(w.dtp);
    assertThat(hall.collective()).isTrue();
    assertThat(hall.alternatives()).containsExactly(Map.entry(alt1, 10), Map.entry(alt2, 25));
    assertThat(hall.individual().agree()).isEqualTo(1);
    w.h.rejected(w.as(w.hostHni), new RecordHallResult(v, article3, w.hni, 5, 0, 0), RejectionCode.INVALID);
    w.h.rejected(w.as(w.hostHni), new RecordHallResult(v, article3, w.hni, 0, 1, 0, Map.of(alt1, 1)), RejectionCode.INVALID);
    w.h.rejected(w.as(w.hostHni), new RecordHallResult(v, article3, w.hni, 0, 0, 0, Map.of("x", 1)), RejectionCode.INVALID);
    w.h.rejected(w.as(w.hostHni), new RecordHallResult(v, article3, w.hni, 7, 0, 0, Map.of(alt1, 1)), RejectionCode.INVALID);
    w.h.rejected(w.as(w.hostHni), new RecordHallResult(v, article3, w.hni, 0, 0, 0, Map.of(alt1, -1)), RejectionCode.INVALID);
    w.h.rejected(w.as(w.hostHni), new RecordHallResult(v, article3, w.hni, 0, 0, 0, Map.of(alt1, 41)), RejectionCode.LIMIT);
  }

  @Test
  @DisplayName("the tallies come back the same when the state is restored from its snapshot")
  void restore() {
    String v = w.openVote(VoteMode.NAMED, article3);
    w.h.ok(w.as(w.delegateDtp), new CastBallot(v, article3, Choice.AGREE, null, alt2));
    Conference back = Conference.restore(w.conf().snapshot(), FixedSecretSealer.INSTANCE);
    assertThat(back.tally(v, article3)).isEqualTo(w.conf().tally(v, article3));
    assertThat(back.vote(v).orElseThrow().alternativesOf(article3)).hasSize(2);
  }

  private String articleIdOf(int index) {
    return w.conf().drafts().get(1).document().articles().get(index).id();
  }
}
