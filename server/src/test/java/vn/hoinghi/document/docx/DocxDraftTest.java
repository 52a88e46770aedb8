package vn.hoinghi.document.docx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.DECIMAL;
import static org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.LOWER_LETTER;
import static org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.UPPER_ROMAN;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.DraftImporter;
import vn.hoinghi.domain.document.ImportProblem;
import vn.hoinghi.domain.document.ImportResult;
import vn.hoinghi.domain.document.NodeKind;

class DocxDraftTest {

  private static List<String> lines(DocxText t) {
    return t.text().lines().toList();
  }

  @Test
  @DisplayName("the warm-up document written and read back at start gives its numbered article and its table")
  void warmUpReadsItsSample() throws Exception {
    String text = DocxDraft.warmUp();
    assertThat(text).contains("LUẬT MẪU", "Điều 1. Phạm vi điều chỉnh", "1. Khoản một.", "| a |");
  }

  @Test
  @DisplayName("Word's automatic numbering is written out as shown: Điều 1., 1., a); clauses restart in each article")
  void numberedLists() throws Exception {
    try (WordFile w = new WordFile()) {
      BigInteger num = w.num(w.list("Điều %1.", DECIMAL, "%2.", DECIMAL, "%3)", LOWER_LETTER));
      w.centredBold("DỰ THẢO QUY CHẾ");
      w.numbered(num, 0, "Phạm vi điều chỉnh");
      w.numbered(num, 1, "Quy chế này quy định về hội nghị.");
      w.numbered(num, 1, "Áp dụng đối với:");
      w.numbered(num, 2, "Đảng đoàn;");
      w.numbered(num, 2, "Ban cán sự đảng.");
      w.numbered(num, 0, "Hiệu lực");
      w.numbered(num, 1, "Quy chế có hiệu lực từ ngày ký.");
      DocxText t = DocxDraft.read(w.bytes());
      assertThat(lines(t)).containsExactly("DỰ THẢO QUY CHẾ", "Điều 1. Phạm vi điều chỉnh", "1. Quy chế này quy định về hội nghị.",
          "2. Áp dụng đối với:", "a) Đảng đoàn;", "b) Ban cán sự đảng.", "Điều 2. Hiệu lực", "1. Quy chế có hiệu lực từ ngày ký.");
      ImportResult r = DraftImporter.parse(t.text());
      assertThat(r.problems()).isEmpty();
      assertThat(r.doc().title()).isEqualTo("DỰ THẢO QUY CHẾ");
      assertThat(r.doc().nodes()).hasSize(2);
      assertThat(r.doc().nodes().get(0).children().get(1).children()).hasSize(2);
    }
  }

  @Test
  @DisplayName("a numbering restarted at 5 shows Điều 5, Điều 6; a second instance of the same list continues it")
  void restartsAndContinuation() throws Exception {
    try (WordFile w = new WordFile()) {
      BigInteger list = w.list("Điều %1.", DECIMAL);
      BigInteger from5 = w.numStartingAt(list, 0, 5);
      BigInteger again = w.num(list);
      w.numbered(from5, 0, "Năm");
      w.numbered(from5, 0, "Sáu");
      w.numbered(again, 0, "Bảy");
      assertThat(lines(DocxDraft.read(w.bytes()))).containsExactly("Điều 5. Năm", "Điều 6. Sáu", "Điều 7. Bảy");
    }
  }

  @Test
  @DisplayName("a heading style numbered by Word (Chương %1. in upper Roman) gives Chương I., Chương II.")
  void numberedHeadingStyle() throws Exception {
    try (WordFile w = new WordFile()) {
      w.numberedStyle("ChuongHeading", w.num(w.list("Chương %1.", UPPER_ROMAN)));
      BigInteger articles = w.num(w.list("Điều %1.", DECIMAL));
      w.styled("ChuongHeading", "QUY ĐỊNH CHUNG");
      w.numbered(articles, 0, "Phạm vi");
      w.para("Nội dung.");
      w.styled("ChuongHeading", "TỔ CHỨC THỰC HIỆN");
      w.numbered(articles, 0, "Hiệu lực");
      w.para("Từ ngày ký.");
      DocxText t = DocxDraft.read(w.bytes());
      assertThat(lines(t)).containsExactly("Chương I. QUY ĐỊNH CHUNG", "Điều 1. Phạm vi", "Nội dung.",
          "Chương II. TỔ CHỨC THỰC HIỆN", "Điều 2. Hiệu lực", "Từ ngày ký.");
      DraftDocument d = DraftImporter.parse(t.text()).doc();
      assertThat(d.nodes()).extracting(n -> n.kind()).containsExactly(NodeKind.CHAPTER, NodeKind.CHAPTER);
      assertThat(d.nodes().get(1).title()).isEqualTo("TỔ CHỨC THỰC HIỆN");
    }
  }

  @Test
  @DisplayName("a table becomes one line per row, kept as text of the article it stands in")
  void tables() throws Exception {
    try (WordFile w = new WordFile()) {
      w.para("Điều 1. Thành phần");
      w.para("Thành phần gồm:");
      w.table(new String[] {"STT", "Thành phần"}, new String[] {"1.", "Chủ trì"}, new String[] {"2.", "Thư ký"});
      w.para("Điều 2. Hiệu lực");
      w.para("Từ ngày ký.");
      DocxText t = DocxDraft.read(w.bytes());
      assertThat(lines(t)).containsExactly("Điều 1. Thành phần", "Thành phần gồm:", "| STT | Thành phần |", "| 1. | Chủ trì |",
          "| 2. | Thư ký |", "Điều 2. Hiệu lực", "Từ ngày ký.");
      ImportResult r = DraftImporter.parse(t.text());
      assertThat(r.problems()).isEmpty();
      assertThat(r.doc().nodes().get(0).children()).as("a row starting with 1. is no clause").isEmpty();
      assertThat(r.doc().nodes().get(0).text()).contains("| 1. | Chủ trì |");
    }
  }

  @Test
  @DisplayName("footnotes are dropped with a notice at the paragraph's line; the letterhead table likewise")
  void footnotesAndLetterhead() throws Exception {
    try (WordFile w = new WordFile()) {
      w.table(new String[] {"BỘ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"});
      w.centredBold("DỰ THẢO");
      w.para("Điều 1. Phạm vi");
      w.withFootnote("Nội dung điều một.", "Theo Luật số 80/2015/QH13.");
      DocxText t = DocxDraft.read(w.bytes());
      assertThat(lines(t)).containsExactly("DỰ THẢO", "Điều 1. Phạm vi", "Nội dung điều một.");
      assertThat(t.notices()).extracting(ImportProblem::line).containsExactly(1, 3);
      assertThat(t.notices().get(0).messageVi()).contains("BỘ NỘI VỤ");
      assertThat(t.notices().get(1).messageEn()).contains("footnote").contains("Theo Luật số 80/2015/QH13.");
    }
  }

  @Test
  @DisplayName("a real decree (Nghị định 30/2020/NĐ-CP, typed numbering, letterhead and signature tables) imports cleanly")
  void realDecree() throws Exception {
    DocxText t = DocxDraft.read(resource("nghi-dinh-30-2020-van-thu.docx"));
    ImportResult r = DraftImporter.parse(t.text());
    assertThat(r.problems()).isEmpty();
    // The subject under the bare type is part of the name.
    assertThat(r.doc().title()).isEqualTo("NGHỊ ĐỊNH Về công tác văn thư");
    assertThat(r.doc().nodes()).hasSize(7).allMatch(n -> n.kind() == NodeKind.CHAPTER);
    assertThat(t.text()).contains("Điều 38.").doesNotContain("Điều 39.");
    assertThat(t.notices()).hasSize(1);
    assertThat(t.notices().get(0).messageVi()).contains("Số: 30/2020/NĐ-CP");
  }

  @Test
  @DisplayName("a real contract template with Word-numbered sub-clauses shows 3.1., and the importer finds its gap (ĐIỀU 7 → 10)")
  void realContract() throws Exception {
    DocxText t = DocxDraft.read(resource("hop-dong-dich-vu-quang-cao.docx"));
    List<String> lines = lines(t);
    assertThat(lines).anyMatch(l -> l.startsWith("3.1. Tổng chi phí dịch vụ"));
    int gap = lines.indexOf(lines.stream().filter(l -> l.startsWith("ĐIỀU 10:")).findFirst().orElseThrow()) + 1;
    // Also reported: the template's footnote-like line "1 Điền hình thức …" reads as a clause without its period.
    int footnoteLike = lines.indexOf(lines.stream().filter(l -> l.startsWith("1 Điền hình thức")).findFirst().orElseThrow()) + 1;
    assertThat(DraftImporter.parse(t.text()).problems()).extracting(ImportProblem::line).containsExactly(footnoteLike, gap);
  }

  @Test
  @DisplayName("not a .docx (PDF, Word 97 .doc, a zip without word/document.xml, a document without text) is refused with a clear reason")
  void refusals() throws Exception {
    assertThatThrownBy(() -> DocxDraft.read("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(DocxRefused.class).hasMessageContaining("not a readable Word .docx");
    assertThatThrownBy(() -> DocxDraft.read(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}))
        .isInstanceOf(DocxRefused.class).hasMessageContaining("save it as .docx");
    assertThatThrownBy(() -> DocxDraft.read(zip("hello.txt", "xin chào".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(DocxRefused.class).hasMessageContaining("no word/document.xml");
    try (WordFile w = new WordFile()) {
      w.para("");
      w.para("   ");
      byte[] empty = w.bytes();
      assertThatThrownBy(() -> DocxDraft.read(empty)).isInstanceOf(DocxRefused.class).hasMessageContaining("no text");
    }
  }

  @Test
  @DisplayName("a zip bomb (word/document.xml of 50 MB of spaces in a few kilobytes) is refused before POI inflates it")
  void zipBomb() throws Exception {
    byte[] bomb = zip("word/document.xml", " ".repeat(50 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII));
    assertThat(bomb.length).isLessThan(200_000);
    assertThatThrownBy(() -> DocxDraft.read(bomb)).isInstanceOf(DocxRefused.class).hasMessageContaining("zip bomb");
  }

  static byte[] zip(String name, byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("[Content_Types].xml"));
      z.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry(name));
      z.write(content);
    }
    return out.toByteArray();
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = DocxDraftTest.class.getClassLoader().getResourceAsStream("drafts/docx/" + name)) {
      return in.readAllBytes();
    }
  }
}
