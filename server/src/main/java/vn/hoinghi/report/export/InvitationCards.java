package vn.hoinghi.report.export;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The listed delegates' invitation cards (thẻ đại biểu) as an A4 PDF: eight cards a page, two across and four down,
 * with dashed cut lines; every hall starts a new page. A card carries the conference title, the delegate's name,
 * chức vụ, đơn vị and hall, the join link as a QR code (drawn as vector squares, so it prints sharp at any size) and
 * the personal code in groups of four for typing. DejaVu Sans is embedded, as in the report.
 */
public final class InvitationCards {

  /** The card's heading: the wording used for the cards handed to delegates of a Vietnamese conference. */
  public static final String HEADING = "THẺ ĐẠI BIỂU";
  static final String CODE_LABEL = "Mã cá nhân: ";
  /** The one line telling the delegate what to do; {@code %s} is the site's address. */
  static final String INSTRUCTION = "Quét mã QR, hoặc mở %s và nhập mã cá nhân để tham dự hội nghị trực tuyến.";

  public record Card(String fullName, String position, String unit, String code, String joinUrl) {}

  public record Hall(String name, List<Card> cards) {
    public Hall {
      cards = List.copyOf(cards);
    }
  }

  /** What to print: the conference's title, the site's address for the instruction, the halls in order. */
  public record Sheet(String conferenceTitle, String siteUrl, List<Hall> halls) {
    public Sheet {
      halls = List.copyOf(halls);
    }
  }

  private static final int COLUMNS = 2;
  private static final int ROWS = 4;
  private static final float MARGIN = mm(10);
  private static final float PAD = mm(5);
  private static final float QR = mm(30);
  private static final float[] SCALES = {1f, 0.85f, 0.72f, 0.6f};
  private static final Color INK = new Color(0x1A, 0x1A, 0x1A);
  private static final Color RED = new Color(0xA5, 0x1C, 0x1C);
  private static final Color GREY = new Color(0x70, 0x70, 0x70);

  private InvitationCards() {}

  /** The code as printed: groups of four, "K7P2QX9MNA" → "K7P2 QX9M NA". */
  public static String grouped(String code) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < code.length(); i += 4) {
      if (i > 0) sb.append(' ');
      sb.append(code, i, Math.min(code.length(), i + 4));
    }
    return sb.toString();
  }

  public static void write(Sheet sheet, OutputStream out) {
    BaseFont regular = font("DejaVuSans.ttf", ReportFonts.REGULAR);
    BaseFont bold = font("DejaVuSans-Bold.ttf", ReportFonts.BOLD);
    Document doc = new Document(PageSize.A4, 0, 0, 0, 0);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      doc.addTitle(HEADING + " — " + sheet.conferenceTitle());
      doc.addCreator("Hội Nghị");
      doc.open();
      if (sheet.halls().isEmpty()) doc.add(new Paragraph("Không có đại biểu trong danh sách.", new Font(regular, 10)));
      boolean first = true;
      for (Hall hall : sheet.halls()) {
        int pages = (hall.cards().size() + COLUMNS * ROWS - 1) / (COLUMNS * ROWS);
        for (int page = 0; page < pages; page++) {
          if (!first) doc.newPage();
          first = false;
          PdfContentByte cb = writer.getDirectContent();
          cutLines(cb);
          footer(cb, regular, sheet.conferenceTitle() + " — Điểm cầu: " + hall.name() + " — tờ " + (page + 1) + "/" + pages);
          List<Card> cards = hall.cards().subList(page * COLUMNS * ROWS,
              Math.min(hall.cards().size(), (page + 1) * COLUMNS * ROWS));
          for (int i = 0; i < cards.size(); i++) {
            float x = MARGIN + (i % COLUMNS) * cardWidth();
            float top = PageSize.A4.getHeight() - MARGIN - (i / COLUMNS) * cardHeight();
            card(cb, x, top, sheet, hall, cards.get(i), regular, bold);
          }
        }
      }
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("cannot write the invitation cards", e);
    }
  }

  private static void card(PdfContentByte cb, float x, float top, Sheet sheet, Hall hall, Card c, BaseFont regular,
                           BaseFont bold) throws DocumentException {
    float left = x + PAD;
    float right = x + cardWidth() - PAD;
    float bottom = top - cardHeight() + PAD;
    // The title in two lines, or three smaller ones when it is long; whatever is left after that is cut.
    float y = top - PAD - 27;
    for (int i = 0; i < SCALES.length; i++) {
      if (i == SCALES.length - 1 || !ColumnText.hasMoreText(title(cb, sheet, bold, SCALES[i], left, y, right, top - PAD)
          .go(true))) {
        ColumnText title = title(cb, sheet, bold, SCALES[i], left, y, right, top - PAD);
        title.go();
        y = title.getYLine();
        break;
      }
    }
    y = column(cb, left, y - 22, right, y - 3, centered(HEADING, new Font(bold, 13, Font.NORMAL, RED), 15));

    // The foot first: the code and the instruction, from the bottom up.
    Paragraph codeLine = new Paragraph(15);
    codeLine.add(new Chunk(CODE_LABEL, new Font(regular, 9, Font.NORMAL, INK)));
    codeLine.add(new Chunk(grouped(c.code()), new Font(bold, 13, Font.NORMAL, INK)));
    Paragraph instruction = new Paragraph(9, String.format(INSTRUCTION, sheet.siteUrl()),
        new Font(regular, 7, Font.ITALIC, GREY));
    float foot = bottom + 2 * 9 + 17;
    ColumnText ct = new ColumnText(cb);
    ct.setSimpleColumn(left, bottom, right, foot);
    ct.addElement(codeLine);
    ct.addElement(instruction);
    ct.go();

    // The QR code at the right of the middle band, the person at its left.
    float bandTop = y - 4;
    float qr = Math.min(QR, bandTop - foot - 4);
    qr(cb, c.joinUrl(), right - qr, bandTop - qr, qr);
    float textRight = right - qr - mm(3);
    // A long name, position or unit is set smaller until it fits; at the smallest size the rest is cut.
    for (int i = 0; i < SCALES.length; i++) {
      boolean last = i == SCALES.length - 1;
      if (last || !ColumnText.hasMoreText(person(cb, c, hall, regular, bold, SCALES[i], left, foot + 2, textRight,
          bandTop).go(true))) {
        person(cb, c, hall, regular, bold, SCALES[i], left, foot + 2, textRight, bandTop).go();
        break;
      }
    }
  }

  private static ColumnText title(PdfContentByte cb, Sheet sheet, BaseFont bold, float scale, float llx, float lly,
                                  float urx, float ury) {
    ColumnText ct = new ColumnText(cb);
    ct.setSimpleColumn(llx, lly, urx, ury);
    ct.addElement(centered(sheet.conferenceTitle(), new Font(bold, 8.5f * scale, Font.NORMAL, INK), 10.2f * scale));
    return ct;
  }

  private static ColumnText person(PdfContentByte cb, Card c, Hall hall, BaseFont regular, BaseFont bold, float scale,
                                   float llx, float lly, float urx, float ury) {
    ColumnText ct = new ColumnText(cb);
    ct.setSimpleColumn(llx, lly, urx, ury);
    ct.addElement(line("Đại biểu", new Font(regular, 7 * scale, Font.NORMAL, GREY), 9 * scale));
    ct.addElement(line(c.fullName(), new Font(bold, 11.5f * scale, Font.NORMAL, INK), 13.5f * scale));
    for (String s : new String[] {c.position(), c.unit()}) {
      if (!blank(s)) ct.addElement(line(s, new Font(regular, 8.5f * scale, Font.NORMAL, INK), 10.5f * scale));
    }
    Paragraph where = line("Điểm cầu: ", new Font(regular, 8.5f * scale, Font.NORMAL, GREY), 10.5f * scale);
    where.add(new Chunk(hall.name(), new Font(bold, 8.5f * scale, Font.NORMAL, INK)));
    where.setSpacingBefore(3 * scale);
    ct.addElement(where);
    return ct;
  }

  /** The join link as QR modules (error correction M, a quiet zone of two modules inside {@code size}). */
  private static void qr(PdfContentByte cb, String text, float x, float y, float size) {
    ByteMatrix m;
    try {
      m = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8")).getMatrix();
    } catch (WriterException e) {
      throw new IllegalStateException("cannot encode the join link as a QR code", e);
    }
    int n = m.getWidth();
    float module = size / (n + 4);
    float top = y + size - 2 * module;
    cb.saveState();
    cb.setColorFill(Color.BLACK);
    for (int row = 0; row < n; row++) {
      int col = 0;
      while (col < n) {
        if (m.get(col, row) != 1) {
          col++;
          continue;
        }
        int start = col;
        while (col < n && m.get(col, row) == 1) col++;
        // A hair of overlap so that no light seam shows between rows on screen.
        cb.rectangle(x + (2 + start) * module, top - (row + 1) * module - 0.05f, (col - start) * module + 0.05f,
            module + 0.1f);
      }
    }
    cb.fill();
    cb.restoreState();
  }

  private static void cutLines(PdfContentByte cb) {
    cb.saveState();
    cb.setColorStroke(new Color(0xA0, 0xA0, 0xA0));
    cb.setLineWidth(0.4f);
    cb.setLineDash(3, 3, 0);
    float w = PageSize.A4.getWidth();
    float h = PageSize.A4.getHeight();
    for (int c = 0; c <= COLUMNS; c++) {
      float x = MARGIN + c * cardWidth();
      cb.moveTo(x, 0);
      cb.lineTo(x, h);
    }
    for (int r = 0; r <= ROWS; r++) {
      float y = h - MARGIN - r * cardHeight();
      cb.moveTo(0, y);
      cb.lineTo(w, y);
    }
    cb.stroke();
    cb.restoreState();
  }

  private static void footer(PdfContentByte cb, BaseFont regular, String text) throws DocumentException {
    ColumnText.showTextAligned(cb, Element.ALIGN_CENTER, new Phrase(text, new Font(regular, 6.5f, Font.NORMAL, GREY)),
        PageSize.A4.getWidth() / 2, MARGIN / 2 - 2, 0);
  }

  /** Writes {@code p} into the box and answers where the text stopped. */
  private static float column(PdfContentByte cb, float llx, float lly, float urx, float ury, Paragraph p)
      throws DocumentException {
    ColumnText ct = new ColumnText(cb);
    ct.setSimpleColumn(llx, lly, urx, ury);
    ct.addElement(p);
    ct.go();
    return ct.getYLine();
  }

  private static Paragraph centered(String text, Font font, float leading) {
    Paragraph p = new Paragraph(leading, text, font);
    p.setAlignment(Element.ALIGN_CENTER);
    return p;
  }

  private static Paragraph line(String text, Font font, float leading) {
    return new Paragraph(leading, text, font);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static BaseFont font(String name, byte[] bytes) {
    try {
      return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("cannot load the embedded font", e);
    }
  }

  private static float cardWidth() {
    return (PageSize.A4.getWidth() - 2 * MARGIN) / COLUMNS;
  }

  private static float cardHeight() {
    return (PageSize.A4.getHeight() - 2 * MARGIN) / ROWS;
  }

  private static float mm(float mm) {
    return mm * 72f / 25.4f;
  }
}
