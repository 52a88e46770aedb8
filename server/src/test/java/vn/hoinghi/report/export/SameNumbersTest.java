package vn.hoinghi.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Choice;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.ResponseKind;
import vn.hoinghi.domain.VoteMode;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.domain.document.Drafts;
import vn.hoinghi.domain.document.NodeKind;
import vn.hoinghi.report.PlayedSession;
import vn.hoinghi.report.ReportOptions;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReport.Totals;
import vn.hoinghi.report.SynthesisReport.VoteResult;
import vn.hoinghi.report.SynthesisReports;
import vn.hoinghi.wire.Codec;

/**
 * One conference with every kind of opinion — annotations, ballots' "ý kiến khác", a written opinion, a summarized
 * speech — and a merge, rendered in every format and read back (POI for DOCX and XLSX, PDFBox for PDF, text for
 * Markdown and CSV, the JSON as the route encodes it): the number of opinions, each kind, the merged ones and the
 * answers are the same everywhere, and no internal id is printed. Then a vote between alternative wordings: each
 * format shows every alternative's label, count, percentage and the winner, with the model's numbers.
 */
@DisplayName("The same numbers in every format; votes between alternatives in the exports")
class SameNumbersTest {

  static final DocumentHeading HEADING = new DocumentHeading(DocumentHeading.Style.STATE, "", "BAN SOẠN THẢO",
      "Số:      /BC-BST", "Hà Nội");

  /** The totals sentence every document prints ({@link Wording#opinionCounts}), read back into numbers. */
  static final Pattern SENTENCE = Pattern.compile("Tổng số ý kiến góp ý trong bảng tổng hợp: (\\d+) \\((\\d+) nhận xét, "
      + "(\\d+) câu hỏi, (\\d+) đề xuất sửa câu chữ, (\\d+) ý kiến khác khi biểu quyết, (\\d+) ý kiến phát biểu, (\\d+) ý "
      + "kiến bằng văn bản của cơ quan(?:; (\\d+) ý kiến được gộp vào dòng của ý kiến tương tự)?\\)\\. (?:Ban soạn thảo|Tổ "
      + "biên tập) đã tiếp thu (\\d+), giải trình (\\d+), ghi nhận (\\d+) ý kiến; chưa phản hồi (\\d+)\\.");
  /** The line under the table ({@link FeedbackRows#totals}). */
  static final Pattern UNDER_TABLE = Pattern.compile("Tổng số (\\d+) ý kiến; đã phản hồi (\\d+) \\(tiếp thu (\\d+), giải "
      + "trình (\\d+), ghi nhận (\\d+)\\); chưa phản hồi (\\d+)\\.");

  /** opinions, comments, questions, proposals, ý kiến khác, speeches, written, merged, accepted, explained, noted, unanswered. */
  static List<Integer> numbers(Totals t) {
    return List.of(t.opinions(), t.comments(), t.questions(), t.proposedWordings(), t.voteOpinions(),
        t.speechSummaries(), t.writtenOpinions(), t.merged(), t.accepted(), t.explained(), t.noted(), t.unanswered());
  }

  static List<Integer> sentence(String text) {
    Matcher m = SENTENCE.matcher(text.replaceAll("\\s+", " "));
    assertThat(m.find()).as("the totals sentence in:\n" + text).isTrue();
    List<Integer> out = new ArrayList<>();
    for (int g = 1; g <= 12; g++) out.add(m.group(g) == null ? 0 : Integer.parseInt(m.group(g)));
    assertThat(m.find()).as("printed once").isFalse();
    return out;
  }

  /** rows, answered, accepted, explained, noted, unanswered. */
  static List<Integer> underTable(String text) {
    Matcher m = UNDER_TABLE.matcher(text);
    assertThat(m.find()).as("the line under the table").isTrue();
    List<Integer> out = new ArrayList<>();
    for (int g = 1; g <= 6; g++) out.add(Integer.parseInt(m.group(g)));
    return out;
  }

  /** rows, answered, accepted, explained, noted, unanswered, counted from the answer cells as a reader would. */
  static List<Integer> countAnswers(List<String> answers) {
    int acc = 0, exp = 0, not = 0, none = 0;
    for (String a : answers) {
      if (a.isEmpty() || a.equals(OpinionRows.UNANSWERED)) none++;
      else if (a.startsWith("Tiếp thu")) acc++;
      else if (a.startsWith("Giải trình")) exp++;
      else if (a.startsWith("Ghi nhận")) not++;
      else throw new AssertionError("answer of no kind: " + a);
    }
    return List.of(answers.size(), acc + exp + not, acc, exp, not, none);
  }

  static final Pattern ID = Pattern.compile("\\b(ann|wo|vo|fr|v|p|ep)-\\d|\\bd\\d+(\\.k\\d+)?\\b|\\bballot:");

  static void noInternalIds(String format, String text, Set<String> participantIds) {
    Matcher m = ID.matcher(text);
    assertThat(m.find()).as(format + ": an internal id " + (m.hitEnd() ? "" : "near “"
        + text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40)) + "”")).isFalse();
    for (String p : participantIds) assertThat(text).as(format).doesNotContain(p);
  }

  /** Kept in target/report-samples for a person to look at. */
  static byte[] save(String name, byte[] bytes) throws IOException {
    java.nio.file.Path dir = java.nio.file.Path.of("target", "report-samples");
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.write(dir.resolve(name), bytes);
    return bytes;
  }

  static PlayedSession everyKind() {
    PlayedSession s = PlayedSession.story();
    String written = s.run(s.as("thuky"), new Command.RecordWrittenOpinion("Bộ Tư pháp", "12/BTP-PL", "2024-09-03",
        "d8.k1", "Đề nghị quy định họp thường kỳ sáu tháng một lần."), Event.WrittenOpinionRecorded.class).opinionId();
    String speech = s.conf.speeches().get(0).requestId();
    s.run(s.as("thuky"), new Command.RecordSpeechSummary(speech, "Đề nghị làm rõ biên chế của bộ phận giúp việc."));
    s.run(s.as("thuky"), new Command.RespondToOpinion(speech, ResponseKind.NOTED, null));
    // The written opinion says what the proposed wording says: one row, both sources, the wording's answer.
    s.run(s.as("thuky"), new Command.MergeOpinions(List.of(s.proposal, written)));
    return s;
  }

  @Test
  @DisplayName("annotations, ý kiến khác, a written opinion, a summarized speech and a merge: the same numbers in JSON, DOCX, PDF, Markdown, XLSX and CSV, and no internal id")
  void sameNumbersEverywhere() throws IOException {
    PlayedSession s = everyKind();
    SynthesisReport r = SynthesisReports.build(s.conf, ReportOptions.whole(), s.now);
    Set<String> people = s.conf.participants().stream().map(p -> p.id()).collect(Collectors.toSet());
    Totals t = r.totals();
    List<Integer> expected = numbers(t);
    List<Integer> table = List.of(r.tableTotals().rows(), r.tableTotals().answered(), r.tableTotals().accepted(),
        r.tableTotals().explained(), r.tableTotals().noted(), r.tableTotals().unanswered());
    // Every kind is there, one opinion was merged, and the totals are the table's.
    assertThat(List.of(t.comments(), t.questions(), t.proposedWordings(), t.voteOpinions(), t.speechSummaries(),
        t.writtenOpinions(), t.merged())).allMatch(n -> n > 0);
    assertThat(t.merged()).isEqualTo(1);
    assertThat(t.opinions()).isEqualTo(r.table().size()).isEqualTo(r.tableTotals().rows());
    assertThat(List.of(t.opinions(), t.accepted() + t.explained() + t.noted(), t.accepted(), t.explained(), t.noted(),
        t.unanswered())).isEqualTo(table);
    int halls = r.attendance().stream().mapToInt(SynthesisReport.EndpointAttendance::feedbackItems).sum();
    assertThat(halls + t.writtenOpinions()).as("per hall, plus the agencies' written opinions")
        .isEqualTo(t.opinions() + t.merged());

    // JSON, as GET …/report encodes it.
    JsonObject json = new JsonObject(Codec.encode(r));
    JsonObject jt = json.getJsonObject("totals");
    assertThat(List.of(jt.getInteger("opinions"), jt.getInteger("comments"), jt.getInteger("questions"),
        jt.getInteger("proposedWordings"), jt.getInteger("voteOpinions"), jt.getInteger("speechSummaries"),
        jt.getInteger("writtenOpinions"), jt.getInteger("merged"), jt.getInteger("accepted"), jt.getInteger("explained"),
        jt.getInteger("noted"), jt.getInteger("unanswered"))).isEqualTo(expected);
    assertThat(json.getJsonArray("table")).hasSize(t.opinions());
    assertThat(json.getJsonObject("tableTotals").getInteger("rows")).isEqualTo(t.opinions());

    // DOCX: the totals sentence, the table's rows and answers, the per-hall column.
    ByteArrayOutputStream d = new ByteArrayOutputStream();
    DocxExport.write(r, HEADING, d);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(save("cung-so-lieu.docx", d.toByteArray())));
        XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
      String text = ex.getText();
      assertThat(sentence(text)).as("DOCX").isEqualTo(expected);
      XWPFTable opinions = tableWithHeader(doc, OpinionRows.HEADER);
      List<String> answers = new ArrayList<>();
      for (XWPFTableRow row : opinions.getRows().subList(1, opinions.getRows().size())) {
        answers.add(row.getCell(4).getText().strip());
      }
      assertThat(countAnswers(answers)).as("DOCX table").isEqualTo(table);
      XWPFTable attendance = tableWithHeader(doc, Wording.ATTENDANCE_HEADER);
      int perHall = 0;
      for (XWPFTableRow row : attendance.getRows().subList(1, attendance.getRows().size())) {
        perHall += Integer.parseInt(row.getCell(8).getText().strip());
      }
      assertThat(perHall).as("DOCX per hall").isEqualTo(halls);
      noInternalIds("DOCX", text, people);
    }

    // PDF: the same sentence, and one "Chưa phản hồi." per unanswered row.
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    PdfExport.write(r, HEADING, p);
    try (PDDocument pdf = Loader.loadPDF(save("cung-so-lieu.pdf", p.toByteArray()))) {
      String text = new PDFTextStripper().getText(pdf).replace("\r", "");
      assertThat(sentence(text)).as("PDF").isEqualTo(expected);
      String flat = text.replaceAll("\\s+", " ");
      assertThat(flat.split(Pattern.quote(OpinionRows.UNANSWERED), -1).length - 1).as("PDF unanswered rows")
          .isEqualTo(t.unanswered());
      noInternalIds("PDF", text, people);
    }

    // Markdown: the sentence, the line under the table, the table's rows.
    String md = MarkdownExport.render(r, HEADING);
    save("cung-so-lieu.md", md.getBytes(StandardCharsets.UTF_8));
    assertThat(sentence(md)).as("Markdown").isEqualTo(expected);
    assertThat(underTable(md)).as("Markdown, under the table").isEqualTo(table);
    List<String> lines = md.lines().toList();
    int h = lines.indexOf("| " + String.join(" | ", FeedbackRows.HEADER) + " |");
    List<String> mdAnswers = new ArrayList<>();
    for (int i = h + 2; i < lines.size() && lines.get(i).startsWith("| "); i++) {
      mdAnswers.add(lines.get(i).split("(?<!\\\\)\\|", -1)[5].strip());
    }
    assertThat(countAnswers(mdAnswers)).as("Markdown table").isEqualTo(table);
    noInternalIds("Markdown", md, people);

    // XLSX: the table's rows and answers, both lines under it, the per-hall column.
    ByteArrayOutputStream x = new ByteArrayOutputStream();
    XlsxExport.write(r, x);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.toByteArray()))) {
      DataFormatter fmt = new DataFormatter();
      Sheet fb = wb.getSheet("Góp ý");
      List<String> answers = new ArrayList<>();
      int i = 1;
      for (; fb.getRow(i) != null && fb.getRow(i).getCell(4) != null; i++) answers.add(fb.getRow(i).getCell(4).getStringCellValue());
      assertThat(countAnswers(answers)).as("XLSX table").isEqualTo(table);
      StringBuilder below = new StringBuilder();
      for (; i <= fb.getLastRowNum(); i++) if (fb.getRow(i) != null) below.append(fmt.formatCellValue(fb.getRow(i).getCell(0))).append('\n');
      assertThat(underTable(below.toString())).as("XLSX, under the table").isEqualTo(table);
      assertThat(sentence(below.toString())).as("XLSX").isEqualTo(expected);
      Sheet halls2 = wb.getSheet("Điểm cầu");
      assertThat(halls2.getRow(0).getCell(10).getStringCellValue()).isEqualTo("Ý kiến góp ý");
      int perHall = 0;
      for (Row row : halls2) if (row.getRowNum() > 0) perHall += (int) row.getCell(10).getNumericCellValue();
      assertThat(perHall).as("XLSX per hall").isEqualTo(halls);
      StringBuilder all = new StringBuilder();
      for (Sheet sheet : wb) for (Row row : sheet) for (int c = 0; c < row.getLastCellNum(); c++) all.append(fmt.formatCellValue(row.getCell(c))).append('\n');
      noInternalIds("XLSX", all.toString(), people);
    }

    // CSV: one record per row, the answers.
    ByteArrayOutputStream c = new ByteArrayOutputStream();
    CsvExport.write(r, c);
    String csvText = new String(c.toByteArray(), StandardCharsets.UTF_8).substring(1);
    List<String> csv = new ArrayList<>();
    try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csvText))) {
      for (CSVRecord rec : parser) csv.add(rec.get("Ý kiến tiếp thu, giải trình"));
    }
    assertThat(countAnswers(csv)).as("CSV").isEqualTo(table);
    noInternalIds("CSV", csvText, people);
  }

  private static XWPFTable tableWithHeader(XWPFDocument doc, List<String> header) {
    for (XWPFTable tb : doc.getTables()) {
      XWPFTableRow first = tb.getRow(0);
      if (first.getTableCells().size() == header.size() && first.getCell(0).getText().strip().equals(header.get(0))
          && first.getCell(1).getText().strip().equals(header.get(1))) {
        return tb;
      }
    }
    throw new AssertionError("no table " + header);
  }

  // --- Alternatives -------------------------------------------------------------------------------------------------

  /** The vote of SynthesisReportAlternativesTest: Điều 3 (2 of 4 chose Phương án 2) and Điều 5, khoản 4. */
  static SynthesisReport alternatives() {
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
    s.run(s.as("daibieu2"), new Command.CastBallot(v, k54.id(), Choice.AGREE, null, alts54.get(1)));
    s.run(s.as("chutri"), new Command.CloseVote(v));
    return SynthesisReports.build(s.conf, ReportOptions.whole(), s.now);
  }

  /** Per vote: each alternative as label, count, "N%", and the winner mark — from the model. */
  static List<List<List<String>>> expectedAlternatives(SynthesisReport r) {
    List<List<List<String>>> out = new ArrayList<>();
    for (VoteResult v : Wording.alternativeVotes(r)) {
      List<List<String>> rows = new ArrayList<>();
      var winner = Wording.winner(v);
      for (var a : v.alternatives()) {
        rows.add(List.of(a.label(), Integer.toString(a.count()), a.percent() + "%", a == winner ? "Nhiều phiếu nhất" : ""));
      }
      out.add(rows);
    }
    return out;
  }

  @Test
  @DisplayName("a vote between alternative wordings: DOCX, PDF, Markdown and XLSX show each alternative's count and percentage and the winner, as the model says")
  void alternativesInEveryFormat() throws IOException {
    SynthesisReport r = alternatives();
    List<List<List<String>>> expected = expectedAlternatives(r);
    // The model: Điều 3, 1 and 2 of 4 ballots (25 %, 50 %), Phương án 2 chosen; the clause a tie, no winner.
    assertThat(expected).containsExactly(
        List.of(List.of("Phương án 1", "1", "25%", ""), List.of("Phương án 2", "2", "50%", "Nhiều phiếu nhất")),
        List.of(List.of("Phương án 1", "1", "50%", ""), List.of("Phương án 2", "1", "50%", "")));
    String winner = "Phương án 2 được nhiều phiếu nhất: 2/4 phiếu (50%).";
    String tie = "Không có phương án nào được nhiều phiếu hơn các phương án khác.";

    ByteArrayOutputStream d = new ByteArrayOutputStream();
    DocxExport.write(r, HEADING, d);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(save("phuong-an.docx", d.toByteArray())));
        XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
      List<List<List<String>>> read = new ArrayList<>();
      for (XWPFTable tb : doc.getTables()) {
        if (!tb.getRow(0).getCell(0).getText().strip().equals(Wording.ALTERNATIVES_HEADER.get(0))) continue;
        List<List<String>> rows = new ArrayList<>();
        for (XWPFTableRow row : tb.getRows().subList(1, tb.getRows().size())) {
          rows.add(row.getTableCells().stream().map(cell -> cell.getText().strip()).toList());
        }
        read.add(rows);
      }
      assertThat(read).as("DOCX").isEqualTo(expected);
      assertThat(ex.getText()).contains(winner, tie, "Điều 3 — Phương án Điều 3, khoản 4 Điều 5",
          "Điều 5, khoản 4 — Phương án Điều 3, khoản 4 Điều 5");
    }

    ByteArrayOutputStream p = new ByteArrayOutputStream();
    PdfExport.write(r, HEADING, p);
    try (PDDocument pdf = Loader.loadPDF(save("phuong-an.pdf", p.toByteArray()))) {
      String flat = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      for (List<List<String>> vote : expected) {
        for (List<String> row : vote) assertThat(flat).as("PDF").contains(String.join(" ", row).strip());
      }
      assertThat(flat).contains(winner, tie);
    }

    String md = MarkdownExport.render(r, HEADING);
    save("phuong-an.md", md.getBytes(StandardCharsets.UTF_8));
    for (List<List<String>> vote : expected) {
      for (List<String> row : vote) assertThat(md).as("Markdown").contains("| " + String.join(" | ", row) + " |");
    }
    assertThat(md).contains(winner, tie);

    ByteArrayOutputStream x = new ByteArrayOutputStream();
    XlsxExport.write(r, x);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.toByteArray()))) {
      Sheet alts = wb.getSheet("Phương án");
      assertThat(alts).as("XLSX sheet Phương án").isNotNull();
      List<List<String>> read = new ArrayList<>();
      DataFormatter fmt = new DataFormatter();
      for (Row row : alts) {
        if (row.getRowNum() == 0) continue;
        read.add(List.of(row.getCell(3).getStringCellValue(), fmt.formatCellValue(row.getCell(4)),
            fmt.formatCellValue(row.getCell(5)) + "%", row.getCell(7).getStringCellValue()));
      }
      List<List<String>> flat = new ArrayList<>();
      expected.forEach(flat::addAll);
      assertThat(read).as("XLSX").isEqualTo(flat);
      assertThat(alts.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Điều 3");
      assertThat(alts.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Điều 5, khoản 4");
    }
  }
}
