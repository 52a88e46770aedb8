package vn.hoinghi.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.document.DraftImporter;
import vn.hoinghi.report.PlayedSession;
import vn.hoinghi.report.ReportOptions;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReports;
import vn.hoinghi.report.revision.VersionDiff;

/**
 * docs/glossary.md is the one list of words: its last column names the words not used. None of them may appear in the
 * web client's strings (vi.ts, en.ts) or in what the report and the comparison table print.
 */
@DisplayName("One glossary for the client, the report and the exports")
class GlossaryTest {

  static final Path ROOT = Path.of("..");
  static final Locale VI = Locale.forLanguageTag("vi");
  static List<String> banned;

  @BeforeAll
  static void readGlossary() throws IOException {
    banned = new ArrayList<>();
    for (String line : Files.readAllLines(ROOT.resolve("docs/glossary.md"))) {
      if (!line.startsWith("|") || line.startsWith("|---")) continue;
      String[] cells = line.split("\\|", -1);
      Matcher m = Pattern.compile("`([^`]+)`").matcher(cells[cells.length - 2]);
      while (m.find()) banned.add(m.group(1));
    }
  }

  /** The values of an i18n file ('key': 'value'), not its keys or comments. */
  static String values(String file) throws IOException {
    StringBuilder sb = new StringBuilder();
    Matcher m = Pattern.compile("^\\s*'[^']+':\\s*(['\"`])(.*)\\1,?\\s*$", Pattern.MULTILINE)
        .matcher(Files.readString(ROOT.resolve("web-client/src/i18n/" + file)));
    while (m.find()) sb.append(m.group(2)).append('\n');
    return sb.toString();
  }

  static void noBannedWord(String where, String text) {
    String lower = text.toLowerCase(VI);
    for (String word : banned) {
      assertThat(lower).as(where + " uses \"" + word + "\" (docs/glossary.md)").doesNotContain(word.toLowerCase(VI));
    }
  }

  @Test
  @DisplayName("The glossary names the words not used: phiên bản, chưa trả lời, Bộ phận soạn thảo, T/M…")
  void glossaryHasItsBans() {
    assertThat(banned).contains("phiên bản", "chưa trả lời", "Bộ phận soạn thảo", "tổ soạn thảo", "T/M",
        "drafting team");
  }

  @Test
  @DisplayName("The web client's Vietnamese and English strings use the glossary's words")
  void clientStrings() throws IOException {
    String vi = values("vi.ts");
    String en = values("en.ts");
    assertThat(vi.lines().count()).as("strings read from vi.ts").isGreaterThan(300);
    noBannedWord("vi.ts", vi);
    noBannedWord("en.ts", en);
    assertThat(vi).contains("Dự thảo lần {v}", "Chưa phản hồi", "Ban soạn thảo", "Người điều hành điểm cầu");
  }

  @Test
  @DisplayName("The DOCX, PDF and Markdown report and the comparison table print the glossary's words")
  void exports() throws IOException {
    PlayedSession s = PlayedSession.story();
    SynthesisReport r = SynthesisReports.build(s.conf, ReportOptions.whole(), Instant.parse("2026-12-04T03:00:00Z"));
    DocumentHeading h = DocumentHeading.standard();
    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    DocxExport.write(r, h, docx);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.toByteArray()));
         XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
      String text = ex.getText();
      noBannedWord("the DOCX report", text);
      assertThat(text).contains("dự thảo lần 1", "Chưa phản hồi", "Ban soạn thảo");
    }
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    PdfExport.write(r, h, pdf);
    try (var doc = Loader.loadPDF(pdf.toByteArray())) {
      noBannedWord("the PDF report", new PDFTextStripper().getText(doc));
    }
    noBannedWord("the Markdown report", MarkdownExport.render(r, h));

    var v1 = s.conf.currentDraft().orElseThrow().document();
    var v2 = DraftImporter.parse(vn.hoinghi.report.revision.DraftText.render(v1)
        .replace("mỗi quý một lần", "sáu tháng một lần")).doc();
    ByteArrayOutputStream cmp = new ByteArrayOutputStream();
    DraftDocx.writeComparison(VersionDiff.compare(1, v1, 2, v2, List.of()), v1.title(), h, Instant.now(), cmp);
    ByteArrayOutputStream version = new ByteArrayOutputStream();
    DraftDocx.writeVersion(v2, 2, version);
    for (var file : List.of(cmp, version)) {
      try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file.toByteArray()));
           XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
        noBannedWord("the draft in Word", ex.getText());
        assertThat(ex.getText()).containsIgnoringCase("dự thảo lần 2");
      }
    }
  }
}
