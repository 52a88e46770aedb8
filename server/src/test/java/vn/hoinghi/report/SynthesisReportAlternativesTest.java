package vn.hoinghi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Choice;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.VoteMode;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.domain.document.Drafts;
import vn.hoinghi.domain.document.NodeKind;
import vn.hoinghi.report.SynthesisReport.AlternativeCount;
import vn.hoinghi.report.SynthesisReport.VoteResult;

/** The report says, per alternative wording voted on, how many chose it (drafts/real/du-thao-phuong-an-luat-cntt-2006.txt). */
@DisplayName("The synthesis report on votes between alternatives")
class SynthesisReportAlternativesTest {

  @Test
  @DisplayName("an article's and a clause's vote each list their alternatives with counts and percentages")
  void countsPerAlternative() {
    PlayedSession s = PlayedSession.prepared();
    s.run(s.as("chutri"), new Command.StartConference());
    s.run(s.as("thuky"), new Command.ImportDraft(Drafts.read("real/du-thao-phuong-an-luat-cntt-2006.txt"), "Lần 2"));
    List<DraftNode> articles = s.conf.currentDraft().orElseThrow().document().articles();
    DraftNode a3 = articles.get(2);
    DraftNode k54 = articles.get(4).children().get(3);
    List<String> alts3 = a3.children().stream().filter(n -> n.kind() == NodeKind.ALTERNATIVE).map(DraftNode::id).toList();
    List<String> alts54 = k54.children().stream().filter(n -> n.kind() == NodeKind.ALTERNATIVE).map(DraftNode::id).toList();
    String v = s.run(s.as("chutri"), new Command.OpenVote("Phương án Điều 3, khoản 4 Điều 5", List.of(a3.id(), k54.id()),
        VoteMode.NAMED), Event.VoteOpened.class).voteId();
    s.run(s.as("daibieu1"), new Command.CastBallot(v, a3.id(), Choice.AGREE, null, alts3.get(1)));
    s.run(s.as("daibieu2"), new Command.CastBallot(v, a3.id(), Choice.AGREE, null, alts3.get(1)));
    s.run(s.as("daibieu3"), new Command.CastBallot(v, a3.id(), Choice.AGREE, null, alts3.get(0)));
    s.run(s.as("daibieu4"), new Command.CastBallot(v, a3.id(), Choice.OTHER, "Giữ cả hai khoản, sửa câu chữ", null));
    s.run(s.as("daibieu1"), new Command.CastBallot(v, k54.id(), Choice.AGREE, null, alts54.get(0)));
    s.run(s.as("chutri"), new Command.CloseVote(v));

    SynthesisReport r = SynthesisReports.build(s.conf, ReportOptions.whole(), s.now);
    VoteResult onArticle = r.articles().get(2).votes().get(0);
    assertThat(onArticle.targetId()).isEqualTo(a3.id());
    assertThat(onArticle.alternatives()).containsExactly(new AlternativeCount(alts3.get(0), "Phương án 1", 1, 25),
        new AlternativeCount(alts3.get(1), "Phương án 2", 2, 50));
    assertThat(onArticle.overall().other()).isEqualTo(1);
    VoteResult onClause = r.articles().get(4).votes().get(0);
    assertThat(onClause.targetLabel()).isEqualTo("Điều 5, khoản 4");
    assertThat(onClause.alternatives()).extracting(AlternativeCount::count).containsExactly(1, 0);
    assertThat(r.articles().get(0).votes()).isEmpty();
  }
}
