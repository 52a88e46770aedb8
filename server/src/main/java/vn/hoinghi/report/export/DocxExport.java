package vn.hoinghi.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReport.ArticleSection;
import vn.hoinghi.report.SynthesisReport.EndpointAttendance;
import vn.hoinghi.report.SynthesisReport.EndpointCount;
import vn.hoinghi.report.SynthesisReport.VoteResult;
import vn.hoinghi.report.Terms;
import vn.hoinghi.report.export.DocxBlocks.Para;

/**
 * The report as a Word document in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4 with the decree's margins,
 * Times New Roman 13–14 in real Word styles (Normal, Body Text, Title, Heading 1–2, Table Text, Table Grid), page
 * numbers from page 2; the heading block, "BÁO CÁO" with the draft's name in capitals, attendance, the votes (only
 * articles voted on), the one table "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý" with its header repeated on
 * each page, the articles and halls that agreed without remarks, totals, Nơi nhận and the signature block, and an
 * appendix of per-hall tallies after it.
 */
public final class DocxExport {

  private DocxExport() {}

  public static void write(SynthesisReport r, DocumentHeading heading, OutputStream out) {
    try (XWPFDocument doc = new XWPFDocument()) {
      DocxStyles.install(doc);
      DocxBlocks.headingBlock(doc, heading, Wording.placeAndDate(heading, r), false);
      title(doc, r);
      DocxBlocks.body(doc, Wording.intro(r, heading.draftingBody()));

      DocxBlocks.styled(doc, DocxStyles.H1).run(Wording.REPORT_ATTENDANCE);
      DocxBlocks.body(doc, Wording.attendanceSummary(r));
      attendance(doc, r);

      if (r.articles().stream().anyMatch(a -> !a.votes().isEmpty())) {
        DocxBlocks.styled(doc, DocxStyles.H1).run(Wording.REPORT_VOTES);
        chart(doc, r);
        voteTable(doc, r);
        alternatives(doc, r);
      }

      DocxBlocks.styled(doc, DocxStyles.H1).run(Wording.REPORT_TABLE);
      opinionTable(doc, r);
      if (Wording.allSpeeches(r) != null) DocxBlocks.body(doc, Wording.allSpeeches(r));
      for (String line : Wording.agreedWithoutRemarks(r)) DocxBlocks.body(doc, line);

      DocxBlocks.styled(doc, DocxStyles.H1).run(Wording.REPORT_TOTALS);
      DocxBlocks.body(doc, Wording.reportTotals(r, heading.draftingBody()));
      DocxBlocks.body(doc, Wording.closing(heading.draftingBody()));
      DocxBlocks.closing(doc, heading, false);
      appendix(doc, r);
      DocxStyles.page(doc, false);
      doc.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "BÁO CÁO", the subject and the draft's name in capitals (Title style), the provisional notice, a short rule. */
  private static void title(XWPFDocument doc, SynthesisReport r) {
    DocxBlocks.styled(doc, DocxStyles.TITLE).run(Wording.TITLE);
    Para subject = DocxBlocks.styled(doc, DocxStyles.TITLE);
    subject.p.setSpacingBefore(0);
    subject.run(Wording.SUBJECT);
    Para name = DocxBlocks.styled(doc, DocxStyles.TITLE);
    name.p.setSpacingBefore(0);
    name.run(Wording.draftName(r));
    DocxBlocks.rule(DocxBlocks.styled(doc, DocxStyles.NORMAL), DocxStyles.textWidth(false), DocxStyles.mm(40));
    for (String note : new String[] {Wording.provisional(r), Wording.scope(r)}) {
      if (note != null) {
        Para p = DocxBlocks.styled(doc, DocxStyles.NORMAL, ParagraphAlignment.CENTER);
        p.p.setSpacingBefore(120);
        p.run(note, false, true, 13);
      }
    }
    DocxBlocks.styled(doc, DocxStyles.NORMAL).run("");
  }

  private static void attendance(XWPFDocument doc, SynthesisReport r) {
    XWPFTable t = DocxBlocks.table(doc, Wording.ATTENDANCE_HEADER,
        new String[] {"6%", "26%", "9%", "8%", "10%", "7%", "8%", "9%", "8%", "9%"}, false);
    int n = 0;
    for (EndpointAttendance e : Wording.activeHalls(r)) {
      DocxBlocks.row(t, Wording.attendanceRow(++n, e), ParagraphAlignment.CENTER, ParagraphAlignment.LEFT,
          ParagraphAlignment.CENTER, ParagraphAlignment.CENTER, ParagraphAlignment.CENTER, ParagraphAlignment.CENTER,
          ParagraphAlignment.CENTER, ParagraphAlignment.CENTER, ParagraphAlignment.CENTER, ParagraphAlignment.CENTER);
    }
    if (Wording.otherHalls(r) != null) DocxBlocks.body(doc, Wording.otherHalls(r));
  }

  private static void chart(XWPFDocument doc, SynthesisReport r) {
    byte[] chart = TallyChart.png(r, 900, Math.max(260, 60 + 28 * (int) r.articles().stream()
        .filter(a -> !a.votes().isEmpty()).count()));
    if (chart == null) return;
    Para p = DocxBlocks.styled(doc, DocxStyles.NORMAL, ParagraphAlignment.CENTER);
    p.picture(chart, 320, 320.0 * chartHeight(chart) / 900);
    DocxBlocks.styled(doc, DocxStyles.NORMAL, ParagraphAlignment.CENTER)
        .run("Biểu đồ: kết quả biểu quyết theo từng điều (lần biểu quyết gần nhất)", false, true, 12);
  }

  /** Only the articles that were voted on: a long law does not list every article as "not voted". */
  private static void voteTable(XWPFDocument doc, SynthesisReport r) {
    XWPFTable t = DocxBlocks.table(doc, List.of("Điều", "Tên điều", "Tán thành", "Không tán thành", "Ý kiến khác",
        "Tổng", "Tỷ lệ tán thành"), new String[] {"11%", "33%", "11%", "12%", "10%", "9%", "14%"}, false);
    ParagraphAlignment c = ParagraphAlignment.CENTER;
    for (ArticleSection a : r.articles()) {
      VoteResult v = TallyChart.latest(a);
      if (v == null) continue;
      var n = v.overall();
      DocxBlocks.row(t, List.of(a.label(), a.title(), Integer.toString(n.agree()), Integer.toString(n.disagree()),
          Integer.toString(n.other()), Integer.toString(n.total()), Terms.percent(n.agree(), n.total())),
          c, ParagraphAlignment.LEFT, c, c, c, c, c);
    }
    spacer(doc);
  }

  /** Per vote between alternative wordings: each alternative's ballots and share, and the one chosen by most. */
  private static void alternatives(XWPFDocument doc, SynthesisReport r) {
    ParagraphAlignment c = ParagraphAlignment.CENTER;
    for (VoteResult v : Wording.alternativeVotes(r)) {
      Para head = DocxBlocks.styled(doc, DocxStyles.NORMAL);
      head.p.setKeepNext(true);
      head.p.setSpacingBefore(160);
      head.run(Wording.alternativesTitle(v), true, false, 0);
      XWPFTable t = DocxBlocks.table(doc, Wording.ALTERNATIVES_HEADER, new String[] {"34%", "18%", "18%", "30%"},
          false);
      for (List<String> row : Wording.alternativeRows(v)) DocxBlocks.row(t, row, ParagraphAlignment.LEFT, c, c, c);
      spacer(doc);
      DocxBlocks.body(doc, Wording.alternativesResult(v));
    }
  }

  /** The one table, its title centred above it, its header row repeated on each page. */
  private static void opinionTable(XWPFDocument doc, SynthesisReport r) {
    List<OpinionRows.Row> rows = OpinionRows.rows(r);
    if (rows.isEmpty()) {
      DocxBlocks.body(doc, "Không có ý kiến góp ý.");
      return;
    }
    Para title = DocxBlocks.styled(doc, DocxStyles.NORMAL, ParagraphAlignment.CENTER);
    title.p.setKeepNext(true);
    title.run(OpinionRows.TITLE, true, false, 0);
    XWPFTable t = DocxBlocks.table(doc, OpinionRows.HEADER, OpinionRows.WIDTHS, false);
    for (OpinionRows.Row row : rows) {
      XWPFTableRow tr = t.createRow();
      DocxBlocks.text(tr.getCell(0), List.of(row.stt()), ParagraphAlignment.CENTER, false);
      DocxBlocks.text(tr.getCell(1), row.place(), ParagraphAlignment.LEFT, false);
      DocxBlocks.text(tr.getCell(2), row.sources(), ParagraphAlignment.LEFT, false);
      DocxBlocks.text(tr.getCell(3), row.content(), ParagraphAlignment.LEFT, false);
      DocxBlocks.text(tr.getCell(4), row.answer(), ParagraphAlignment.LEFT, false);
    }
    DocxBlocks.columns(t, OpinionRows.WIDTHS, false);
    spacer(doc);
  }

  /** Per-hall tallies of every vote, on a page of its own; none when nothing was voted on. */
  private static void appendix(XWPFDocument doc, SynthesisReport r) {
    if (r.articles().stream().allMatch(a -> a.votes().isEmpty())) return;
    Para head = DocxBlocks.styled(doc, DocxStyles.TITLE);
    // No page break: on a long law it would spend a page on a short appendix (five pages in all is the goal).
    head.p.setSpacingBefore(360);
    head.run(Wording.APPENDIX);
    ParagraphAlignment c = ParagraphAlignment.CENTER;
    for (ArticleSection a : r.articles()) {
      for (VoteResult v : a.votes()) {
        DocxBlocks.styled(doc, DocxStyles.H2).run(a.label() + " — " + Wording.voteSummary(v));
        XWPFTable t = DocxBlocks.table(doc, List.of("Điểm cầu", "Tán thành", "Không tán thành", "Ý kiến khác",
            "Tổng", "Ghi chú"), new String[] {"38%", "11%", "13%", "11%", "9%", "18%"}, false);
        for (EndpointCount e : v.byEndpoint()) {
          var n = e.counted();
          DocxBlocks.row(t, List.of(e.name(), Integer.toString(n.agree()), Integer.toString(n.disagree()),
              Integer.toString(n.other()), Integer.toString(n.total()), e.collective() ? "kết quả chung" : ""),
              ParagraphAlignment.LEFT, c, c, c, c, c);
        }
        spacer(doc);
      }
    }
  }

  private static void spacer(XWPFDocument doc) {
    Para p = DocxBlocks.styled(doc, DocxStyles.NORMAL);
    p.p.setSpacingAfter(0);
  }

  private static int chartHeight(byte[] png) {
    // PNG header: width and height are big-endian ints at bytes 16 and 20.
    return ((png[20] & 0xff) << 24) | ((png[21] & 0xff) << 16) | ((png[22] & 0xff) << 8) | (png[23] & 0xff);
  }
}
