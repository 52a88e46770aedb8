package vn.hoinghi.report.export;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReport.ArticleSection;
import vn.hoinghi.report.SynthesisReport.EndpointAttendance;
import vn.hoinghi.report.SynthesisReport.EndpointCount;
import vn.hoinghi.report.SynthesisReport.FeedbackItem;
import vn.hoinghi.report.SynthesisReport.VoteResult;
import vn.hoinghi.report.Terms;

/**
 * The report as PDF with the same sections as the DOCX. DejaVu Sans is embedded (subset, Identity-H) so that every
 * Vietnamese letter shows on any reader and the text can be extracted exactly.
 */
public final class PdfExport {

  private PdfExport() {}

  public static void write(SynthesisReport r, DocumentHeading heading, OutputStream out) {
    Fonts f = new Fonts();
    // A4 with the administrative margins: 20 mm top and bottom, 30 mm left, 15 mm right.
    Document doc = new Document(PageSize.A4, mm(30), mm(15), mm(20), mm(20));
    try {
      PdfWriter.getInstance(doc, out);
      doc.addTitle(Wording.TITLE + " " + Wording.subtitle(r));
      doc.addCreator("Hội Nghị");
      doc.open();
      headingBlock(doc, r, heading, f);
      doc.add(centered(Wording.TITLE, f.title, 12));
      doc.add(centered(Wording.subtitle(r), f.bold, 0));
      doc.add(centered("-----", f.body, 0));
      if (Wording.provisional(r) != null) doc.add(centered(Wording.provisional(r), f.italic, 6));
      if (Wording.scope(r) != null) doc.add(centered(Wording.scope(r), f.italic, 0));
      doc.add(body(Wording.intro(r), f));

      doc.add(section(Wording.SECTION_ATTENDANCE, f));
      doc.add(body(Wording.attendanceSummary(r), f));
      PdfPTable att = table(new float[] {5, 27, 9, 8, 9, 7, 8, 9, 9, 9}, Wording.ATTENDANCE_HEADER, f);
      int n = 0;
      for (EndpointAttendance e : r.attendance()) {
        cells(att, f, Wording.attendanceRow(++n, e).toArray(String[]::new));
      }
      doc.add(att);

      doc.add(section(Wording.SECTION_VOTES, f));
      byte[] chart = TallyChart.png(r, 900, Math.max(260, 60 + 28 * (int) r.articles().stream()
          .filter(a -> !a.votes().isEmpty()).count()));
      if (chart != null) {
        Image img = Image.getInstance(chart);
        img.scaleToFit(doc.getPageSize().getWidth() - mm(45), 500);
        img.setAlignment(Element.ALIGN_CENTER);
        doc.add(img);
        doc.add(centered("Biểu đồ: kết quả biểu quyết theo từng điều (lần biểu quyết gần nhất)", f.smallItalic, 2));
      }
      PdfPTable votes = table(new float[] {9, 37, 10, 12, 10, 9, 13},
          List.of("Điều", "Tên điều", "Tán thành", "Không tán thành", "Ý kiến khác", "Tổng", "Tỷ lệ tán thành"), f);
      for (ArticleSection a : r.articles()) {
        VoteResult v = TallyChart.latest(a);
        if (v == null) {
          cells(votes, f, a.label(), a.title(), "—", "—", "—", "—", "chưa biểu quyết");
        } else {
          var c = v.overall();
          cells(votes, f, a.label(), a.title(), Integer.toString(c.agree()), Integer.toString(c.disagree()),
              Integer.toString(c.other()), Integer.toString(c.total()), Terms.percent(c.agree(), c.total()));
        }
      }
      doc.add(votes);

      doc.add(section(Wording.SECTION_FEEDBACK, f));
      n = 0;
      for (ArticleSection a : r.articles()) {
        doc.add(subsection(Wording.articleHeading(++n, a), f));
        for (VoteResult v : a.votes()) doc.add(body("– " + Wording.voteSummary(v), f));
        if (!a.speeches().isEmpty()) doc.add(body("– " + Wording.speakers(a.speeches()), f));
        feedback(doc, a.feedback(), f);
      }
      if (!r.generalFeedback().isEmpty() || !r.generalSpeeches().isEmpty()) {
        doc.add(subsection((++n) + ". Ý kiến chung về dự thảo", f));
        if (!r.generalSpeeches().isEmpty()) doc.add(body("– " + Wording.speakers(r.generalSpeeches()), f));
        feedback(doc, r.generalFeedback(), f);
      }
      if (!r.orphanedFeedback().isEmpty()) {
        doc.add(subsection((++n) + ". Góp ý không còn vị trí trong dự thảo phiên bản " + r.heading().draftVersion(), f));
        feedback(doc, r.orphanedFeedback(), f);
      }
      doc.add(section(Wording.SECTION_SILENT, f));
      doc.add(body(r.endpointsWithoutFeedback().isEmpty() ? "Tất cả các điểm cầu đều có ý kiến."
          : "Có " + r.endpointsWithoutFeedback().size() + " điểm cầu chưa có ý kiến góp ý: " + String.join(", ",
              r.endpointsWithoutFeedback().stream().map(SynthesisReport.EndpointRef::name).toList()) + ".", f));
      doc.add(section(Wording.SECTION_TOTALS, f));
      doc.add(body(Wording.totals(r.totals()), f));
      doc.add(body(Wording.CLOSING, f));
      signature(doc, heading, f);

      doc.newPage();
      doc.add(centered(Wording.APPENDIX, f.bold, 0));
      for (ArticleSection a : r.articles()) {
        for (VoteResult v : a.votes()) {
          doc.add(body(a.label() + " — " + Wording.voteSummary(v), f));
          PdfPTable t = table(new float[] {40, 11, 13, 11, 9, 16},
              List.of("Điểm cầu", "Tán thành", "Không tán thành", "Ý kiến khác", "Tổng", "Ghi chú"), f);
          for (EndpointCount e : v.byEndpoint()) {
            var c = e.counted();
            cells(t, f, e.name(), Integer.toString(c.agree()), Integer.toString(c.disagree()),
                Integer.toString(c.other()), Integer.toString(c.total()), e.collective() ? "kết quả chung" : "");
          }
          doc.add(t);
        }
      }
      doc.close();
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("cannot write the PDF report", e);
    }
  }

  /** The faces in use, all from the embedded DejaVu Sans. */
  private static final class Fonts {
    final Font body;
    final Font bold;
    final Font italic;
    final Font title;
    final Font small;
    final Font smallBold;
    final Font smallItalic;

    Fonts() {
      try {
        BaseFont regular = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
            ReportFonts.REGULAR, null);
        BaseFont heavy = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
            ReportFonts.BOLD, null);
        body = new Font(regular, 10.5f);
        bold = new Font(heavy, 11f);
        italic = new Font(regular, 10.5f, Font.ITALIC);
        title = new Font(heavy, 13f);
        small = new Font(regular, 8.5f);
        smallBold = new Font(heavy, 8.5f);
        smallItalic = new Font(regular, 8.5f, Font.ITALIC);
      } catch (DocumentException | IOException e) {
        throw new IllegalStateException("cannot load the embedded font", e);
      }
    }
  }

  private static void headingBlock(Document doc, SynthesisReport r, DocumentHeading h, Fonts f) throws DocumentException {
    PdfPTable t = new PdfPTable(new float[] {40, 60});
    t.setWidthPercentage(100);
    PdfPCell left = new PdfPCell();
    left.setBorder(Rectangle.NO_BORDER);
    if (!h.parentBody().isBlank()) left.addElement(centered(h.parentBody(), f.body, 0));
    left.addElement(centered(h.issuer(), f.bold, 0));
    left.addElement(centered(h.style() == DocumentHeading.Style.PARTY ? "*" : "________", f.body, 0));
    left.addElement(centered(h.number(), f.body, 0));
    PdfPCell right = new PdfPCell();
    right.setBorder(Rectangle.NO_BORDER);
    String[] national = h.nationalLines();
    Paragraph name = new Paragraph();
    Chunk c = new Chunk(national[0], f.bold);
    if (h.style() == DocumentHeading.Style.PARTY) c.setUnderline(0.6f, -2f);
    name.add(c);
    name.setAlignment(Element.ALIGN_CENTER);
    right.addElement(name);
    if (national.length > 1) {
      Paragraph motto = new Paragraph();
      motto.add(new Chunk(national[1], f.bold).setUnderline(0.6f, -2f));
      motto.setAlignment(Element.ALIGN_CENTER);
      right.addElement(motto);
    }
    right.addElement(centered((h.place().isBlank() ? "" : h.place() + ", ") + Terms.longDate(r.heading().generatedAt()),
        f.italic, 6));
    t.addCell(left);
    t.addCell(right);
    doc.add(t);
  }

  private static void feedback(Document doc, List<FeedbackItem> items, Fonts f) throws DocumentException {
    if (items.isEmpty()) {
      doc.add(body("Không có ý kiến góp ý.", f));
      return;
    }
    PdfPTable t = table(new float[] {6, 50, 20, 24}, Wording.FEEDBACK_HEADER, f);
    int i = 0;
    for (FeedbackItem item : items) {
      cells(t, f, Integer.toString(++i), String.join("\n", Wording.content(item)), Wording.author(item),
          Wording.answer(item));
    }
    doc.add(t);
  }

  private static void signature(Document doc, DocumentHeading h, Fonts f) throws DocumentException {
    PdfPTable t = new PdfPTable(new float[] {50, 50});
    t.setWidthPercentage(100);
    t.setSpacingBefore(12);
    PdfPCell left = new PdfPCell();
    left.setBorder(Rectangle.NO_BORDER);
    left.addElement(new Paragraph("Nơi nhận:", f.smallBold));
    left.addElement(new Paragraph("- Như trên;", f.small));
    left.addElement(new Paragraph("- Các điểm cầu (để biết);", f.small));
    left.addElement(new Paragraph("- Lưu: VT.", f.small));
    PdfPCell right = new PdfPCell();
    right.setBorder(Rectangle.NO_BORDER);
    right.addElement(centered("T/M " + h.issuer(), f.bold, 0));
    right.addElement(centered("(Ký, ghi rõ họ tên)", f.italic, 0));
    t.addCell(left);
    t.addCell(right);
    doc.add(t);
  }

  private static PdfPTable table(float[] widths, List<String> head, Fonts f) {
    PdfPTable t = new PdfPTable(widths);
    t.setWidthPercentage(100);
    t.setSpacingBefore(4);
    t.setSpacingAfter(8);
    t.setHeaderRows(1);
    for (String h : head) {
      PdfPCell c = new PdfPCell(new Phrase(h, f.smallBold));
      c.setBackgroundColor(new Color(0xE7, 0xE6, 0xE6));
      c.setHorizontalAlignment(Element.ALIGN_CENTER);
      c.setPadding(3);
      t.addCell(c);
    }
    return t;
  }

  private static void cells(PdfPTable t, Fonts f, String... values) {
    for (String v : values) {
      PdfPCell c = new PdfPCell(new Phrase(v, f.small));
      c.setPadding(3);
      t.addCell(c);
    }
  }

  private static Paragraph centered(String text, Font font, float before) {
    Paragraph p = new Paragraph(text, font);
    p.setAlignment(Element.ALIGN_CENTER);
    p.setSpacingBefore(before);
    return p;
  }

  private static Paragraph body(String text, Fonts f) {
    Paragraph p = new Paragraph(text, f.body);
    p.setAlignment(Element.ALIGN_JUSTIFIED);
    p.setFirstLineIndent(mm(10));
    p.setSpacingAfter(4);
    return p;
  }

  private static Paragraph section(String title, Fonts f) {
    Paragraph p = new Paragraph(title, f.bold);
    p.setSpacingBefore(10);
    p.setSpacingAfter(4);
    p.setKeepTogether(true);
    return p;
  }

  private static Paragraph subsection(String title, Fonts f) {
    Paragraph p = new Paragraph(title, f.bold);
    p.setSpacingBefore(6);
    p.setSpacingAfter(2);
    return p;
  }

  private static float mm(float mm) {
    return mm * 72f / 25.4f;
  }
}
