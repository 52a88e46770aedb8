package vn.hoinghi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.Decision;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.RejectionCode;
import vn.hoinghi.domain.ResponseKind;
import vn.hoinghi.report.revision.DraftRevision;

@DisplayName("Every opinion answerable: written opinions, speeches, ballots' opinions, merges")
class OpinionsTest {

  private final PlayedSession s = PlayedSession.story();

  private SynthesisReport report() {
    return SynthesisReports.build(s.conf, ReportOptions.whole(), s.now);
  }

  private static TableRow row(SynthesisReport r, String opinionId) {
    return r.table().stream().filter(t -> t.opinionIds().contains(opinionId)).findFirst().orElseThrow();
  }

  /** Decides without applying: the command must be refused with {@code code}, and nothing changes. */
  private Decision.Rejected refused(String user, Command c, RejectionCode code) {
    long before = s.conf.version();
    var snapshot = s.conf.snapshot();
    Decision d = s.conf.decide(new CommandEnvelope("bad-" + System.nanoTime(), s.as(user), c), s.now);
    assertThat(d).as(c.toString()).isInstanceOf(Decision.Rejected.class);
    Decision.Rejected r = (Decision.Rejected) d;
    assertThat(r.rejection().code()).as(r.rejection().messageEn()).isEqualTo(code);
    assertThat(r.rejection().messageVi()).isNotBlank();
    assertThat(s.conf.version()).isEqualTo(before);
    assertThat(s.conf.snapshot()).isEqualTo(snapshot);
    return r;
  }

  private String written(String agency, String number, String date, String nodeId, String text) {
    return s.run(s.as("thuky"), new Command.RecordWrittenOpinion(agency, number, date, nodeId, text),
        Event.WrittenOpinionRecorded.class).opinionId();
  }

  @Test
  @DisplayName("a written opinion of an agency enters the table with its công văn and is answered like any other")
  void writtenOpinion() {
    String id = written("Bộ Tư pháp", "12/BTP-PL", "2024-09-03", "d8.k1", "Đề nghị quy định rõ thời hạn họp.");
    TableRow r = row(report(), id);
    assertThat(r.sources()).containsExactly("Bộ Tư pháp (Công văn số 12/BTP-PL ngày 03/09/2024)");
    assertThat(r.placeAtOpinion()).isEqualTo("Điều 8, khoản 1");
    assertThat(r.answer()).isEmpty();
    s.run(s.as("thuky"), new Command.RespondToOpinion(id, ResponseKind.EXPLAINED, "Đã quy định tại Điều 10."));
    SynthesisReport after = report();
    assertThat(row(after, id).answer()).isEqualTo("Giải trình: Đã quy định tại Điều 10.");
    assertThat(row(after, id).answerKind()).isEqualTo(ResponseKind.EXPLAINED);
    assertThat(after.tableTotals().rows()).isEqualTo(9);
    assertThat(after.tableTotals().explained()).isEqualTo(2);
  }

  @Test
  @DisplayName("a secret ballot's opinion is answerable by an id that names no voter; its source is only \"Phiếu kín\"")
  void secretBallotAnswerable() {
    TableRow secret = report().table().stream().filter(t -> t.sources().contains("Phiếu kín")).findFirst().orElseThrow();
    String id = secret.opinionIds().get(0);
    assertThat(id).startsWith("vo-");
    s.run(s.as("thuky"), new Command.RespondToOpinion(id, ResponseKind.ACCEPTED, "Bổ sung tại khoản 3."));
    TableRow answered = row(report(), id);
    assertThat(answered.answer()).isEqualTo("Tiếp thu: Bổ sung tại khoản 3.");
    assertThat(answered.sources()).containsExactly("Phiếu kín");
    // The named ballot's opinion is answerable the same way and names its delegate.
    TableRow named = report().table().stream().filter(t -> t.placeAtOpinion().equals("Điều 8")).findFirst().orElseThrow();
    assertThat(named.opinionIds().get(0)).startsWith("vo-");
    assertThat(named.sources().get(0)).startsWith("Đại biểu ");
  }

  @Test
  @DisplayName("the secretary summarizes a speech after it ended (again: replaced); the summary is a row and can be answered")
  void speechSummary() {
    // The story's first speech: Đồng Tháp for its hall, on Điều 15.
    String req = s.conf.speeches().get(0).requestId();
    int rows = report().table().size();
    s.run(s.as("thuky"), new Command.RecordSpeechSummary(req, "Đề nghị làm rõ bộ phận giúp việc."));
    s.run(s.as("thuky"), new Command.RecordSpeechSummary(req, "Đề nghị làm rõ biên chế của bộ phận giúp việc."));
    assertThat(report().table()).hasSize(rows + 1);
    TableRow r = row(report(), req);
    assertThat(r.content()).isEqualTo("Đề nghị làm rõ biên chế của bộ phận giúp việc.");
    assertThat(r.placeAtOpinion()).isEqualTo("Điều 15");
    assertThat(r.sources()).containsExactly("Tỉnh ủy Đồng Tháp (phát biểu)");
    s.run(s.as("chutri"), new Command.RespondToOpinion(req, ResponseKind.NOTED, null));
    assertThat(row(report(), req).answerKind()).isEqualTo(ResponseKind.NOTED);
  }

  @Test
  @DisplayName("merged opinions are one row listing every source and answered once; unmerged they are two rows again")
  void mergeAndUnmerge() {
    String w = written("Bộ Nội vụ", null, null, "d8.k1", "Đề nghị họp sáu tháng một lần.");
    int rows = report().table().size();
    s.run(s.as("thuky"), new Command.MergeOpinions(List.of(s.proposal, w)));
    SynthesisReport merged = report();
    assertThat(merged.table()).hasSize(rows - 1);
    TableRow r = row(merged, w);
    assertThat(r.opinionIds()).containsExactly(s.proposal, w);
    assertThat(r.sources()).containsExactly("Đại biểu Bùi Đức Thắng (Thành ủy Hà Nội)", "Bộ Nội vụ");
    assertThat(r.answerKind()).isEqualTo(ResponseKind.ACCEPTED);
    assertThat(merged.table()).extracting(TableRow::stt).containsExactly(
        java.util.stream.IntStream.rangeClosed(1, rows - 1).boxed().toArray(Integer[]::new));
    refused("thuky", new Command.RespondToOpinion(w, ResponseKind.NOTED, null), RejectionCode.WRONG_STATE);
    s.run(s.as("thuky"), new Command.UnmergeOpinion(w));
    assertThat(report().table()).hasSize(rows);
  }

  @Test
  @DisplayName("an import of written opinions with a bad row adds none and names every bad row")
  void importAllOrNothing() {
    var bad = refused("thuky", new Command.ImportWrittenOpinions(List.of(
        new Command.RecordWrittenOpinion("Bộ Tài chính", "5/BTC", "2024-09-01", "d9", "Ý kiến một."),
        new Command.RecordWrittenOpinion("", null, null, null, "Ý kiến hai."),
        new Command.RecordWrittenOpinion("Bộ Công an", null, "03/09/2024", null, "Ý kiến ba."),
        new Command.RecordWrittenOpinion("Bộ Y tế", null, null, "d99", "Ý kiến bốn."))), RejectionCode.INVALID);
    assertThat(bad.rejection().details()).hasSize(3);
    assertThat(bad.rejection().details().get(0)).startsWith("dòng 2:");
    assertThat(bad.rejection().details().get(1)).startsWith("dòng 3:").contains("yyyy-mm-dd");
    assertThat(bad.rejection().details().get(2)).startsWith("dòng 4:");
    var ok = s.run(s.as("thuky"), new Command.ImportWrittenOpinions(List.of(
        new Command.RecordWrittenOpinion("Bộ Tài chính", "5/BTC", "2024-09-01", "d9", "Ý kiến một."),
        new Command.RecordWrittenOpinion("Bộ Công an", null, null, null, "Ý kiến chung về dự thảo."))),
        Event.WrittenOpinionsImported.class);
    assertThat(ok.opinions()).hasSize(2);
    SynthesisReport r = report();
    assertThat(row(r, ok.opinions().get(1).opinionId()).placeAtOpinion()).isEqualTo("Ý kiến chung");
    assertThat(r.table().get(0).opinionIds()).contains(ok.opinions().get(1).opinionId());
  }

  @Test
  @DisplayName("bad input to each new command is refused with a clear error and changes nothing")
  void badInput() {
    refused("thuky", new Command.RecordWrittenOpinion(null, null, null, null, "Nội dung"), RejectionCode.INVALID);
    refused("thuky", new Command.RecordWrittenOpinion("Bộ Tư pháp", null, null, null, " "), RejectionCode.INVALID);
    refused("thuky", new Command.RecordWrittenOpinion("Bộ Tư pháp", null, "2999-01-01", null, "Nội dung"),
        RejectionCode.INVALID);
    refused("thuky", new Command.RecordWrittenOpinion("Bộ Tư pháp", null, null, "khong-co", "Nội dung"),
        RejectionCode.NOT_FOUND);
    refused("thuky", new Command.RecordWrittenOpinion("B".repeat(201), null, null, null, "Nội dung"), RejectionCode.LIMIT);
    refused("thuky", new Command.ImportWrittenOpinions(List.of()), RejectionCode.INVALID);
    refused("thuky", new Command.RecordSpeechSummary("fr-0", "Tóm tắt"), RejectionCode.NOT_FOUND);
    refused("thuky", new Command.RecordSpeechSummary(null, "Tóm tắt"), RejectionCode.INVALID);
    refused("thuky", new Command.RespondToOpinion("vo-999", ResponseKind.NOTED, null), RejectionCode.NOT_FOUND);
    refused("thuky", new Command.RespondToOpinion(s.comment, null, null), RejectionCode.INVALID);
    refused("thuky", new Command.RespondToOpinion(s.comment, ResponseKind.EXPLAINED, ""), RejectionCode.INVALID);
    refused("thuky", new Command.MergeOpinions(List.of(s.comment)), RejectionCode.INVALID);
    refused("thuky", new Command.MergeOpinions(List.of(s.comment, s.comment)), RejectionCode.INVALID);
    refused("thuky", new Command.MergeOpinions(List.of(s.comment, "ann-0")), RejectionCode.NOT_FOUND);
    refused("thuky", new Command.UnmergeOpinion(s.comment), RejectionCode.WRONG_STATE);
    // Delegates and hosts may not answer, record or merge.
    refused("daibieu1", new Command.RespondToOpinion(s.comment, ResponseKind.NOTED, null), RejectionCode.FORBIDDEN);
    refused("hanoi", new Command.RecordWrittenOpinion("Bộ Tư pháp", null, null, null, "Nội dung"), RejectionCode.FORBIDDEN);
    s.run(s.as("chutri"), new Command.CloseConference());
    refused("thuky", new Command.RecordWrittenOpinion("Bộ Tư pháp", null, null, null, "Nội dung"),
        RejectionCode.WRONG_STATE);
  }

  @Test
  @DisplayName("merges refused: no list, one id, an unknown or a reply's id, an opinion already merged (as member, whichever side); unmerge of a head or an unknown id")
  void mergeRefusals() {
    refused("thuky", new Command.MergeOpinions(null), RejectionCode.INVALID);
    refused("thuky", new Command.MergeOpinions(List.of()), RejectionCode.INVALID);
    refused("thuky", new Command.MergeOpinions(List.of(s.comment)), RejectionCode.INVALID);
    refused("thuky", new Command.MergeOpinions(List.of("wo-999", s.comment)), RejectionCode.NOT_FOUND);
    String reply = s.conf.annotations().stream().filter(vn.hoinghi.domain.Annotation::reply).findFirst().orElseThrow().id();
    refused("thuky", new Command.MergeOpinions(List.of(s.comment, reply)), RejectionCode.NOT_FOUND);
    String gone = s.annotate("daibieu5", "d9", vn.hoinghi.domain.AnnotationKind.COMMENT, null, "Sẽ rút lại.", null);
    s.run(s.as("daibieu5"), new Command.DeleteAnnotation(gone));
    refused("thuky", new Command.MergeOpinions(List.of(s.comment, gone)), RejectionCode.NOT_FOUND);
    refused("thuky", new Command.MergeOpinions(java.util.Collections.nCopies(51, s.comment)), RejectionCode.INVALID);
    String w = written("Bộ Nội vụ", null, null, "d15.k4", "Đề nghị làm rõ chế độ phụ cấp.");
    s.run(s.as("thuky"), new Command.MergeOpinions(List.of(s.comment, w)));
    var again = refused("thuky", new Command.MergeOpinions(List.of(w, s.question)), RejectionCode.CONFLICT);
    assertThat(again.rejection().messageVi()).contains("đã được gộp vào ý kiến " + s.comment);
    refused("thuky", new Command.MergeOpinions(List.of(s.question, w)), RejectionCode.CONFLICT);
    refused("thuky", new Command.UnmergeOpinion(s.comment), RejectionCode.WRONG_STATE);
    refused("thuky", new Command.UnmergeOpinion("ann-999"), RejectionCode.WRONG_STATE);
    refused("thuky", new Command.UnmergeOpinion(null), RejectionCode.INVALID);
    refused("daibieu1", new Command.MergeOpinions(List.of(s.question, s.proposal)), RejectionCode.FORBIDDEN);
    // A merged row led by a later id comes along: merging its head into another keeps every member in one row.
    s.run(s.as("thuky"), new Command.MergeOpinions(List.of(s.question, s.comment)));
    TableRow r = row(report(), w);
    assertThat(r.opinionIds()).containsExactlyInAnyOrder(s.question, s.comment, w);
    assertThat(report().totals().merged()).isEqualTo(2);
  }

  @Test
  @DisplayName("a snapshot holds the opinions: restored, the table is the same")
  void snapshotRoundTrip() {
    String w = written("Bộ Tư pháp", "12/BTP-PL", "2024-09-03", "d9", "Đề nghị bổ sung.");
    s.run(s.as("thuky"), new Command.RespondToOpinion(w, ResponseKind.NOTED, null));
    s.run(s.as("thuky"), new Command.MergeOpinions(List.of(s.comment, w)));
    Conference restored = Conference.restore(s.conf.snapshot(), PlayedSession.SEALER);
    assertThat(restored.snapshot()).isEqualTo(s.conf.snapshot());
    assertThat(SynthesisReports.build(restored, ReportOptions.whole(), s.now).table()).isEqualTo(report().table());
  }

  @Test
  @DisplayName("after a revision: the number at the time of the opinion stays with the new one beside it; an applied wording is taken in; a deleted clause shows as deleted")
  void afterRevision() {
    String w = written("Bộ Tư pháp", null, null, "d15.k5", "Đề nghị bỏ khoản 5.");
    var v1 = s.conf.drafts().get(0).document();
    var composed = DraftRevision.compose(v1, 1, List.of(s.conf.annotation(s.proposal).orElseThrow()), List.of());
    String v2 = composed.text().replace("### Điều 8. Chế độ họp", "### Điều 8. Họp trực tuyến\n"
        + "1. Đảng đoàn có thể họp theo hình thức trực tuyến.\n\n### Điều 8. Chế độ họp");
    for (int n = 17; n >= 8; n--) {
      v2 = v2.replace("### Điều " + n + ". ", "### Điều @" + (n + 1) + ". ");
    }
    v2 = v2.replace("### Điều @9. Họp trực tuyến", "### Điều 8. Họp trực tuyến").replace("@", "");
    // Điều 15 (now 16) loses its last clause.
    String k5 = "5. " + s.text("d15.k5");
    assertThat(v2).contains(k5);
    v2 = v2.replace(k5, "");
    s.advance(60);
    s.run(s.as("thuky"), new Command.ImportDraft(v2, "Tiếp thu"));
    SynthesisReport r = report();
    TableRow proposal = row(r, s.proposal);
    assertThat(proposal.placeAtOpinion()).isEqualTo("Điều 8, khoản 1");
    assertThat(proposal.placeNow()).isEqualTo("Điều 9, khoản 1");
    assertThat(proposal.answer()).contains("Đã thể hiện trong dự thảo");
    TableRow deleted = row(r, w);
    assertThat(deleted.placeAtOpinion()).isEqualTo("Điều 15, khoản 5");
    assertThat(deleted.placeNow()).isEqualTo(TableRow.DELETED);
    assertThat(deleted.placeLabel()).isEqualTo("Điều 15, khoản 5 (đã bỏ)");
    assertThat(r.table()).allSatisfy(t -> assertThat(t.placeLabel()).doesNotContainPattern("\\bd\\d|ann-|wo-"));
  }

}
