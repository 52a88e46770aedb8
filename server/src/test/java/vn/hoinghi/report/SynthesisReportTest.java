package vn.hoinghi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Ballot;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.ConferenceStatus;
import vn.hoinghi.domain.ResponseKind;
import vn.hoinghi.domain.Tally;
import vn.hoinghi.domain.Vote;
import vn.hoinghi.report.SynthesisReport.ArticleSection;
import vn.hoinghi.report.SynthesisReport.FeedbackItem;
import vn.hoinghi.report.SynthesisReport.FeedbackKind;
import vn.hoinghi.report.SynthesisReport.VoteResult;

@DisplayName("The synthesis report built from the conference state")
class SynthesisReportTest {

  private final PlayedSession s = PlayedSession.story();
  private final SynthesisReport r = SynthesisReports.build(s.conf, ReportOptions.whole(), s.now);

  private ArticleSection article(String id) {
    return r.articles().stream().filter(a -> a.articleId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("has every article of the draft, in order, with its chapter")
  void articles() {
    assertThat(r.articles()).extracting(ArticleSection::articleId)
        .containsExactly("d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10", "d11", "d12", "d13", "d14",
            "d15", "d16", "d17");
    assertThat(article("d8").label()).isEqualTo("Điều 8");
    assertThat(article("d8").title()).isEqualTo("Chế độ họp");
    assertThat(article("d8").chapterLabel()).isEqualTo("Chương III");
    assertThat(r.heading().draftTitle()).isEqualTo("QUY CHẾ LÀM VIỆC MẪU CỦA ĐẢNG ĐOÀN, BAN CÁN SỰ ĐẢNG CẤP TỈNH");
  }

  @Test
  @DisplayName("every vote result equals the core's tally, overall and per endpoint")
  void numbersEqualTallies() {
    int checked = 0;
    for (ArticleSection a : r.articles()) {
      for (VoteResult v : a.votes()) {
        Tally t = s.conf.tally(v.voteId(), a.articleId());
        assertThat(List.of(v.overall().agree(), v.overall().disagree(), v.overall().other(), v.overall().total()))
            .containsExactly(t.agree(), t.disagree(), t.other(), t.total());
        assertThat(v.byEndpoint()).hasSize(t.byEndpoint().size());
        for (var e : v.byEndpoint()) {
          var et = t.byEndpoint().get(e.endpointId());
          assertThat(List.of(e.counted().agree(), e.counted().disagree(), e.counted().other(), e.collective()))
              .containsExactly(et.agree(), et.disagree(), et.other(), et.collective());
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(5);
    VoteResult d8 = article("d8").votes().get(0);
    assertThat(List.of(d8.overall().agree(), d8.overall().disagree(), d8.overall().other(), d8.overall().total()))
        .as("Hà Nội's collective 10/1/0 replaces its two delegates; Đồng Tháp 1/1/1 and the chair").containsExactly(12, 2, 1, 15);
    assertThat(r.totals().votes()).isEqualTo(s.conf.votes().size());
    assertThat(r.totals().ballots()).isEqualTo(s.conf.ballots().size());
  }

  @Test
  @DisplayName("lists each feedback with its endpoint, author and the drafting team's answer")
  void feedback() {
    FeedbackItem proposal = article("d8").feedback().stream().filter(f -> f.id().equals(s.proposal)).findFirst().orElseThrow();
    assertThat(proposal.kind()).isEqualTo(FeedbackKind.PROPOSED_WORDING);
    assertThat(proposal.nodeLabel()).isEqualTo("Điều 8, khoản 1");
    assertThat(proposal.quote()).isEqualTo("mỗi quý một lần");
    assertThat(proposal.replacement()).isEqualTo("sáu tháng một lần");
    assertThat(proposal.authorName()).isEqualTo("Bùi Đức Thắng");
    assertThat(proposal.endpointName()).isEqualTo("Thành ủy Hà Nội");
    assertThat(proposal.answer().kind()).isEqualTo(ResponseKind.ACCEPTED);
    assertThat(proposal.answer().byName()).isEqualTo("Lê Thị Thu Hà");
    assertThat(proposal.replies()).singleElement().satisfies(rep -> {
      assertThat(rep.kind()).isEqualTo(FeedbackKind.REPLY);
      assertThat(rep.authorName()).isEqualTo("Nguyễn Thị Mai");
      assertThat(rep.body()).isEqualTo("Đồng ý với đề xuất này.");
    });
    FeedbackItem comment = article("d15").feedback().get(0);
    assertThat(comment.answer().kind()).isEqualTo(ResponseKind.EXPLAINED);
    assertThat(comment.answer().text()).startsWith("Chế độ phụ cấp");
    assertThat(comment.nodeLabel()).isEqualTo("Điều 15, khoản 4");
    assertThat(article("d10").feedback().get(0).kind()).isEqualTo(FeedbackKind.QUESTION);
    assertThat(r.generalFeedback()).singleElement().satisfies(g -> assertThat(g.nodeLabel()).isEqualTo("Chương III"));
    assertThat(article("d11").feedback()).extracting(FeedbackItem::id).containsExactly(s.lateProposal);
  }

  @Test
  @DisplayName("leaves hidden feedback out and counts it")
  void hiddenLeftOut() {
    assertThat(r.allFeedback()).noneMatch(f -> f.id().equals(s.hiddenComment));
    assertThat(r.totals().hidden()).isEqualTo(1);
    assertThat(r.totals().accepted()).isEqualTo(1);
    assertThat(r.totals().explained()).isEqualTo(1);
    assertThat(r.totals().noted()).isEqualTo(1);
    // The answers count the table's rows: the 3 unanswered annotations and the 2 ballots' "ý kiến khác".
    assertThat(r.totals().unanswered()).isEqualTo(5);
  }

  @Test
  @DisplayName("the totals' opinions are the table's: rows, answers per row, each kind once, merged ones apart")
  void totalsAreTheTables() {
    var t = r.totals();
    var tt = r.tableTotals();
    assertThat(t.opinions()).isEqualTo(tt.rows()).isEqualTo(r.table().size());
    assertThat(List.of(t.accepted(), t.explained(), t.noted(), t.unanswered()))
        .containsExactly(tt.accepted(), tt.explained(), tt.noted(), tt.unanswered());
    assertThat(t.comments() + t.questions() + t.proposedWordings() + t.voteOpinions() + t.speechSummaries()
        + t.writtenOpinions() - t.merged()).isEqualTo(t.opinions());
    assertThat(t.voteOpinions()).isEqualTo(2);
    assertThat(t.merged()).isZero();
    // Per hall: its opinions in the table (replies apart); with no written opinion they add up to the table.
    assertThat(r.attendance().stream().mapToInt(SynthesisReport.EndpointAttendance::feedbackItems).sum())
        .isEqualTo(t.opinions());
    assertThat(r.attendance().stream().mapToInt(SynthesisReport.EndpointAttendance::replies).sum())
        .isEqualTo(t.replies());
  }

  @Test
  @DisplayName("an opinion given with a secret ballot names its endpoint, never its author")
  void secretOpinion() {
    FeedbackItem o = article("d9").feedback().stream().filter(f -> f.kind() == FeedbackKind.VOTE_OPINION)
        .findFirst().orElseThrow();
    assertThat(o.endpointName()).isEqualTo("Tỉnh ủy Đồng Tháp");
    assertThat(o.authorId()).isNull();
    assertThat(o.authorName()).isNull();
    assertThat(o.id()).doesNotContain(s.id("daibieu1"));
    FeedbackItem named = article("d8").feedback().stream().filter(f -> f.kind() == FeedbackKind.VOTE_OPINION)
        .findFirst().orElseThrow();
    assertThat(named.authorName()).isEqualTo("Huỳnh Ngọc Lan");
    Set<String> ids = s.conf.participants().stream().map(p -> p.id()).collect(Collectors.toSet());
    Vote secret = s.conf.vote(s.secretVote).orElseThrow();
    assertThat(secret.articleIds()).containsExactly("d9");
    for (Ballot b : s.conf.ballots()) {
      if (b.secret()) assertThat(ids).doesNotContain(b.voter());
    }
  }

  @Test
  @DisplayName("speeches are listed under their article, with how long they lasted")
  void speeches() {
    assertThat(article("d15").speeches()).singleElement().satisfies(sp -> {
      assertThat(sp.speakerName()).isEqualTo("Võ Thành Nhân");
      assertThat(sp.forHall()).isTrue();
      assertThat(sp.spokenSeconds()).isEqualTo(245);
    });
    assertThat(r.generalSpeeches()).singleElement().satisfies(sp -> assertThat(sp.spokenSeconds()).isEqualTo(90));
    assertThat(r.totals().spokenSeconds()).isEqualTo(335);
  }

  @Test
  @DisplayName("attendance per endpoint, and the endpoints that gave no feedback")
  void attendance() {
    assertThat(r.attendance()).hasSize(35);
    var hni = r.attendance().stream().filter(e -> e.code().equals("HNI")).findFirst().orElseThrow();
    assertThat(hni.checkedIn()).isTrue();
    assertThat(hni.headCount()).isEqualTo(15);
    assertThat(hni.hallResults()).isEqualTo(1);
    assertThat(r.endpointsWithoutFeedback()).extracting(SynthesisReport.EndpointRef::code)
        .hasSize(32).doesNotContain("HNI", "DTP", "TW").contains("HCM", "AGG");
    assertThat(r.totals().endpointsCheckedIn()).isEqualTo(3);
    assertThat(r.heading().isFinal()).isFalse();
    assertThat(r.heading().status()).isEqualTo(ConferenceStatus.FEEDBACK_OPEN);
  }

  @Test
  @DisplayName("a host's part holds only their endpoint's feedback and tallies")
  void endpointScope() {
    String hni = s.endpoint("HNI");
    SynthesisReport part = SynthesisReports.build(s.conf, new ReportOptions(null, hni), s.now);
    assertThat(part.attendance()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("HNI"));
    assertThat(part.allFeedback()).isNotEmpty().allMatch(f -> hni.equals(f.endpointId()) || f.kind() != FeedbackKind.REPLY
        && f.replies().stream().anyMatch(x -> hni.equals(x.endpointId())));
    assertThat(part.articles().stream().flatMap(a -> a.votes().stream()).flatMap(v -> v.byEndpoint().stream()))
        .allMatch(e -> e.endpointId().equals(hni));
  }

  @Test
  @DisplayName("is final once the conference is closed; unknown versions and endpoints are refused")
  void finalAndRefusals() {
    s.run(s.as("chutri"), new Command.CloseConference());
    assertThat(SynthesisReports.build(s.conf, ReportOptions.whole(), s.now).heading().isFinal()).isTrue();
    assertThatThrownBy(() -> SynthesisReports.build(s.conf, new ReportOptions(3, null), s.now))
        .isInstanceOf(SynthesisReports.UnknownTarget.class);
    assertThatThrownBy(() -> SynthesisReports.build(s.conf, new ReportOptions(null, "ep-999"), s.now))
        .isInstanceOf(SynthesisReports.UnknownTarget.class);
  }
}
