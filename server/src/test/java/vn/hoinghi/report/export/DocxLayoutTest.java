package vn.hoinghi.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import vn.hoinghi.report.PlayedSession;
import vn.hoinghi.report.ReportOptions;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReports;
import vn.hoinghi.report.export.DocumentHeading.DraftingBody;
import vn.hoinghi.report.export.DocumentHeading.Signing;

/** The DOCX report read back with POI against the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I. */
@DisplayName("DOCX report in the decree's layout")
class DocxLayoutTest {

  /** 4 December 2026, 10:00 in Hà Nội. */
  static final Instant DAY = Instant.parse("2026-12-04T03:00:00Z");
  static SynthesisReport r;

  @BeforeAll
  static void build() {
    r = SynthesisReports.build(PlayedSession.story().conf, ReportOptions.whole(), DAY);
  }

  static DocumentHeading heading(Signing signing, String headTitle, String signerTitle, String name,
      List<String> recipients) {
    return new DocumentHeading(DocumentHeading.Style.STATE, "BỘ NỘI VỤ", "BAN SOẠN THẢO", "Số: 12/BC-BST",
        "Hà Nội", DraftingBody.BAN_SOAN_THAO, signing, headTitle, signerTitle, name, recipients);
  }

  static XWPFDocument docx(DocumentHeading h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DocxExport.write(r, h, out);
    return new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
  }

  static String text(XWPFDocument doc) throws IOException {
    try (XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
      return ex.getText();
    }
  }

  @Test
  @DisplayName("Uses real Word styles: Normal, Body Text, Title, Heading 1–3, Table Text and Table Grid, in Times New Roman")
  void styles() throws IOException {
    try (XWPFDocument doc = docx(DocumentHeading.standard())) {
      var styles = doc.getStyles();
      for (String id : List.of("Normal", "BodyText", "Title", "Heading1", "Heading2", "Heading3", "TableText",
          "TableGrid")) {
        assertThat(styles.styleExist(id)).as(id).isTrue();
      }
      assertThat(styles.getStyle("Heading1").getName()).isEqualTo("heading 1");
      assertThat(styles.getStyle("TableGrid").getName()).isEqualTo("Table Grid");
      var defaults = styles.getDefaultRunStyle();
      assertThat(styles.getCtStyles().getDocDefaults().getRPrDefault().getRPr().getRFontsArray(0).getAscii())
          .isEqualTo("Times New Roman");
      assertThat(defaults.getFontSizeAsDouble()).isEqualTo(14.0);
      assertThat(styles.getStyle("TableText").getCTStyle().getRPr().getSzArray(0).getVal().toString()).isEqualTo("26");

      List<XWPFParagraph> paras = doc.getParagraphs();
      assertThat(paras).filteredOn(p -> "Title".equals(p.getStyle())).extracting(XWPFParagraph::getText)
          .contains("BÁO CÁO", "Tổng hợp, tiếp thu, giải trình ý kiến góp ý đối với dự thảo");
      assertThat(paras).filteredOn(p -> "Heading1".equals(p.getStyle())).extracting(XWPFParagraph::getText)
          .containsExactly("I. TÌNH HÌNH THAM DỰ", "II. KẾT QUẢ BIỂU QUYẾT",
              "III. TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý", "IV. TỔNG HỢP CHUNG");
      assertThat(paras).filteredOn(p -> "BodyText".equals(p.getStyle())).isNotEmpty();
      assertThat(doc.getTables()).filteredOn(t -> t.getRow(0).getTableCells().size() == 5)
          .allSatisfy(t -> {
            assertThat(t.getStyleID()).isEqualTo("TableGrid");
            assertThat(t.getRow(0).isRepeatHeader()).as("header row repeated on each page").isTrue();
          });
    }
  }

  @Test
  @DisplayName("Heading block: agency with a rule and the number on the left, national name and motto with a rule, "
      + "then the zero-padded date, on the right")
  void headingBlock() throws IOException {
    try (XWPFDocument doc = docx(heading(Signing.TM, "TRƯỞNG BAN", "TRƯỞNG BAN", "Nguyễn Văn An", List.of()))) {
      XWPFTable block = doc.getTables().get(0);
      XWPFTableCell left = block.getRow(0).getCell(0);
      XWPFTableCell right = block.getRow(0).getCell(1);
      assertThat(left.getParagraphs()).extracting(XWPFParagraph::getText)
          .containsSubsequence("BỘ NỘI VỤ", "BAN SOẠN THẢO", "Số: 12/BC-BST");
      assertThat(left.getParagraphs()).as("a rule under the agency")
          .anySatisfy(p -> assertThat(p.getBorderBottom().name()).isEqualTo("SINGLE"));
      assertThat(right.getParagraphs()).extracting(XWPFParagraph::getText).containsSubsequence(
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 04 tháng 12 năm 2026");
      List<XWPFParagraph> rightParas = right.getParagraphs();
      int motto = rightParas.stream().map(XWPFParagraph::getText).toList().indexOf("Độc lập - Tự do - Hạnh phúc");
      assertThat(rightParas.get(motto + 1).getBorderBottom().name()).as("a rule under the motto").isEqualTo("SINGLE");
      assertThat(rightParas.get(motto + 1).getText()).isEmpty();
      var borders = block.getCTTbl().getTblPr().getTblBorders();
      assertThat(borders == null || "nil".equals(borders.getTop().getVal().toString())).as("no borders").isTrue();
    }
  }

  @Test
  @DisplayName("Title in capitals from the draft's real name, never the issuing body's line")
  void title() throws IOException {
    try (XWPFDocument doc = docx(DocumentHeading.standard())) {
      List<String> titles = doc.getParagraphs().stream().filter(p -> "Title".equals(p.getStyle()))
          .map(XWPFParagraph::getText).toList();
      String name = Wording.draftName(r);
      assertThat(name).isNotBlank().isEqualTo(name.toUpperCase(java.util.Locale.forLanguageTag("vi")))
          .doesNotContain("QUỐC HỘI", "---");
      assertThat(titles).contains(name);
    }
  }

  @Test
  @DisplayName("A4 with the decree's margins and page numbers centred at the top from page 2")
  void page() throws IOException {
    try (XWPFDocument doc = docx(DocumentHeading.standard())) {
      CTSectPr sect = doc.getDocument().getBody().getSectPr();
      assertThat(sect.getPgSz().getW().toString()).isEqualTo("11906");
      assertThat(sect.getPgSz().getH().toString()).isEqualTo("16838");
      double mm = 1440 / 25.4;
      assertThat(twips(sect.getPgMar().getTop()) / mm).isBetween(19.9, 25.0);
      assertThat(twips(sect.getPgMar().getBottom()) / mm).isBetween(19.9, 25.0);
      assertThat(twips(sect.getPgMar().getLeft()) / mm).isBetween(29.9, 35.0);
      assertThat(twips(sect.getPgMar().getRight()) / mm).isBetween(14.9, 20.0);
      assertThat(sect.isSetTitlePg()).as("first page has its own, empty header").isTrue();
      var policy = doc.getHeaderFooterPolicy();
      assertThat(policy.getFirstPageHeader().getText()).isBlank();
      var header = policy.getDefaultHeader().getParagraphs().get(0);
      assertThat(header.getCTP().getFldSimpleArray(0).getInstr()).isEqualTo("PAGE");
      assertThat(header.getAlignment().name()).isEqualTo("CENTER");
    }
  }

  private static double twips(Object v) {
    return Double.parseDouble(v.toString());
  }

  /** The right-hand cell of the closing: the authority lines and the name, as printed. */
  static List<String> signature(XWPFDocument doc) {
    XWPFTable closing = doc.getTables().stream()
        .filter(t -> t.getRow(0).getCell(0).getText().startsWith("Nơi nhận:")).findFirst().orElseThrow();
    return closing.getRow(0).getCell(1).getParagraphs().stream().map(XWPFParagraph::getText)
        .filter(s -> !s.isBlank()).toList();
  }

  @Test
  @DisplayName("Signature block: TM. with the body, KT. and Q. with the head's title, or none; the signer's name")
  void signing() throws IOException {
    try (XWPFDocument tm = docx(heading(Signing.TM, "TRƯỞNG BAN", "TRƯỞNG BAN", "Nguyễn Văn An", List.of()))) {
      assertThat(signature(tm)).containsExactly("TM. BAN SOẠN THẢO", "TRƯỞNG BAN", "Nguyễn Văn An");
    }
    try (XWPFDocument kt = docx(heading(Signing.KT, "TRƯỞNG BAN", "Phó Trưởng ban", "Trần Thị Bình", List.of()))) {
      assertThat(signature(kt)).containsExactly("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Trần Thị Bình");
    }
    try (XWPFDocument q = docx(heading(Signing.Q, "Trưởng ban", "", "Lê Văn Cường", List.of()))) {
      assertThat(signature(q)).containsExactly("Q. TRƯỞNG BAN", "Lê Văn Cường");
    }
    try (XWPFDocument none = docx(heading(Signing.NONE, "TRƯỞNG BAN", "TRƯỞNG BAN", "Phạm Văn Dũng", List.of()))) {
      assertThat(signature(none)).isEmpty();
      assertThat(text(none)).doesNotContain("Phạm Văn Dũng").contains("Nơi nhận:");
    }
  }

  @Test
  @DisplayName("Nơi nhận: one line per recipient ending in a semicolon, then Lưu: VT and the body's abbreviation")
  void recipients() throws IOException {
    DocumentHeading h = heading(Signing.TM, "TRƯỞNG BAN", "TRƯỞNG BAN", "",
        List.of("Bộ trưởng Bộ Nội vụ (để báo cáo)", "Các điểm cầu"));
    try (XWPFDocument doc = docx(h)) {
      XWPFTable closing = doc.getTables().stream()
          .filter(t -> t.getRow(0).getCell(0).getText().startsWith("Nơi nhận:")).findFirst().orElseThrow();
      assertThat(closing.getRow(0).getCell(0).getParagraphs()).extracting(XWPFParagraph::getText).containsExactly(
          "Nơi nhận:", "- Bộ trưởng Bộ Nội vụ (để báo cáo);", "- Các điểm cầu;", "- Lưu: VT, BST.");
    }
  }

  @Test
  @DisplayName("The drafting body is named as configured: Tổ biên tập in the text and the number's symbol")
  void draftingBody() throws IOException {
    try (XWPFDocument doc = docx(DocumentHeading.of(DraftingBody.TO_BIEN_TAP))) {
      String text = text(doc);
      assertThat(text).contains("TỔ BIÊN TẬP", "Số:      /BC-TBT", "Tổ biên tập tổng hợp, tiếp thu, giải trình",
          "TM. TỔ BIÊN TẬP", "- Lưu: VT, TBT.").doesNotContain("Ban soạn thảo", "Bộ phận soạn thảo");
    }
  }

  @Test
  @DisplayName("Articles and halls that agreed without remarks are summed up in one sentence each, not listed one by one")
  void agreedWithoutRemarks() throws IOException {
    try (XWPFDocument doc = docx(DocumentHeading.standard())) {
      String text = text(doc);
      assertThat(text).contains("Các điều không có ý kiến góp ý, thống nhất như dự thảo: Điều ")
          .doesNotContain("chưa biểu quyết", "Không có ý kiến góp ý.");
    }
  }
}
