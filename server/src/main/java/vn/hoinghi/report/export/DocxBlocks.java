package vn.hoinghi.report.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * The parts of a Word document the report and the draft exports share: paragraphs in the project's styles, tables in
 * the Table Grid style with a header row repeated on every page, and the blocks of Nghị định 30/2020/NĐ-CP around the
 * content — the heading block (issuer with a short rule under it, the number; national name and motto with a rule,
 * place and date) and the closing (Nơi nhận on the left, the signature block on the right).
 */
final class DocxBlocks {

  private DocxBlocks() {}

  /** A paragraph; runs take the paragraph style's font unless told otherwise. */
  static final class Para {
    final XWPFParagraph p;

    Para(XWPFParagraph p) {
      this.p = p;
    }

    XWPFRun run(String text) {
      XWPFRun r = p.createRun();
      r.setText(text);
      return r;
    }

    /** A run with its own weight, slant and size ({@code size} 0: the style's). */
    XWPFRun run(String text, boolean bold, boolean italic, int size) {
      XWPFRun r = run(text);
      if (size > 0) r.setFontSize(size);
      if (bold) r.setBold(true);
      if (italic) r.setItalic(true);
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

  static Para styled(XWPFDocument doc, String style) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle(style);
    return new Para(p);
  }

  static Para styled(XWPFDocument doc, String style, ParagraphAlignment align) {
    Para p = styled(doc, style);
    p.p.setAlignment(align);
    return p;
  }

  static void body(XWPFDocument doc, String text) {
    styled(doc, DocxStyles.BODY).run(text);
  }

  // --- Tables -----------------------------------------------------------------------------------------------------

  /** A table in the Table Grid style, its header row bold, shaded and repeated on each page. */
  static XWPFTable table(XWPFDocument doc, List<String> head, String[] widths, boolean landscape) {
    XWPFTable t = doc.createTable(1, head.size());
    t.setStyleID(DocxStyles.TABLE_GRID);
    XWPFTableRow h = t.getRow(0);
    h.setRepeatHeader(true);
    h.setCantSplitRow(true);
    for (int i = 0; i < head.size(); i++) {
      h.getCell(i).setColor("E7E6E6");
      text(h.getCell(i), List.of(head.get(i)), ParagraphAlignment.CENTER, true);
    }
    columns(t, widths, landscape);
    return t;
  }

  /** Fills a cell with one Table Text paragraph per line. */
  static void text(XWPFTableCell cell, List<String> lines, ParagraphAlignment align, boolean bold) {
    for (int i = 0; i < lines.size(); i++) {
      Para p = i == 0 ? cellPara(cell, align) : cellNext(cell, align);
      p.p.setStyle(DocxStyles.TABLE_TEXT);
      p.run(lines.get(i), bold, false, 0);
    }
  }

  static void row(XWPFTable t, List<String> cells, ParagraphAlignment... aligns) {
    XWPFTableRow row = t.createRow();
    for (int i = 0; i < cells.size(); i++) {
      text(row.getCell(i), List.of(cells.get(i)), i < aligns.length ? aligns[i] : ParagraphAlignment.LEFT, false);
    }
  }

  static Para cellPara(XWPFTableCell cell, ParagraphAlignment align) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    p.setAlignment(align);
    return new Para(p);
  }

  static Para cellNext(XWPFTableCell cell, ParagraphAlignment align) {
    XWPFParagraph p = cell.addParagraph();
    p.setAlignment(align);
    return new Para(p);
  }

  /**
   * Fixed column widths written into the table grid and every cell: Word and LibreOffice then lay the table out the
   * same way, whatever the content.
   */
  static void columns(XWPFTable t, String[] percents, boolean landscape) {
    int width = DocxStyles.textWidth(landscape);
    var ct = t.getCTTbl();
    var pr = ct.getTblPr() == null ? ct.addNewTblPr() : ct.getTblPr();
    (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
    t.setWidthType(TableWidthType.DXA);
    t.setWidth(Integer.toString(width));
    var grid = ct.getTblGrid() == null ? ct.addNewTblGrid() : ct.getTblGrid();
    while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
    for (String p : percents) {
      grid.addNewGridCol().setW(BigInteger.valueOf(twips(p, width)));
    }
    for (XWPFTableRow row : t.getRows()) {
      for (int i = 0; i < row.getTableCells().size() && i < percents.length; i++) {
        row.getCell(i).setWidthType(TableWidthType.DXA);
        row.getCell(i).setWidth(Integer.toString(twips(percents[i], width)));
      }
    }
  }

  private static int twips(String percent, int width) {
    return (int) Math.round(width * Double.parseDouble(percent.replace("%", "")) / 100.0);
  }

  private static XWPFTable frame(XWPFDocument doc, String[] widths, boolean landscape) {
    XWPFTable t = doc.createTable(1, widths.length);
    t.removeBorders();
    t.setCellMargins(0, 0, 0, 0);
    columns(t, widths, landscape);
    return t;
  }

  // --- The decree's blocks ----------------------------------------------------------------------------------------

  /**
   * The heading block: a borderless two-column table. Left: the body above (regular) and the issuer (bold), both in
   * capitals at 13 pt, a rule of about a third of the line under the issuer, then the number. Right: the national
   * name (bold, 13 pt capitals) and the motto (bold 14 pt) with a rule as long as the motto; the place and date in
   * italics below.
   */
  static void headingBlock(XWPFDocument doc, DocumentHeading h, String placeAndDate, boolean landscape) {
    XWPFTable t = frame(doc, new String[] {"40%", "60%"}, landscape);
    int width = DocxStyles.textWidth(landscape);
    XWPFTableCell left = t.getRow(0).getCell(0);
    XWPFTableCell right = t.getRow(0).getCell(1);
    Para l = cellPara(left, ParagraphAlignment.CENTER);
    if (!h.parentBody().isBlank()) {
      l.run(h.parentBody(), false, false, 12);
      l = cellNext(left, ParagraphAlignment.CENTER);
    }
    l.run(h.issuer(), true, false, 12);
    boolean party = h.style() == DocumentHeading.Style.PARTY;
    if (party) {
      cellNext(left, ParagraphAlignment.CENTER).run("*", false, false, 12);
    } else {
      // A third to a half of the issuer's line (Phụ lục I).
      rule(cellNext(left, ParagraphAlignment.CENTER), width * 40 / 100,
          (int) Math.max(DocxStyles.mm(15), ReportFonts.widthPt(h.issuer(), true, 12) * 20 / 2.5));
    }
    Para number = cellNext(left, ParagraphAlignment.CENTER);
    number.p.setSpacingBefore(120);
    number.run(h.number(), false, false, 13);
    String[] national = h.nationalLines();
    Para name = cellPara(right, ParagraphAlignment.CENTER);
    XWPFRun first = name.run(national[0], true, false, party ? 15 : 12);
    if (party) first.setUnderline(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE);
    if (national.length > 1) {
      cellNext(right, ParagraphAlignment.CENTER).run(national[1], true, false, 13);
      // As long as the motto (Phụ lục I).
      rule(cellNext(right, ParagraphAlignment.CENTER), width * 60 / 100,
          (int) (ReportFonts.widthPt(national[1], true, 13) * 20));
    }
    Para date = cellNext(right, ParagraphAlignment.CENTER);
    date.p.setSpacingBefore(120);
    date.run(placeAndDate, false, true, 14);
  }

  /**
   * A rule: an empty paragraph whose bottom border is {@code ruleWidth} long (twips), centred in a column
   * {@code columnWidth} wide by indenting the paragraph on both sides. Its own paragraph, so no text wraps for it.
   */
  static void rule(Para p, int columnWidth, int ruleWidth) {
    int indent = Math.max(0, (columnWidth - ruleWidth) / 2);
    p.p.setIndentationLeft(indent);
    p.p.setIndentationRight(indent);
    p.p.setIndentationFirstLine(0);
    p.p.setSpacingBefore(0);
    p.p.setSpacingAfter(0);
    // The empty line's height is the paragraph mark's size: 2 pt keeps the rule close under the line above.
    var ppr = p.p.getCTP().isSetPPr() ? p.p.getCTP().getPPr() : p.p.getCTP().addNewPPr();
    var mark = ppr.isSetRPr() ? ppr.getRPr() : ppr.addNewRPr();
    mark.addNewSz().setVal(java.math.BigInteger.valueOf(4));
    var bottom = (ppr.isSetPBdr() ? ppr.getPBdr() : ppr.addNewPBdr()).addNewBottom();
    bottom.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder.SINGLE);
    bottom.setSz(java.math.BigInteger.valueOf(8));
    bottom.setSpace(java.math.BigInteger.ZERO);
    bottom.setColor("000000");
    p.run("", false, false, 2);
  }

  /**
   * The closing: "Nơi nhận:" (bold italic 12) and its lines (11) on the left; on the right the authority lines (bold
   * 14), space for the signature and the signer's name (bold 14). With no signing, the recipients only.
   */
  static void closing(XWPFDocument doc, DocumentHeading h, boolean landscape) {
    XWPFTable t = frame(doc, new String[] {"45%", "55%"}, landscape);
    t.getRow(0).setCantSplitRow(true);
    XWPFTableCell left = t.getRow(0).getCell(0);
    XWPFTableCell right = t.getRow(0).getCell(1);
    Para head = cellPara(left, ParagraphAlignment.LEFT);
    head.p.setSpacingBefore(240);
    head.run("Nơi nhận:", true, true, 12);
    for (String line : h.recipientLines()) {
      cellNext(left, ParagraphAlignment.LEFT).run(line, false, false, 11);
    }
    List<String> authority = h.authorityLines();
    Para r = cellPara(right, ParagraphAlignment.CENTER);
    r.p.setSpacingBefore(240);
    for (int i = 0; i < authority.size(); i++) {
      (i == 0 ? r : cellNext(right, ParagraphAlignment.CENTER)).run(authority.get(i), true, false, 14);
    }
    if (!authority.isEmpty()) {
      Para name = cellNext(right, ParagraphAlignment.CENTER);
      name.p.setSpacingBefore(960);
      name.run(h.signerName(), true, false, 14);
    }
  }
}
