package vn.hoinghi.report.export;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans, shipped in {@code fonts/} (Bitstream Vera license, see DejaVu-LICENSE.txt): it has every Vietnamese
 * glyph, so PDFs embed it and charts draw with it instead of whatever fonts the server's machine happens to have.
 */
final class ReportFonts {

  static final byte[] REGULAR = read("fonts/DejaVuSans.ttf");
  static final byte[] BOLD = read("fonts/DejaVuSans-Bold.ttf");

  private ReportFonts() {}

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
