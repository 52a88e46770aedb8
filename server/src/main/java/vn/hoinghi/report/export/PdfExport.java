package vn.hoinghi.report.export;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReport.ArticleSection;
import vn.hoinghi.report.SynthesisReport.EndpointAttendance;
import vn.hoinghi.report.SynthesisReport.EndpointCount;
import vn.hoinghi.report.SynthesisReport.VoteResult;
import vn.hoinghi.report.Terms;
import vn.hoinghi.report.export.PdfBlocks.Fonts;

/**
 * The report as PDF, the same document as the DOCX: A4 with the margins of Nghị định 30/2020/NĐ-CP, Liberation Serif
 * embedded (subset, Identity-H, so every Vietnamese letter shows and the text extracts exactly), page numbers from
 * page 2, the heading block, the one table with its header row repeated on each page, and the closing.
 */
public final class PdfExport {

  private PdfExport() {}

  public static void write(SynthesisReport r, DocumentHeading heading, OutputStream out) {
    Fonts f = new Fonts();
    Document doc = new Document(PageSize.A4, PdfBlocks.mm(30), PdfBlocks.mm(15), PdfBlocks.mm(20), PdfBlocks.mm(20));
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      writer.setPageEvent(new PdfBlocks.PageNumbers(f));
      doc.addTitle(Wording.TITLE + " " + Wording.SUBJECT.toLowerCase() + " " + Wording.draftName(r));
      doc.addCreator("Hội Nghị");
      doc.open();
      PdfBlocks.headingBlock(doc, heading, Wording.placeAndDate(heading, r), f);
      doc.add(PdfBlocks.centered(Wording.TITLE, f.bold, 14));
      doc.add(PdfBlocks.centered(Wording.SUBJECT, f.bold, 0));
      doc.add(PdfBlocks.centered(Wording.draftName(r), f.bold, 0));
      doc.add(PdfBlocks.rule(PdfBlocks.mm(40), PdfBlocks.TEXT_WIDTH, f));
      if (Wording.provisional(r) != null) doc.add(PdfBlocks.centered(Wording.provisional(r), f.of(f.slanted, 13), 6));
      if (Wording.scope(r) != null) doc.add(PdfBlocks.centered(Wording.scope(r), f.of(f.slanted, 13), 0));
      doc.add(new Paragraph(8, " ", f.body));
      doc.add(PdfBlocks.body(Wording.intro(r, heading.draftingBody()), f));

      doc.add(PdfBlocks.heading(Wording.REPORT_ATTENDANCE, f));
      doc.add(PdfBlocks.body(Wording.attendanceSummary(r), f));
      PdfPTable att = PdfBlocks.table(new float[] {6, 26, 9, 8, 10, 7, 8, 9, 8, 9}, Wording.ATTENDANCE_HEADER, f);
      int n = 0;
      for (EndpointAttendance e : Wording.activeHalls(r)) {
        PdfBlocks.cells(att, f, Wording.attendanceRow(++n, e).toArray(String[]::new));
      }
      doc.add(att);
      if (Wording.otherHalls(r) != null) doc.add(PdfBlocks.body(Wording.otherHalls(r), f));

      if (r.articles().stream().anyMatch(a -> !a.votes().isEmpty())) {
        doc.add(PdfBlocks.heading(Wording.REPORT_VOTES, f));
        votes(doc, r, f);
      }

      doc.add(PdfBlocks.heading(Wording.REPORT_TABLE, f));
      opinions(doc, r, f);
      if (Wording.allSpeeches(r) != null) doc.add(PdfBlocks.body(Wording.allSpeeches(r), f));
      for (String line : Wording.agreedWithoutRemarks(r)) doc.add(PdfBlocks.body(line, f));

      doc.add(PdfBlocks.heading(Wording.REPORT_TOTALS, f));
      doc.add(PdfBlocks.body(Wording.reportTotals(r, heading.draftingBody()), f));
      doc.add(PdfBlocks.body(Wording.closing(heading.draftingBody()), f));
      PdfBlocks.closing(doc, heading, f);
      appendix(doc, r, f);
      doc.close();
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("cannot write the PDF report", e);
    }
  }

  private static void votes(Document doc, SynthesisReport r, Fonts f) throws DocumentException, IOException {
    byte[] chart = TallyChart.png(r, 900, Math.max(260, 60 + 28 * (int) r.articles().stream()
        .filter(a -> !a.votes().isEmpty()).count()));
    if (chart != null) {
      Image img = Image.getInstance(chart);
      img.scaleToFit(320, 320);
      img.setAlignment(Element.ALIGN_CENTER);
      doc.add(img);
      doc.add(PdfBlocks.centered("Biểu đồ: kết quả biểu quyết theo từng điều (lần biểu quyết gần nhất)",
          f.of(f.slanted, 12), 2));
    }
    PdfPTable t = PdfBlocks.table(new float[] {11, 33, 11, 12, 10, 9, 14},
        List.of("Điều", "Tên điều", "Tán thành", "Không tán thành", "Ý kiến khác", "Tổng", "Tỷ lệ tán thành"), f);
    for (ArticleSection a : r.articles()) {
      VoteResult v = TallyChart.latest(a);
      if (v == null) continue;
      var c = v.overall();
      PdfBlocks.cells(t, f, a.label(), a.title(), Integer.toString(c.agree()), Integer.toString(c.disagree()),
          Integer.toString(c.other()), Integer.toString(c.total()), Terms.percent(c.agree(), c.total()));
    }
    doc.add(t);
    for (VoteResult v : Wording.alternativeVotes(r)) {
      Paragraph head = new Paragraph(f.bold.getSize() * PdfBlocks.LEADING, Wording.alternativesTitle(v), f.bold);
      head.setSpacingBefore(6);
      head.setKeepTogether(true);
      doc.add(head);
      PdfPTable alt = PdfBlocks.table(new float[] {34, 18, 18, 30}, Wording.ALTERNATIVES_HEADER, f);
      for (List<String> row : Wording.alternativeRows(v)) PdfBlocks.cells(alt, f, row.toArray(String[]::new));
      doc.add(alt);
      doc.add(PdfBlocks.body(Wording.alternativesResult(v), f));
    }
  }

  private static void opinions(Document doc, SynthesisReport r, Fonts f) throws DocumentException {
    List<OpinionRows.Row> rows = OpinionRows.rows(r);
    if (rows.isEmpty()) {
      doc.add(PdfBlocks.body("Không có ý kiến góp ý.", f));
      return;
    }
    doc.add(PdfBlocks.centered(OpinionRows.TITLE, f.bold, 0));
    float[] widths = new float[OpinionRows.WIDTHS.length];
    for (int i = 0; i < widths.length; i++) widths[i] = Float.parseFloat(OpinionRows.WIDTHS[i].replace("%", ""));
    PdfPTable t = PdfBlocks.table(widths, OpinionRows.HEADER, f);
    for (OpinionRows.Row row : rows) {
      PdfPCell stt = new PdfPCell(new Phrase(f.table.getSize() * PdfBlocks.LEADING, row.stt(), f.table));
      stt.setHorizontalAlignment(Element.ALIGN_CENTER);
      stt.setPadding(3);
      t.addCell(stt);
      PdfBlocks.cells(t, f, String.join("\n", row.place()), String.join("\n", row.sources()),
          String.join("\n", row.content()), String.join("\n", row.answer()));
    }
    doc.add(t);
  }

  private static void appendix(Document doc, SynthesisReport r, Fonts f) throws DocumentException {
    if (r.articles().stream().allMatch(a -> a.votes().isEmpty())) return;
    doc.add(PdfBlocks.centered(Wording.APPENDIX, f.bold, 18));
    for (ArticleSection a : r.articles()) {
      for (VoteResult v : a.votes()) {
        doc.add(PdfBlocks.heading(a.label() + " — " + Wording.voteSummary(v), f));
        PdfPTable t = PdfBlocks.table(new float[] {38, 11, 13, 11, 9, 18},
            List.of("Điểm cầu", "Tán thành", "Không tán thành", "Ý kiến khác", "Tổng", "Ghi chú"), f);
        for (EndpointCount e : v.byEndpoint()) {
          var c = e.counted();
          PdfBlocks.cells(t, f, e.name(), Integer.toString(c.agree()), Integer.toString(c.disagree()),
              Integer.toString(c.other()), Integer.toString(c.total()), e.collective() ? "kết quả chung" : "");
        }
        doc.add(t);
      }
    }
  }
}
