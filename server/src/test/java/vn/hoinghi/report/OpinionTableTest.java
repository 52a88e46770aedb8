package vn.hoinghi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.ResponseKind;

@DisplayName("The report's one table of opinions and answers")
class OpinionTableTest {

  private final PlayedSession s = PlayedSession.story();

  private SynthesisReport report() {
    return SynthesisReports.build(s.conf, ReportOptions.whole(), s.now);
  }

  private static TableRow row(SynthesisReport r, String opinionId) {
    return r.table().stream().filter(t -> t.opinionIds().contains(opinionId)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("one continuous table numbered 1..n, in article order, with each opinion's place, source and answer")
  void oneTable() {
    SynthesisReport r = report();
    List<TableRow> t = r.table();
    assertThat(t).extracting(TableRow::stt).containsExactly(java.util.stream.IntStream.rangeClosed(1, t.size())
        .boxed().toArray(Integer[]::new));
    // Eight opinions with content: six visible annotations, the named ballot's and the secret ballot's "ý kiến khác"
    // (the hidden comment is left out); a chapter's opinion stands before its articles.
    assertThat(t).extracting(TableRow::placeAtOpinion).containsExactly("Điều 2", "Chương III", "Điều 8",
        "Điều 8, khoản 1", "Điều 9", "Điều 10, khoản 2", "Điều 11, khoản 1, điểm a", "Điều 15, khoản 4");
    TableRow proposal = row(r, s.proposal);
    assertThat(proposal.placeAtOpinion()).isEqualTo("Điều 8, khoản 1");
    assertThat(proposal.placeNow()).isNull();
    assertThat(proposal.content()).contains("Đề nghị sửa “mỗi quý một lần” thành “sáu tháng một lần”");
    assertThat(proposal.answerKind()).isEqualTo(ResponseKind.ACCEPTED);
    assertThat(proposal.answer()).startsWith("Tiếp thu");
    assertThat(proposal.sources()).containsExactly("Đại biểu Bùi Đức Thắng (Thành ủy Hà Nội)");
    TableRow comment = row(r, s.comment);
    assertThat(comment.answer()).isEqualTo("Giải trình: Chế độ phụ cấp thực hiện theo quy định chung của Nhà nước, "
        + "không quy định trong quy chế mẫu.");
    TableRow late = row(r, s.lateProposal);
    assertThat(late.answer()).isEmpty();
    assertThat(late.answerKind()).isNull();
    assertThat(t).noneMatch(x -> x.opinionIds().contains(s.hiddenComment));
    assertThat(r.tableTotals()).isEqualTo(new TableTotals(8, 3, 1, 1, 1, 5));
  }

  @Test
  @DisplayName("an opinion given with a secret ballot names only \"Phiếu kín\", never its author or hall's person")
  void secretBallot() {
    TableRow secret = report().table().stream().filter(t -> t.placeAtOpinion().equals("Điều 9")).findFirst()
        .orElseThrow();
    assertThat(secret.sources()).containsExactly("Phiếu kín");
    assertThat(secret.content()).startsWith("Bổ sung thời hạn ban hành");
    assertThat(String.join(" ", secret.opinionIds())).doesNotContain(s.id("daibieu1"));
  }

  @Test
  @DisplayName("articles and halls without opinions are summarized as ranges, not listed one by one")
  void agreedWithoutRemarks() {
    SynthesisReport r = report();
    AgreedWithoutRemarks a = r.agreedWithoutRemarks();
    assertThat(a.articles()).startsWith("Điều 1").contains("Điều 3–7");
    assertThat(a.articles()).noneMatch(x -> x.equals("Điều 8") || x.contains("Điều 2"));
    assertThat(String.join(",", a.halls())).doesNotContain("Hà Nội");
  }
}
