package vn.hoinghi.report.export;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts shipped in {@code fonts/}. Documents use Liberation Serif (SIL Open Font License 1.1, see
 * LiberationSerif-LICENSE.txt): it is metric-compatible with Times New Roman, the font Nghị định 30/2020/NĐ-CP
 * prescribes, so a PDF embedding it breaks lines where Word with Times New Roman would, on a server that has neither.
 * DejaVu Sans (Bitstream Vera license, DejaVu-LICENSE.txt) stays for charts and invitation cards.
 */
final class ReportFonts {

  static final byte[] REGULAR = read("fonts/DejaVuSans.ttf");
  static final byte[] BOLD = read("fonts/DejaVuSans-Bold.ttf");

  /** The name Word and LibreOffice know; LibreOffice substitutes Liberation Serif where Times New Roman is missing. */
  static final String SERIF_NAME = "Times New Roman";
  static final byte[] SERIF = read("fonts/LiberationSerif-Regular.ttf");
  static final byte[] SERIF_BOLD = read("fonts/LiberationSerif-Bold.ttf");
  static final byte[] SERIF_ITALIC = read("fonts/LiberationSerif-Italic.ttf");
  static final byte[] SERIF_BOLD_ITALIC = read("fonts/LiberationSerif-BoldItalic.ttf");

  private ReportFonts() {}

  private static final com.lowagie.text.pdf.BaseFont[] MEASURE = new com.lowagie.text.pdf.BaseFont[2];

  /** The width in points of {@code text} set in Liberation Serif (= Times New Roman), to size rules under lines. */
  static synchronized float widthPt(String text, boolean bold, float size) {
    int i = bold ? 1 : 0;
    if (MEASURE[i] == null) {
      try {
        MEASURE[i] = com.lowagie.text.pdf.BaseFont.createFont(bold ? "LiberationSerif-Bold.ttf"
            : "LiberationSerif-Regular.ttf", com.lowagie.text.pdf.BaseFont.IDENTITY_H, false, true,
            bold ? SERIF_BOLD : SERIF, null);
      } catch (com.lowagie.text.DocumentException | IOException e) {
        throw new IllegalStateException("cannot load the report font", e);
      }
    }
    return MEASURE[i].getWidthPoint(text, size);
  }

  /** The regular face for Java 2D, at {@code size} points. */
  static Font awt(boolean bold, float size) {
    try {
      return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bold ? BOLD : REGULAR)).deriveFont(size);
    } catch (FontFormatException | IOException e) {
      throw new IllegalStateException("cannot load the report font", e);
    }
  }

  private static byte[] read(String resource) {
    try (InputStream in = ReportFonts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
