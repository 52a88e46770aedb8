package vn.hoinghi.report.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReport.ArticleSection;
import vn.hoinghi.report.SynthesisReport.EndpointAttendance;
import vn.hoinghi.report.SynthesisReport.EndpointCount;
import vn.hoinghi.report.SynthesisReport.FeedbackItem;
import vn.hoinghi.report.SynthesisReport.VoteResult;
import vn.hoinghi.report.Terms;

/**
 * The report as a Word document in the layout of Vietnamese administrative documents: A4, margins 20/20/30/15 mm,
 * Times New Roman 13–14 pt; the heading block (issuing body | national name, place and date), the title, numbered
 * sections (I., II., …; 1., 2., … per article), the per-article table of feedback and response, the closing with
 * "Nơi nhận" and the signature block, and an appendix of per-endpoint tallies.
 */
public final class DocxExport {

  static final String FONT = "Times New Roman";
  static final int BODY = 13;
  static final int TABLE = 11;

  private DocxExport() {}

  public static void write(SynthesisReport r, DocumentHeading heading, OutputStream out) {
    try (XWPFDocument doc = new XWPFDocument()) {
      defaults(doc);
      page(doc);
      headingBlock(doc, r, heading);
      para(doc, ParagraphAlignment.CENTER, 240, 0).run(Wording.TITLE, true, false, 14);
      para(doc, ParagraphAlignment.CENTER, 0, 0).run(Wording.subtitle(r), true, false, 14);
      para(doc, ParagraphAlignment.CENTER, 0, 0).run("-----", false, false, BODY);
      if (Wording.provisional(r) != null) {
        para(doc, ParagraphAlignment.CENTER, 120, 0).run(Wording.provisional(r), false, true, 12);
      }
      if (Wording.scope(r) != null) {
        para(doc, ParagraphAlignment.CENTER, 0, 0).run(Wording.scope(r), false, true, 12);
      }
      body(doc, Wording.intro(r));

      section(doc, Wording.SECTION_ATTENDANCE);
      body(doc, Wording.attendanceSummary(r));
      attendance(doc, r);

      section(doc, Wording.SECTION_VOTES);
      byte[] chart = TallyChart.png(r, 900, Math.max(260, 60 + 28 * (int) r.articles().stream()
          .filter(a -> !a.votes().isEmpty()).count()));
      if (chart != null) {
        Para p = para(doc, ParagraphAlignment.CENTER, 120, 120);
        p.picture(chart, 450, 450.0 * chartHeight(chart) / 900);
        para(doc, ParagraphAlignment.CENTER, 0, 120).run("Biểu đồ: kết quả biểu quyết theo từng điều (lần biểu quyết gần nhất)",
            false, true, 11);
      }
      voteTable(doc, r);

      section(doc, Wording.SECTION_FEEDBACK);
      int n = 0;
      for (ArticleSection a : r.articles()) {
        subsection(doc, Wording.articleHeading(++n, a));
        for (VoteResult v : a.votes()) body(doc, "– " + Wording.voteSummary(v));
        if (!a.speeches().isEmpty()) body(doc, "– " + Wording.speakers(a.speeches()));
        feedbackTable(doc, a.feedback());
      }
      if (!r.generalFeedback().isEmpty() || !r.generalSpeeches().isEmpty()) {
        subsection(doc, (++n) + ". Ý kiến chung về dự thảo");
        if (!r.generalSpeeches().isEmpty()) body(doc, "– " + Wording.speakers(r.generalSpeeches()));
        feedbackTable(doc, r.generalFeedback());
      }
      if (!r.orphanedFeedback().isEmpty()) {
        subsection(doc, (++n) + ". Góp ý không còn vị trí trong dự thảo phiên bản " + r.heading().draftVersion());
        feedbackTable(doc, r.orphanedFeedback());
      }

      section(doc, Wording.SECTION_SILENT);
      if (r.endpointsWithoutFeedback().isEmpty()) {
        body(doc, "Tất cả các điểm cầu đều có ý kiến.");
      } else {
        body(doc, "Có " + r.endpointsWithoutFeedback().size() + " điểm cầu chưa có ý kiến góp ý: "
            + String.join(", ", r.endpointsWithoutFeedback().stream().map(SynthesisReport.EndpointRef::name).toList())
            + ".");
      }
      section(doc, Wording.SECTION_TOTALS);
      body(doc, Wording.totals(r.totals()));
      body(doc, Wording.CLOSING);
      signature(doc, heading);
      appendix(doc, r);
      doc.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- Layout -----------------------------------------------------------------------------------------------------

  /**
   * The font, the table text size and no space after paragraphs as document defaults: thousands of table cells then
   * need no formatting of their own, which keeps a large report fast to write and small.
   */
  static void defaults(XWPFDocument doc) {
    var ct = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles.Factory.newInstance();
    var dd = ct.addNewDocDefaults();
    var rpr = dd.addNewRPrDefault().addNewRPr();
    var fonts = rpr.addNewRFonts();
    fonts.setAscii(FONT);
    fonts.setHAnsi(FONT);
    fonts.setCs(FONT);
    fonts.setEastAsia(FONT);
    rpr.addNewSz().setVal(BigInteger.valueOf(TABLE * 2L));
    rpr.addNewSzCs().setVal(BigInteger.valueOf(TABLE * 2L));
    dd.addNewPPrDefault().addNewPPr().addNewSpacing().setAfter(BigInteger.ZERO);
    doc.createStyles().setStyles(ct);
  }

  static void page(XWPFDocument doc) {
    CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    CTPageMar m = sect.addNewPgMar();
    m.setTop(BigInteger.valueOf(1134));
    m.setBottom(BigInteger.valueOf(1134));
    m.setLeft(BigInteger.valueOf(1701));
    m.setRight(BigInteger.valueOf(850));
  }

  /** Issuer on the left (bold, a short rule under it, the number); national name, motto, place and date on the right. */
  private static void headingBlock(XWPFDocument doc, SynthesisReport r, DocumentHeading h) {
    XWPFTable t = doc.createTable(1, 2);
    noBorders(t);
    t.setWidthType(TableWidthType.PCT);
    t.setWidth("100%");
    XWPFTableCell left = t.getRow(0).getCell(0);
    XWPFTableCell right = t.getRow(0).getCell(1);
    columns(t, new String[] {"45%", "55%"});
    Para l = cellPara(left, ParagraphAlignment.CENTER);
    if (!h.parentBody().isBlank()) {
      l.run(h.parentBody(), false, false, 12);
      l = cellNext(left, ParagraphAlignment.CENTER);
    }
    l.run(h.issuer(), true, false, 12);
    cellNext(left, ParagraphAlignment.CENTER).run(h.style() == DocumentHeading.Style.PARTY ? "*" : "________", false,
        false, BODY);
    cellNext(left, ParagraphAlignment.CENTER).run(h.number(), false, false, BODY);
    String[] national = h.nationalLines();
    Para rp = cellPara(right, ParagraphAlignment.CENTER);
    XWPFRun first = rp.run(national[0], true, false, h.style() == DocumentHeading.Style.PARTY ? 15 : 12);
    if (h.style() == DocumentHeading.Style.PARTY) {
      first.setUnderline(UnderlinePatterns.SINGLE);
    }
    if (national.length > 1) {
      cellNext(right, ParagraphAlignment.CENTER).run(national[1], true, false, 13).setUnderline(UnderlinePatterns.SINGLE);
    }
    Para date = cellNext(right, ParagraphAlignment.CENTER);
    date.p.setSpacingBefore(120);
    date.run((h.place().isBlank() ? "" : h.place() + ", ") + Terms.longDate(r.heading().generatedAt()), false, true,
        14);
  }

  private static void attendance(XWPFDocument doc, SynthesisReport r) {
    XWPFTable t = table(doc, Wording.ATTENDANCE_HEADER,
        new String[] {"5%", "27%", "9%", "8%", "9%", "7%", "8%", "9%", "9%", "9%"});
    int n = 0;
    for (EndpointAttendance e : r.attendance()) {
      row(t, Wording.attendanceRow(++n, e), false);
    }
    spacer(doc);
  }

  private static void voteTable(XWPFDocument doc, SynthesisReport r) {
    XWPFTable t = table(doc, List.of("Điều", "Tên điều", "Tán thành", "Không tán thành", "Ý kiến khác", "Tổng",
        "Tỷ lệ tán thành"), new String[] {"11%", "35%", "10%", "12%", "10%", "9%", "13%"});
    for (ArticleSection a : r.articles()) {
      VoteResult v = TallyChart.latest(a);
      if (v == null) {
        row(t, List.of(a.label(), a.title(), "—", "—", "—", "—", "chưa biểu quyết"), false);
      } else {
        var c = v.overall();
        row(t, List.of(a.label(), a.title(), Integer.toString(c.agree()), Integer.toString(c.disagree()),
            Integer.toString(c.other()), Integer.toString(c.total()), Terms.percent(c.agree(), c.total())), false);
      }
    }
    spacer(doc);
  }

  private static void feedbackTable(XWPFDocument doc, List<FeedbackItem> items) {
    if (items.isEmpty()) {
      body(doc, "Không có ý kiến góp ý.");
      return;
    }
    XWPFTable t = table(doc, Wording.FEEDBACK_HEADER, new String[] {"6%", "50%", "20%", "24%"});
    int i = 0;
    for (FeedbackItem f : items) {
      XWPFTableRow row = t.createRow();
      text(row.getCell(0), List.of(Integer.toString(++i)), ParagraphAlignment.CENTER, false);
      text(row.getCell(1), Wording.content(f), ParagraphAlignment.LEFT, false);
      text(row.getCell(2), List.of(Wording.author(f)), ParagraphAlignment.LEFT, false);
      text(row.getCell(3), List.of(Wording.answer(f)), ParagraphAlignment.LEFT, false);
    }
    spacer(doc);
  }

  private static void signature(XWPFDocument doc, DocumentHeading h) {
    XWPFTable t = doc.createTable(1, 2);
    noBorders(t);
    t.setWidthType(TableWidthType.PCT);
    t.setWidth("100%");
    XWPFTableCell left = t.getRow(0).getCell(0);
    XWPFTableCell right = t.getRow(0).getCell(1);
    columns(t, new String[] {"45%", "55%"});
    cellPara(left, ParagraphAlignment.LEFT).run("Nơi nhận:", true, true, 12);
    cellNext(left, ParagraphAlignment.LEFT).run("- Như trên;", false, false, 11);
    cellNext(left, ParagraphAlignment.LEFT).run("- Các điểm cầu (để biết);", false, false, 11);
    cellNext(left, ParagraphAlignment.LEFT).run("- Lưu: VT.", false, false, 11);
    cellPara(right, ParagraphAlignment.CENTER).run("T/M " + h.issuer(), true, false, 14);
    cellNext(right, ParagraphAlignment.CENTER).run("(Ký, ghi rõ họ tên)", false, true, 13);
  }

  private static void appendix(XWPFDocument doc, SynthesisReport r) {
    XWPFParagraph br = doc.createParagraph();
    br.setPageBreak(true);
    para(doc, ParagraphAlignment.CENTER, 0, 120).run(Wording.APPENDIX, true, false, BODY);
    boolean any = false;
    for (ArticleSection a : r.articles()) {
      for (VoteResult v : a.votes()) {
        any = true;
        body(doc, a.label() + " — " + Wording.voteSummary(v));
        XWPFTable t = table(doc, List.of("Điểm cầu", "Tán thành", "Không tán thành", "Ý kiến khác", "Tổng", "Ghi chú"),
            new String[] {"40%", "11%", "13%", "11%", "9%", "16%"});
        for (EndpointCount e : v.byEndpoint()) {
          var c = e.counted();
          row(t, List.of(e.name(), Integer.toString(c.agree()), Integer.toString(c.disagree()),
              Integer.toString(c.other()), Integer.toString(c.total()), e.collective() ? "kết quả chung" : ""), false);
        }
        spacer(doc);
      }
    }
    if (!any) {
      body(doc, "Chưa có cuộc biểu quyết nào.");
    }
  }

  // --- Building blocks --------------------------------------------------------------------------------------------

  /** A paragraph with runs in the report's font. */
  static final class Para {
    final XWPFParagraph p;

    Para(XWPFParagraph p) {
      this.p = p;
    }

    XWPFRun run(String text, boolean bold, boolean italic, int size) {
      XWPFRun r = p.createRun();
      if (size != TABLE) r.setFontSize(size);
      if (bold) r.setBold(true);
      if (italic) r.setItalic(true);
      r.setText(text);
      return r;
    }

    void picture(byte[] png, double widthPt, double heightPt) {
      try {
        p.createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, "bieu-do.png",
            Units.toEMU(widthPt), Units.toEMU(heightPt));
      } catch (InvalidFormatException | IOException e) {
        throw new IllegalStateException("cannot add the chart", e);
      }
    }
  }

  static Para para(XWPFDocument doc, ParagraphAlignment align, int before, int after) {
    XWPFParagraph p = doc.createParagraph();
    if (align != ParagraphAlignment.LEFT) p.setAlignment(align);
    if (before > 0) p.setSpacingBefore(before);
    if (after > 0) p.setSpacingAfter(after);
    return new Para(p);
  }

  /** A body paragraph: justified, first line indented 1 cm, 6 pt after. */
  private static void body(XWPFDocument doc, String text) {
    Para p = para(doc, ParagraphAlignment.BOTH, 0, 120);
    p.p.setIndentationFirstLine(567);
    p.run(text, false, false, BODY);
  }

  private static void section(XWPFDocument doc, String title) {
    Para p = para(doc, ParagraphAlignment.LEFT, 240, 120);
    p.p.setIndentationFirstLine(567);
    p.p.setKeepNext(true);
    p.run(title, true, false, BODY);
  }

  private static void subsection(XWPFDocument doc, String title) {
    Para p = para(doc, ParagraphAlignment.BOTH, 120, 60);
    p.p.setIndentationFirstLine(567);
    p.p.setKeepNext(true);
    p.run(title, true, true, BODY);
  }

  private static void spacer(XWPFDocument doc) {
    para(doc, ParagraphAlignment.LEFT, 0, 0);
  }

  static XWPFTable table(XWPFDocument doc, List<String> head, String[] widths) {
    XWPFTable t = doc.createTable(1, head.size());
    t.setWidthType(TableWidthType.PCT);
    t.setWidth("100%");
    XWPFTableRow h = t.getRow(0);
    h.setRepeatHeader(true);
    for (int i = 0; i < head.size(); i++) {
      width(h.getCell(i), widths[i]);
      h.getCell(i).setColor("E7E6E6");
      text(h.getCell(i), List.of(head.get(i)), ParagraphAlignment.CENTER, true);
    }
    columns(t, widths);
    return t;
  }

  private static void row(XWPFTable t, List<String> cells, boolean bold) {
    XWPFTableRow row = t.createRow();
    for (int i = 0; i < cells.size(); i++) {
      text(row.getCell(i), List.of(cells.get(i)), i == 0 || i >= 2 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT,
          bold);
    }
  }

  /** Fills a cell with one paragraph per line. */
  static void text(XWPFTableCell cell, List<String> lines, ParagraphAlignment align, boolean bold) {
    for (int i = 0; i < lines.size(); i++) {
      Para p = i == 0 ? cellPara(cell, align) : cellNext(cell, align);
      p.run(lines.get(i), bold, false, TABLE);
    }
  }

  static Para cellPara(XWPFTableCell cell, ParagraphAlignment align) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    if (align != ParagraphAlignment.LEFT) p.setAlignment(align);
    return new Para(p);
  }

  static Para cellNext(XWPFTableCell cell, ParagraphAlignment align) {
    XWPFParagraph p = cell.addParagraph();
    if (align != ParagraphAlignment.LEFT) p.setAlignment(align);
    return new Para(p);
  }

  private static void width(XWPFTableCell cell, String percent) {
    cell.setWidthType(TableWidthType.PCT);
    cell.setWidth(percent);
  }

  /** Width of the text area in twips: A4 (11906) less the 30 mm and 15 mm side margins. */
  private static final int TEXT_WIDTH = 11906 - 1701 - 850;

  /**
   * Fixed column widths written into the table grid and every cell: Word and LibreOffice then lay the table out the
   * same way, whatever the content.
   */
  private static void columns(XWPFTable t, String[] percents) {
    var ct = t.getCTTbl();
    var pr = ct.getTblPr() == null ? ct.addNewTblPr() : ct.getTblPr();
    (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout())
        .setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
    var grid = ct.getTblGrid() == null ? ct.addNewTblGrid() : ct.getTblGrid();
    while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
    for (String p : percents) {
      grid.addNewGridCol().setW(BigInteger.valueOf(twips(p)));
    }
    for (XWPFTableRow row : t.getRows()) {
      for (int i = 0; i < row.getTableCells().size() && i < percents.length; i++) {
        row.getCell(i).setWidthType(TableWidthType.DXA);
        row.getCell(i).setWidth(Integer.toString(twips(percents[i])));
      }
    }
  }

  private static int twips(String percent) {
    return (int) Math.round(TEXT_WIDTH * Double.parseDouble(percent.replace("%", "")) / 100.0);
  }

  private static void noBorders(XWPFTable t) {
    t.setTopBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
    t.setBottomBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
    t.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
    t.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
    t.setInsideHBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
    t.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
  }

  private static int chartHeight(byte[] png) {
    // PNG header: width and height are big-endian ints at bytes 16 and 20.
    return ((png[20] & 0xff) << 24) | ((png[21] & 0xff) << 16) | ((png[22] & 0xff) << 8) | (png[23] & 0xff);
  }
}
