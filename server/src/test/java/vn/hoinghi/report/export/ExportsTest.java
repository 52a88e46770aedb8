package vn.hoinghi.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.report.PlayedSession;
import vn.hoinghi.report.ReportOptions;
import vn.hoinghi.report.SynthesisReport;
import vn.hoinghi.report.SynthesisReports;
import vn.hoinghi.report.TableRow;
import vn.hoinghi.report.TableTotals;

/**
 * Each export of the story session opened with a real reader and its content checked: the DOCX and XLSX read back
 * with POI, the PDF's text extracted with PDFBox, the CSV parsed, the Markdown read. The files are also left in
 * target/report-samples for a person to look at.
 */
@DisplayName("Report exports, opened and read back")
class ExportsTest {

  static PlayedSession s;
  static SynthesisReport r;
  static Set<String> participantIds;
  static final DocumentHeading HEADING = new DocumentHeading(DocumentHeading.Style.PARTY, "BAN CHẤP HÀNH TRUNG ƯƠNG",
      "BAN TỔ CHỨC TRUNG ƯƠNG", "Số:      -BC/BTCTW", "Hà Nội");
  /** Strings that must appear exactly, Vietnamese diacritics included. */
  static final List<String> EXACT = List.of("BÁO CÁO", "Điều 8", "Chế độ họp", "mỗi quý một lần", "sáu tháng một lần",
      "Bùi Đức Thắng", "Thành ủy Hà Nội", "Tiếp thu", "Giải trình", "Chế độ phụ cấp thực hiện theo quy định chung",
      "Tỉnh ủy Đồng Tháp", "Võ Thành Nhân", "Bổ sung thời hạn ban hành chương trình công tác năm");

  @BeforeAll
  static void build() {
    s = PlayedSession.story();
    r = SynthesisReports.build(s.conf, ReportOptions.whole(), s.now);
    participantIds = s.conf.participants().stream().map(p -> p.id()).collect(Collectors.toSet());
  }

  private static byte[] save(String name, byte[] bytes) throws IOException {
    Path dir = Path.of("target", "report-samples");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), bytes);
    return bytes;
  }

  /** The secret ballot's opinion appears with its endpoint but no name near it and no participant id anywhere. */
  private static void anonymityHolds(String text) {
    String secretOpinion = "Bổ sung thời hạn ban hành chương trình công tác năm";
    int at = text.indexOf(secretOpinion);
    assertThat(at).isNotNegative();
    String after = text.substring(at, Math.min(text.length(), at + 160));
    assertThat(after).contains("Tỉnh ủy Đồng Tháp").doesNotContain("Nguyễn Thị Mai");
    assertThat(text).doesNotContain(s.id("daibieu1"));
  }

  @Test
  @DisplayName("DOCX: heading block, the sections, the one table of opinions and the chart, in exact Vietnamese")
  void docx() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DocxExport.write(r, HEADING, out);
    byte[] bytes = save("bao-cao.docx", out.toByteArray());
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
         XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
      String text = ex.getText();
      for (String s : EXACT) assertThat(text).contains(s);
      assertThat(text).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "BAN TỔ CHỨC TRUNG ƯƠNG", "Hà Nội, ngày ",
          "I. TÌNH HÌNH THAM DỰ", "II. KẾT QUẢ BIỂU QUYẾT", "III. TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý",
          "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý", "Nơi nhận:", "TM. BAN TỔ CHỨC TRUNG ƯƠNG",
          "Báo cáo tạm thời");
      assertThat(text).doesNotContain("Nội dung không liên quan.", "T/M ", "phiên bản");
      assertThat(text).doesNotContain(s.id("daibieu1"));
      assertThat(doc.getAllPictures()).as("the tally chart").hasSize(1);
      List<XWPFTable> opinionTables = doc.getTables().stream()
          .filter(t -> t.getRow(0).getTableCells().size() == 5 && t.getRow(0).getCell(3).getText().equals("Nội dung góp ý"))
          .toList();
      assertThat(opinionTables).as("one continuous table").hasSize(1);
      XWPFTable table = opinionTables.get(0);
      assertThat(table.getRow(0).getTableCells().stream().map(c -> c.getText()).toList())
          .containsExactly("STT", "Điều, khoản", "Chủ thể góp ý", "Nội dung góp ý", "Ý kiến tiếp thu, giải trình");
      var secretRow = table.getRows().stream()
          .filter(row -> row.getCell(3).getText().contains("Bổ sung thời hạn ban hành chương trình công tác năm"))
          .findFirst().orElseThrow();
      assertThat(secretRow.getCell(2).getText()).as("a secret ballot names no one").isEqualTo("Phiếu kín");
      var proposalRow = table.getRows().stream().filter(row -> row.getCell(3).getText().contains("mỗi quý một lần"))
          .findFirst().orElseThrow();
      assertThat(proposalRow.getCell(2).getText()).contains("Thành ủy Hà Nội", "Bùi Đức Thắng");
      assertThat(proposalRow.getCell(4).getText()).startsWith("Tiếp thu");
      assertThat(table.getRows().stream().map(row -> row.getCell(0).getText()).skip(1).toList())
          .as("numbered from 1 without a break").containsExactlyElementsOf(
              java.util.stream.IntStream.rangeClosed(1, table.getRows().size() - 1).mapToObj(Integer::toString).toList());
    }
  }

  @Test
  @DisplayName("PDF: the embedded font renders every Vietnamese letter and the text extracts exactly")
  void pdf() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfExport.write(r, HEADING, out);
    byte[] bytes = save("bao-cao.pdf", out.toByteArray());
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      String text = new PDFTextStripper().getText(pdf).replace("\r", "");
      String flat = text.replace("\n", " ");
      for (String s : EXACT) assertThat(flat).contains(s);
      assertThat(flat).contains("III. TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý", "PHỤ LỤC", "Phiếu kín");
      assertThat(flat).doesNotContain(s.id("daibieu1"), "Nguyễn Thị Mai");
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        for (var name : page.getResources().getFontNames()) fonts.add(page.getResources().getFont(name));
      }
      assertThat(fonts).isNotEmpty().allSatisfy(f -> {
        assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
        assertThat(f.getName()).contains("LiberationSerif");
      });
    }
  }

  @Test
  @DisplayName("XLSX: the one table (STT | Điều, khoản | Chủ thể góp ý | Nội dung góp ý | Ý kiến tiếp thu, giải trình), no ids")
  void xlsx() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxExport.write(r, out);
    byte[] bytes = save("gop-y.xlsx", out.toByteArray());
    List<TableRow> table = r.table();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet fb = wb.getSheet("Góp ý");
      DataFormatter fmt = new DataFormatter();
      Row head = fb.getRow(0);
      for (int i = 0; i < FeedbackRows.HEADER.size(); i++) assertThat(head.getCell(i).getStringCellValue()).isEqualTo(FeedbackRows.HEADER.get(i));
      for (int i = 0; i < table.size(); i++) {
        Row row = fb.getRow(i + 1);
        assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(i + 1.0);
        assertThat(row.getCell(1).getStringCellValue()).isEqualTo(table.get(i).placeLabel());
        assertThat(row.getCell(3).getStringCellValue()).isEqualTo(table.get(i).content());
        assertThat(row.getCell(4).getStringCellValue()).isEqualTo(table.get(i).answer());
      }
      for (Sheet sheet : wb) {
        for (Row row : sheet) {
          for (int c = 0; c < row.getLastCellNum(); c++) noInternalIds(fmt.formatCellValue(row.getCell(c)));
        }
      }
      Row proposal = fb.getRow(1 + indexOf(table, s.proposal));
      assertThat(proposal.getCell(3).getStringCellValue()).contains("“mỗi quý một lần” thành “sáu tháng một lần”");
      assertThat(proposal.getCell(4).getStringCellValue()).startsWith("Tiếp thu");
      Sheet votes = wb.getSheet("Biểu quyết");
      Row d8 = null;
      for (Row row : votes) if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals("Điều 8")
          && row.getCell(4).getStringCellValue().equals("Tổng cộng")) d8 = row;
      assertThat(d8).isNotNull();
      assertThat(d8.getCell(2).getStringCellValue()).isEqualTo("Biểu quyết Điều 8");
      assertThat(List.of(d8.getCell(5).getNumericCellValue(), d8.getCell(6).getNumericCellValue(),
          d8.getCell(7).getNumericCellValue(), d8.getCell(8).getNumericCellValue())).containsExactly(12.0, 2.0, 1.0, 15.0);
      assertThat(wb.getSheet("Điểm cầu").getLastRowNum()).isEqualTo(35);
    }
  }

  private static int indexOf(List<TableRow> table, String id) {
    for (int i = 0; i < table.size(); i++) if (table.get(i).opinionIds().contains(id)) return i;
    throw new AssertionError("no row " + id);
  }

  /** No opinion, node, vote or participant id in an exported cell. */
  private static void noInternalIds(String v) {
    assertThat(v).doesNotContainPattern("\\b(ann|wo|vo|fr|v|p|ep)-\\d").doesNotContainPattern("\\bd\\d+(\\.k\\d+)?\\b");
    assertThat(participantIds).doesNotContain(v);
  }

  @Test
  @DisplayName("CSV: UTF-8 with a byte-order mark, one record per row of the table, the same columns as the XLSX")
  void csv() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvExport.write(r, out);
    byte[] bytes = save("gop-y.csv", out.toByteArray());
    assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    List<TableRow> table = r.table();
    try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
      assertThat(p.getHeaderNames()).isEqualTo(FeedbackRows.HEADER);
      List<CSVRecord> recs = p.getRecords();
      assertThat(recs).hasSize(table.size());
      for (int i = 0; i < recs.size(); i++) {
        assertThat(recs.get(i).get("STT")).isEqualTo(Integer.toString(i + 1));
        assertThat(recs.get(i).get("Nội dung góp ý")).isEqualTo(table.get(i).content());
        for (String v : recs.get(i).values()) noInternalIds(v);
      }
      CSVRecord secret = recs.stream().filter(x -> x.get("Điều, khoản").equals("Điều 9")).findFirst().orElseThrow();
      assertThat(secret.get("Chủ thể góp ý")).isEqualTo("Phiếu kín");
    }
  }

  @Test
  @DisplayName("Markdown: the same sections and tables, with exact Vietnamese text")
  void markdown() throws IOException {
    String md = MarkdownExport.render(r, HEADING);
    save("bao-cao.md", md.getBytes(StandardCharsets.UTF_8));
    // Article titles are no longer repeated per article: the table names places only.
    for (String s : EXACT) if (!s.equals("Chế độ họp")) assertThat(md).contains(s);
    assertThat(md).contains("# BÁO CÁO", "## III. TỔNG HỢP Ý KIẾN GÓP Ý VÀ TIẾP THU, GIẢI TRÌNH",
        "| STT | Điều, khoản | Chủ thể góp ý | Nội dung góp ý | Ý kiến tiếp thu, giải trình |",
        "| Điều 8 | 12 | 2 | 1 | 15 | 80,0% |");
    assertThat(md).doesNotContain("chưa biểu quyết").doesNotContain("Không có ý kiến góp ý");
    for (String line : md.lines().toList()) noInternalIds(line);
    String secret = md.lines().filter(l -> l.contains("Bổ sung thời hạn ban hành")).findFirst().orElseThrow();
    assertThat(secret).contains("| Phiếu kín |").doesNotContain("Nguyễn Thị Mai");
    assertThat(md).doesNotContain(s.id("daibieu1"));
  }

  /** rows, answered, accepted, explained, noted, unanswered — counted from the answer cells as a reader would. */
  private static TableTotals count(List<String> answers) {
    int acc = 0, exp = 0, not = 0, none = 0;
    for (String a : answers) {
      if (a.isEmpty()) none++;
      else if (a.startsWith("Tiếp thu")) acc++;
      else if (a.startsWith("Giải trình")) exp++;
      else if (a.startsWith("Ghi nhận")) not++;
      else throw new AssertionError("answer of no kind: " + a);
    }
    return new TableTotals(answers.size(), acc + exp + not, acc, exp, not, none);
  }

  @Test
  @DisplayName("the same numbers in every format: XLSX, CSV and Markdown read back count as tableTotals()")
  void sameNumbers() throws IOException {
    TableTotals expected = r.tableTotals();
    assertThat(expected.rows()).isPositive();
    assertThat(expected.answered()).isPositive();
    assertThat(expected.unanswered()).isPositive();
    // XLSX
    ByteArrayOutputStream x = new ByteArrayOutputStream();
    XlsxExport.write(r, x);
    List<String> xlsx = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.toByteArray()))) {
      Sheet fb = wb.getSheet("Góp ý");
      for (int i = 1; fb.getRow(i) != null && fb.getRow(i).getCell(4) != null; i++) {
        xlsx.add(fb.getRow(i).getCell(4).getStringCellValue());
      }
      assertThat(new DataFormatter().formatCellValue(fb.getRow(xlsx.size() + 2).getCell(0)))
          .isEqualTo(FeedbackRows.totals(r));
    }
    // CSV
    ByteArrayOutputStream c = new ByteArrayOutputStream();
    CsvExport.write(r, c);
    List<String> csv = new ArrayList<>();
    try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(new String(c.toByteArray(), StandardCharsets.UTF_8).substring(1)))) {
      for (CSVRecord rec : p) csv.add(rec.get("Ý kiến tiếp thu, giải trình"));
    }
    // Markdown: the rows of the table under its header.
    List<String> md = new ArrayList<>();
    List<String> lines = MarkdownExport.render(r, HEADING).lines().toList();
    int h = lines.indexOf("| " + String.join(" | ", FeedbackRows.HEADER) + " |");
    for (int i = h + 2; i < lines.size() && lines.get(i).startsWith("| "); i++) {
      String[] cells = lines.get(i).split("(?<!\\\\)\\|", -1);
      md.add(cells[5].strip());
    }
    assertThat(count(xlsx)).isEqualTo(expected);
    assertThat(count(csv)).isEqualTo(expected);
    assertThat(count(md)).isEqualTo(expected);
    assertThat(MarkdownExport.render(r, HEADING)).contains(FeedbackRows.totals(r));
  }
}
