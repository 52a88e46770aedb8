package vn.hoinghi.report.export;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.util.List;

/**
 * The PDF side of the decree's layout: Liberation Serif (metric-compatible with Times New Roman) embedded in every
 * face, the heading block and the closing as in the DOCX, tables with a repeated header row, and the page number
 * centred in the top margin from page 2 on.
 */
final class PdfBlocks {

  /** Line height as a multiple of the font size: single spacing in Word with Times New Roman. */
  static final float LEADING = 1.15f;

  private PdfBlocks() {}

  /** The faces in use, all from the embedded Liberation Serif, at the DOCX's sizes. */
  static final class Fonts {
    final BaseFont regular;
    final BaseFont heavy;
    final BaseFont slanted;
    final BaseFont heavySlanted;
    final Font body;
    final Font bold;
    final Font italic;
    final Font table;
    final Font tableBold;

    Fonts() {
      regular = base("LiberationSerif-Regular.ttf", ReportFonts.SERIF);
      heavy = base("LiberationSerif-Bold.ttf", ReportFonts.SERIF_BOLD);
      slanted = base("LiberationSerif-Italic.ttf", ReportFonts.SERIF_ITALIC);
      heavySlanted = base("LiberationSerif-BoldItalic.ttf", ReportFonts.SERIF_BOLD_ITALIC);
      body = new Font(regular, DocxStyles.BODY_PT);
      bold = new Font(heavy, DocxStyles.BODY_PT);
      italic = new Font(slanted, DocxStyles.BODY_PT);
      table = new Font(regular, DocxStyles.TABLE_PT);
      tableBold = new Font(heavy, DocxStyles.TABLE_PT);
    }

    Font of(BaseFont face, float size) {
      return new Font(face, size);
    }

    private static BaseFont base(String name, byte[] ttf) {
      try {
        return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, ttf, null);
      } catch (DocumentException | IOException e) {
        throw new IllegalStateException("cannot load the embedded font " + name, e);
      }
    }
  }

  /** Page numbers from page 2, centred in the top margin, regular 14 pt (Nghị định 30/2020, Phụ lục I). */
  static final class PageNumbers extends PdfPageEventHelper {
    private final Fonts f;

    PageNumbers(Fonts f) {
      this.f = f;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      int n = writer.getPageNumber();
      if (n < 2) return;
      Rectangle page = document.getPageSize();
      float x = (document.left() + document.right()) / 2;
      ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
          new Phrase(Integer.toString(n), f.body), x, page.getTop() - mm(12), 0);
    }
  }

  /** Width of the text area of a portrait A4 page with the decree's side margins, in points. */
  static final float TEXT_WIDTH = com.lowagie.text.PageSize.A4.getWidth() - mm(30) - mm(15);

  static void headingBlock(Document doc, DocumentHeading h, String placeAndDate, Fonts f) throws DocumentException {
    PdfPTable t = new PdfPTable(new float[] {40, 60});
    t.setWidthPercentage(100);
    float leftWidth = TEXT_WIDTH * 0.40f;
    float rightWidth = TEXT_WIDTH * 0.60f;
    PdfPCell left = frame();
    if (!h.parentBody().isBlank()) left.addElement(centered(h.parentBody(), f.of(f.regular, 12), 0));
    left.addElement(centered(h.issuer(), f.of(f.heavy, 12), 0));
    boolean party = h.style() == DocumentHeading.Style.PARTY;
    if (party) {
      left.addElement(centered("*", f.of(f.regular, 12), 0));
    } else {
      float issuer = f.heavy.getWidthPoint(h.issuer(), 12);
      left.addElement(rule(Math.max(mm(15), issuer * 0.4f), leftWidth, f));
    }
    left.addElement(centered(h.number(), f.of(f.regular, 13), 6));
    PdfPCell right = frame();
    String[] national = h.nationalLines();
    Paragraph name = new Paragraph();
    Chunk c = new Chunk(national[0], f.of(f.heavy, party ? 15 : 12));
    if (party) c.setUnderline(0.6f, -2f);
    name.add(c);
    name.setAlignment(Element.ALIGN_CENTER);
    right.addElement(name);
    if (national.length > 1) {
      right.addElement(centered(national[1], f.of(f.heavy, 13), 0));
      right.addElement(rule(f.heavy.getWidthPoint(national[1], 13), rightWidth, f));
    }
    right.addElement(centered(placeAndDate, f.italic, 8));
    t.addCell(left);
    t.addCell(right);
    doc.add(t);
  }

  /** A centred rule {@code width} points long under the line above, in a column {@code column} points wide. */
  static Paragraph rule(float width, float column, Fonts f) {
    // The line is drawn on the paragraph's baseline: a 7 pt leading puts it just under the descenders above.
    Paragraph p = new Paragraph(7f, "", f.body);
    var line = new com.lowagie.text.pdf.draw.LineSeparator(0.6f, Math.min(100f, 100f * width / column), null,
        Element.ALIGN_CENTER, 0);
    // A drawn chunk would otherwise carry the default font (Helvetica, not embedded) into the page's resources.
    p.add(new Chunk(line) {
      {
        font = f.body;
      }
    });
    p.setSpacingAfter(2);
    return p;
  }

  static void closing(Document doc, DocumentHeading h, Fonts f) throws DocumentException {
    PdfPTable t = new PdfPTable(new float[] {45, 55});
    t.setWidthPercentage(100);
    t.setSpacingBefore(12);
    t.setKeepTogether(true);
    PdfPCell left = frame();
    left.addElement(new Paragraph(12 * LEADING, "Nơi nhận:", f.of(f.heavySlanted, 12)));
    for (String line : h.recipientLines()) left.addElement(new Paragraph(11 * LEADING, line, f.of(f.regular, 11)));
    PdfPCell right = frame();
    List<String> authority = h.authorityLines();
    for (String line : authority) right.addElement(centered(line, f.bold, 0));
    if (!authority.isEmpty()) right.addElement(centered(h.signerName(), f.bold, 60));
    t.addCell(left);
    t.addCell(right);
    doc.add(t);
  }

  static PdfPTable table(float[] widths, List<String> head, Fonts f) {
    PdfPTable t = new PdfPTable(widths);
    t.setWidthPercentage(100);
    t.setSpacingBefore(4);
    t.setSpacingAfter(8);
    t.setHeaderRows(1);
    for (String h : head) {
      PdfPCell c = new PdfPCell(new Phrase(f.tableBold.getSize() * LEADING, h, f.tableBold));
      c.setBackgroundColor(new Color(0xE7, 0xE6, 0xE6));
      c.setHorizontalAlignment(Element.ALIGN_CENTER);
      c.setVerticalAlignment(Element.ALIGN_MIDDLE);
      c.setPadding(3);
      t.addCell(c);
    }
    return t;
  }

  static void cells(PdfPTable t, Fonts f, String... values) {
    for (String v : values) {
      PdfPCell c = new PdfPCell(new Phrase(f.table.getSize() * LEADING, v, f.table));
      c.setPadding(3);
      c.setPaddingTop(1);
      t.addCell(c);
    }
  }

  private static PdfPCell frame() {
    PdfPCell c = new PdfPCell();
    c.setBorder(Rectangle.NO_BORDER);
    return c;
  }

  static Paragraph centered(String text, Font font, float before) {
    Paragraph p = new Paragraph(font.getSize() * LEADING, text, font);
    p.setAlignment(Element.ALIGN_CENTER);
    p.setSpacingBefore(before);
    return p;
  }

  static Paragraph body(String text, Fonts f) {
    Paragraph p = new Paragraph(f.body.getSize() * LEADING, text, f.body);
    p.setAlignment(Element.ALIGN_JUSTIFIED);
    p.setFirstLineIndent(mm(10));
    p.setSpacingAfter(6);
    return p;
  }

  static Paragraph heading(String title, Fonts f) {
    Paragraph p = new Paragraph(f.bold.getSize() * LEADING, title, f.bold);
    p.setFirstLineIndent(mm(10));
    p.setSpacingBefore(12);
    p.setSpacingAfter(6);
    p.setKeepTogether(true);
    return p;
  }

  static float mm(float mm) {
    return mm * 72f / 25.4f;
  }
}
