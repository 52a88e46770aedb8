package vn.hoinghi.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.report.PlayedSession;
import vn.hoinghi.report.ReportOptions;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReports;

/**
 * The report as pages: the PDF export read back with PDFBox (fonts, dates, page numbers), and the DOCX rendered by
 * LibreOffice headless and counted. The demo session's pages are kept as PNG in target/report-pages for review.
 */
@DisplayName("Report pages: PDF read back, DOCX rendered by LibreOffice")
class ReportPagesTest {

  static final Instant DAY = Instant.parse("2026-12-04T03:00:00Z");
  static final Path PAGES = Path.of("target", "report-pages");

  static byte[] docx(SynthesisReport r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DocxExport.write(r, DocumentHeading.standard(), out);
    return out.toByteArray();
  }

  static byte[] pdf(SynthesisReport r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfExport.write(r, DocumentHeading.standard(), out);
    return out.toByteArray();
  }

  /** The text in the top margin of a page (the first 18 mm), where the decree puts the page number. */
  static String topMargin(PDDocument pdf, int pageIndex) throws IOException {
    PDPage page = pdf.getPage(pageIndex);
    PDFTextStripperByArea strip = new PDFTextStripperByArea();
    strip.addRegion("top", new Rectangle2D.Float(0, 0, page.getMediaBox().getWidth(), 18 * 72f / 25.4f));
    strip.extractRegions(page);
    return strip.getTextForRegion("top").strip();
  }

  static void pageNumbersFromTwo(PDDocument pdf) throws IOException {
    assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
    assertThat(topMargin(pdf, 0)).as("no number on page 1").isEmpty();
    for (int i = 1; i < pdf.getNumberOfPages(); i++) {
      assertThat(topMargin(pdf, i)).as("number on page " + (i + 1)).isEqualTo(Integer.toString(i + 1));
    }
  }

  /** Every page as a PNG at 80 dpi in target/report-pages, for a person to review. */
  static void png(PDDocument pdf, String name) throws IOException {
    Files.createDirectories(PAGES);
    try (var old = Files.list(PAGES)) {
      for (Path p : old.filter(p -> p.getFileName().toString().matches(name + "-\\d+\\.png")).toList()) {
        Files.delete(p);
      }
    }
    PDFRenderer renderer = new PDFRenderer(pdf);
    for (int i = 0; i < pdf.getNumberOfPages(); i++) {
      BufferedImage img = renderer.renderImageWithDPI(i, 80);
      ImageIO.write(img, "png", PAGES.resolve(name + "-" + (i + 1) + ".png").toFile());
    }
  }

  @Test
  @DisplayName("PDF: Liberation Serif embedded in every face, the zero-padded date, page numbers at the top from page 2")
  void pdfExport() throws IOException {
    SynthesisReport r = SynthesisReports.build(PlayedSession.story().conf, ReportOptions.whole(), DAY);
    try (PDDocument pdf = Loader.loadPDF(pdf(r))) {
      String text = new PDFTextStripper().getText(pdf).replace("\n", " ");
      assertThat(text).contains("Hà Nội, ngày 04 tháng 12 năm 2026", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc", "BAN SOẠN THẢO", "Số:      /BC-BST", OpinionRows.TITLE, "TM. BAN SOẠN THẢO",
          "Nơi nhận:", "- Lưu: VT, BST.");
      assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(595.0f, org.assertj.core.data.Offset.offset(1f));
      List<String> fonts = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont f = page.getResources().getFont(name);
          assertThat(f.isEmbedded()).as(f.getName()).isTrue();
          fonts.add(f.getName().replaceAll("^[A-Z]{6}\\+", ""));
        }
      }
      assertThat(fonts).allMatch(n -> n.startsWith("LiberationSerif"))
          .contains("LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic");
      pageNumbersFromTwo(pdf);
    }
  }

  @Test
  @DisplayName("Demo session: LibreOffice renders the DOCX in at most 5 pages, numbered from page 2; pages kept as PNG")
  void demoPages() throws Exception {
    SynthesisReport r = SynthesisReports.build(PlayedSession.story().conf, ReportOptions.whole(), DAY);
    byte[] docx = docx(r);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      assertThat(doc.getTables()).filteredOn(t -> t.getRow(0).getCell(0).getText().equals("STT")).hasSize(1);
    }
    if (!Office.available()) return;
    Path rendered = Office.toPdf(docx, "bao-cao-demo");
    Files.createDirectories(PAGES);
    Files.copy(rendered, PAGES.resolve("bao-cao-demo.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (PDDocument pdf = Loader.loadPDF(rendered.toFile())) {
      assertThat(pdf.getNumberOfPages()).isBetween(2, 5);
      String text = new PDFTextStripper().getText(pdf).replace("\n", " ");
      assertThat(text).contains("Hà Nội, ngày 04 tháng 12 năm 2026", OpinionRows.TITLE, "TM. BAN SOẠN THẢO");
      pageNumbersFromTwo(pdf);
      png(pdf, "bao-cao-demo");
    }
  }

  @Test
  @DisplayName("Twelve opinions on a 199-article law: one table of twelve rows, and LibreOffice renders it in at most 5 pages")
  void longLawFitsFivePages() throws Exception {
    PlayedSession s = LongLawSession.play();
    SynthesisReport r = SynthesisReports.build(s.conf, ReportOptions.whole(), DAY);
    assertThat(r.articles()).hasSizeGreaterThanOrEqualTo(173);
    byte[] docx = docx(r);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      XWPFTable table = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("STT"))
          .findFirst().orElseThrow();
      assertThat(table.getRows()).hasSize(1 + 12);
      String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
      assertThat(text).doesNotContain("chưa biểu quyết", "QUỐC HỘI\n", "Không có ý kiến góp ý.");
    }
    if (!Office.available()) return;
    Path rendered = Office.toPdf(docx, "bao-cao-luat-dai");
    Files.createDirectories(PAGES);
    Files.copy(rendered, PAGES.resolve("bao-cao-luat-dai.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (PDDocument pdf = Loader.loadPDF(rendered.toFile())) {
      png(pdf, "bao-cao-luat-dai");
      assertThat(pdf.getNumberOfPages()).isLessThanOrEqualTo(5);
    }
    byte[] exported = pdf(r);
    Files.write(PAGES.resolve("bao-cao-luat-dai-export.pdf"), exported);
    try (PDDocument pdf = Loader.loadPDF(exported)) {
      png(pdf, "bao-cao-luat-dai-export");
      assertThat(pdf.getNumberOfPages()).as("the PDF export too").isLessThanOrEqualTo(5);
    }
  }
}
