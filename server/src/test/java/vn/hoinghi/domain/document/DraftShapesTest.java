package vn.hoinghi.domain.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Shapes of real drafts the corpus lacks, each in a small text written for the purpose. */
@DisplayName("The draft importer on the shapes of real drafts")
class DraftShapesTest {

  private static DraftNode node(DraftDocument doc, String id) {
    return doc.find(id).orElseThrow(() -> new AssertionError("no node " + id));
  }

  @Test
  @DisplayName("skips a table of contents (MỤC LỤC, entries ending with page numbers) and keeps it apart")
  void tableOfContents() {
    String text = """
        DỰ THẢO 2
        LUẬT
        THỬ NGHIỆM
        MỤC LỤC
        Chương I. QUY ĐỊNH CHUNG ........ 1
        Điều 1. Phạm vi điều chỉnh ........ 1
        Điều 2. Giải thích từ ngữ\t2
        Chương II
        TỔ CHỨC THỰC HIỆN 3
        Điều 3. Hiệu lực thi hành ...... 3
        Chương I
        QUY ĐỊNH CHUNG
        Điều 1. Phạm vi điều chỉnh
        Luật này quy định thử nghiệm.
        Điều 2. Giải thích từ ngữ
        Chương II
        TỔ CHỨC THỰC HIỆN
        Điều 3. Hiệu lực thi hành
        """;
    ImportResult r = DraftImporter.parse(text);
    assertThat(r.problems()).isEmpty();
    assertThat(r.doc().title()).isEqualTo("LUẬT THỬ NGHIỆM");
    assertThat(r.doc().header()).isEqualTo("DỰ THẢO 2");
    assertThat(r.doc().contents()).startsWith("MỤC LỤC\nChương I. QUY ĐỊNH CHUNG").contains("TỔ CHỨC THỰC HIỆN 3");
    assertThat(r.doc().articles()).extracting(DraftNode::id).containsExactly("d1", "d2", "d3");
  }

  @Test
  @DisplayName("a table of contents that is never followed by the body is one problem, not one per entry")
  void contentsWithoutBody() {
    ImportResult r = DraftImporter.parse("MỤC LỤC\nĐiều 1. Một ..... 1\nĐiều 2. Hai ..... 2\n");
    assertThat(r.problems()).extracting(ImportProblem::line, ImportProblem::messageEn).containsExactly(
        tuple(1, "The table of contents never ends: no body repeating the headings it lists follows"),
        tuple(1, "The document has no article (a line such as \"Điều 1. Title\")"));
  }

  @Test
  @DisplayName("reads Tiểu mục inside a Mục, chapter titles over two lines, 'Điều60.' and no-break spaces")
  void subsectionsAndSpacing() {
    String text = "BỘ LUẬT\nTHỬ NGHIỆM\nPhần thứ nhất\nQUY ĐỊNH CHUNG\nChương I\nNHỮNG QUY ĐỊNH\nCHUNG VỀ HỢP ĐỒNG\n"
        + "Mục 1. HỢP ĐỒNG\nTiểu mục 1. QUY ĐỊNH CHUNG\nĐiều 1. Một\n\u00A0\u00A01. Khoản một.\n"
        + "Tiểu mục 2\nHỢP ĐỒNG MẪU\n\u2003Điều2. Hai\nMục 2. KHÁC\nĐiều 3. Ba\n";
    ImportResult r = DraftImporter.parse(text);
    assertThat(r.problems()).isEmpty();
    assertThat(node(r.doc(), "c1").title()).isEqualTo("NHỮNG QUY ĐỊNH CHUNG VỀ HỢP ĐỒNG");
    assertThat(node(r.doc(), "c1.m1").children()).extracting(DraftNode::id, DraftNode::title)
        .containsExactly(tuple("c1.m1.tm1", "QUY ĐỊNH CHUNG"), tuple("c1.m1.tm2", "HỢP ĐỒNG MẪU"));
    assertThat(node(r.doc(), "c1.m1.tm2").children()).extracting(DraftNode::id).containsExactly("d2");
    assertThat(node(r.doc(), "d1.k1").text()).isEqualTo("Khoản một.");
    assertThat(node(r.doc(), "d1.k1").label()).isEqualTo("1.");
    assertThat(node(r.doc(), "c1.m1.tm1").label()).isEqualTo("Tiểu mục 1");
  }

  @Test
  @DisplayName("accepts inserted articles and clauses (Điều 2a., 1a.) after the one they follow, and reports them elsewhere")
  void insertedNumbers() {
    ImportResult r = DraftImporter.parse("QUY ĐỊNH\nĐiều 1. Một\n1. A\n1a. A chèn\n2. B\nĐiều 2. Hai\nĐiều 2a. Chèn\n"
        + "Điều 3. Ba\nĐiều 5a. Sai chỗ\n");
    assertThat(r.doc().articles()).extracting(DraftNode::id).containsExactly("d1", "d2", "d2a", "d3", "d5a");
    assertThat(node(r.doc(), "d1").children()).extracting(DraftNode::id).containsExactly("d1.k1", "d1.k1a", "d1.k2");
    assertThat(r.problems()).extracting(ImportProblem::line, ImportProblem::messageEn).containsExactly(
        tuple(9, "article 5a is an inserted number, so it must follow article 5 (it follows article 3)"));
  }

  @Test
  @DisplayName("keeps alternatives (Phương án) of an article and of a clause as children with stable ids")
  void alternatives() {
    String text = """
        LUẬT THỬ NGHIỆM
        Điều 1. Thời hạn
        Phương án 1:
        1. Thời hạn là 05 năm.
        2. Có thể gia hạn một lần.
        Phương án 2:
        1. Thời hạn là 10 năm.
        Điều 2. Mức phí
        1. Mức phí do Chính phủ quy định.
        2. Mức phí tối đa:
        Phương án 1: 1% giá trị hợp đồng.
        Phương án 2: 2% giá trị hợp đồng, gồm:
        a) Phí thẩm định;
        b) Phí cấp phép.
        3. Khoản cuối.
        """;
    ImportResult r = DraftImporter.parse(text);
    assertThat(r.problems()).isEmpty();
    DraftDocument doc = r.doc();
    assertThat(node(doc, "d1").children()).extracting(DraftNode::id, DraftNode::kind).containsExactly(
        tuple("d1.pa1", NodeKind.ALTERNATIVE), tuple("d1.pa2", NodeKind.ALTERNATIVE));
    assertThat(node(doc, "d1.pa1").children()).extracting(DraftNode::id).containsExactly("d1.pa1.k1", "d1.pa1.k2");
    assertThat(node(doc, "d1.pa2.k1").text()).isEqualTo("Thời hạn là 10 năm.");
    assertThat(node(doc, "d2").children()).extracting(DraftNode::id).containsExactly("d2.k1", "d2.k2", "d2.k3");
    assertThat(node(doc, "d2.k2").children()).extracting(DraftNode::id).containsExactly("d2.k2.pa1", "d2.k2.pa2");
    assertThat(node(doc, "d2.k2.pa1").text()).isEqualTo("1% giá trị hợp đồng.");
    assertThat(node(doc, "d2.k2.pa2").children()).extracting(DraftNode::id)
        .containsExactly("d2.k2.pa2.a", "d2.k2.pa2.b");
    assertThat(node(doc, "d2.k2.pa2").label()).isEqualTo("Phương án 2");
  }

  @Test
  @DisplayName("reports an alternative outside any article and alternatives out of order")
  void alternativeProblems() {
    ImportResult r = DraftImporter.parse("QUY CHẾ\nChương I\nQUY ĐỊNH\nPhương án 1: trước mọi điều\nĐiều 1. Một\n"
        + "Phương án 1:\nA\nPhương án 3:\nC\n");
    assertThat(r.problems()).extracting(ImportProblem::line).containsExactly(4, 8);
    assertThat(r.problems().get(0).messageEn()).startsWith("Alternative 1 is not inside any article");
    assertThat(r.problems().get(1).messageEn())
        .isEqualTo("Numbers out of sequence (skipped number): expected alternative 2, found alternative 3");
  }

  @Test
  @DisplayName("puts a Phụ lục after the last article into an appendix, and the adoption sentence into the closing")
  void appendixAndClosing() {
    String text = "LUẬT THỬ NGHIỆM\nĐiều 1. Một\n1. Khoản một.\n"
        + "Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 9 thông qua ngày 1 tháng 1 năm 2025.\n"
        + "CHỦ TỊCH QUỐC HỘI\nTrần Thanh Mẫn\nPhụ lục I\nDANH MỤC\n1. Mục một\nĐiều 9. Không phải điều\nPHỤ LỤC II: BIỂU MẪU\nMẫu 01\n";
    ImportResult r = DraftImporter.parse(text);
    assertThat(r.problems()).isEmpty();
    assertThat(node(r.doc(), "d1.k1").text()).isEqualTo("Khoản một.");
    assertThat(r.doc().closing()).startsWith("Luật này đã được Quốc hội").endsWith("Trần Thanh Mẫn");
    assertThat(r.doc().nodes()).extracting(DraftNode::id, DraftNode::kind, DraftNode::number).containsExactly(
        tuple("d1", NodeKind.ARTICLE, "1"), tuple("pl1", NodeKind.APPENDIX, "I"), tuple("pl2", NodeKind.APPENDIX, "II"));
    assertThat(node(r.doc(), "pl1").text()).isEqualTo("DANH MỤC\n1. Mục một\nĐiều 9. Không phải điều");
  }

  @Test
  @DisplayName("reports a quotation that is never closed, at the line that opens it")
  void unclosedQuotation() {
    ImportResult r = DraftImporter.parse("LUẬT SỬA ĐỔI\nĐiều 1.\n1. Khoản 2 Điều 5 được sửa đổi như sau:\n"
        + "“2. Nội dung mới.\nĐiều 2.\n1. Hiệu lực.\n");
    assertThat(r.problems()).extracting(ImportProblem::line, ImportProblem::messageEn).containsExactly(tuple(4,
        "The quotation opened on this line is never closed: the quoted text runs to the end of the document"));
  }

  @Test
  @DisplayName("renders a document with header, alternatives, closing and appendices back to a text that imports the same")
  void roundTrip() {
    String text = "DỰ THẢO\nLUẬT THỬ NGHIỆM\nĐiều 1. Một\nPhương án 1:\n1. A.\nPhương án 2:\n1. B.\n"
        + "Luật này đã được Quốc hội thông qua ngày 1 tháng 1 năm 2025.\nPhụ lục I\nDANH MỤC\n";
    DraftDocument first = DraftImporter.parse(text).doc();
    ImportResult again = DraftImporter.parse(vn.hoinghi.report.revision.DraftText.render(first));
    assertThat(again.problems()).isEmpty();
    assertThat(again.doc()).isEqualTo(first);
  }

  @Test
  @DisplayName("a party document's groups \"I- TÊN\" (capitals) are chapters, in order; \"I. Mục tiêu\", \"II- nội dung\" "
      + "(not capitals) and \"A- …\" stay text")
  void partyChapters() {
    String text = """
        QUY ĐỊNH
        VỀ THỬ NGHIỆM
        Ban Bí thư quy định như sau:
        I- QUY ĐỊNH CHUNG
        Điều 1. Phạm vi
        I. MỤC TIÊU
        II- nội dung của điều này
        A- NHIỆM VỤ
        II – TỔ CHỨC THỰC HIỆN
        Điều 2. Hiệu lực
        IV- CHƯƠNG BỎ SỐ
        Điều 3. Chuyển tiếp
        """;
    ImportResult r = DraftImporter.parse(text);
    assertThat(r.doc().preamble()).isEqualTo("Ban Bí thư quy định như sau:");
    assertThat(r.doc().chapters()).extracting(DraftNode::number, DraftNode::title).containsExactly(
        tuple("I", "QUY ĐỊNH CHUNG"), tuple("II", "TỔ CHỨC THỰC HIỆN"), tuple("IV", "CHƯƠNG BỎ SỐ"));
    assertThat(node(r.doc(), "d1").text()).isEqualTo("I. MỤC TIÊU\nII- nội dung của điều này\nA- NHIỆM VỤ");
    assertThat(r.problems()).extracting(ImportProblem::line).containsExactly(11);
  }

  @Test
  @DisplayName("an article title ending with a comma or a connecting word goes on on the next line even when it starts "
      + "with a capital; a title that ends otherwise does not, unless the text is printed (Công báo) and the next "
      + "line is a clause")
  void articleTitlesBrokenBeforeACapital() {
    String text = """
        NGHỊ ĐỊNH
        Thử nghiệm
        Điều 1. Trách nhiệm của
        Chính phủ
        1. Chính phủ thống nhất quản lý.
        Điều 2. Quan hệ công tác của Chính phủ,
        Bộ trưởng với các cơ quan
        Điều 3. Hồ sơ trình Thủ tướng
        Chính phủ
        1. Hồ sơ gồm tờ trình.
        Điều 4. Quyền tự do
        Công dân có quyền tự do kinh doanh.
        """;
    ImportResult plain = DraftImporter.parse(text);
    assertThat(plain.problems()).isEmpty();
    assertThat(plain.doc().articles()).extracting(DraftNode::title).containsExactly("Trách nhiệm của Chính phủ",
        "Quan hệ công tác của Chính phủ, Bộ trưởng với các cơ quan", "Hồ sơ trình Thủ tướng", "Quyền tự do");
    assertThat(node(plain.doc(), "d3").text()).isEqualTo("Chính phủ");
    ImportResult printed = DraftImporter.parse("CÔNG BÁO/Số 1/Ngày 01-01-2026\n2\n" + text);
    assertThat(printed.doc().articles()).extracting(DraftNode::title).element(2).isEqualTo("Hồ sơ trình Thủ tướng Chính phủ");
    assertThat(node(printed.doc(), "d4").text()).isEqualTo("Công dân có quyền tự do kinh doanh.");
    assertThat(node(printed.doc(), "d3").text()).isEmpty();
  }

  @Test
  @DisplayName("a party document's signature \"T/M BAN BÍ THƯ\" (or K/T, T/L) before the Nơi nhận starts the closing, "
      + "not the last clause's text")
  void partySignatureFirst() {
    String text = "QUY ĐỊNH\nVỀ THỬ NGHIỆM\nĐiều 1. Hiệu lực\n1. Quy định này có hiệu lực kể từ ngày ký.\n"
        + "T/M BAN BÍ THƯ\nNguyễn Văn A\nNơi nhận:\n- Các tỉnh ủy, thành ủy,\n";
    ImportResult r = DraftImporter.parse(text);
    assertThat(r.problems()).isEmpty();
    assertThat(node(r.doc(), "d1.k1").text()).isEqualTo("Quy định này có hiệu lực kể từ ngày ký.");
    assertThat(r.doc().closing()).isEqualTo("T/M BAN BÍ THƯ\nNguyễn Văn A\nNơi nhận:\n- Các tỉnh ủy, thành ủy,");
    assertThat(DraftImporter.parse(text.replace("T/M BAN BÍ THƯ", "K/T TRƯỞNG BAN")).doc().closing())
        .startsWith("K/T TRƯỞNG BAN\n");
  }
}
