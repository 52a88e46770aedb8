package vn.hoinghi.domain.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The importer's rules for printed texts (Official Gazette, signed PDFs), each found on a real text of the corpus. */
@DisplayName("The importer on a printed text")
class PrintedTextTest {

  private static final String GAZETTE = String.join("\n",
      "CÔNG BÁO/Số 447 + 448/Ngày 25-6-2022",      // 1
      "2",                                          // 2
      "VĂN BẢN QUY PHẠM PHÁP LUẬT",                 // 3
      "CHÍNH PHỦ",                                  // 4
      "Số: 38/2022/NĐ-CP",                          // 5
      "",                                           // 6
      "NGHỊ ĐỊNH",                                  // 7
      "Quy định mức lương tối thiểu",               // 8
      "đối với người lao động",                     // 9
      "",                                           // 10
      "Căn cứ Bộ luật Lao động;",                   // 11
      "Điều 1. Phạm vi điều chỉnh của Nghị định và", // 12
      "đối tượng áp dụng",                          // 13
      "1. Nghị định này quy định theo",              // 14
      "Người ký: Cổng Thông tin điện tử Chính phủ",  // 15
      "Email: thongtinchinhphu@chinhphu.vn",        // 16
      "Cơ quan: Văn phòng Chính phủ",               // 17
      "Thời gian ký: 23.06.2022 10:13:36 +07:00",   // 18
      "3",                                          // 19
      "CÔNG BÁO/Số 447 + 448/Ngày 25-6-2022",       // 20
      "khoản 2 Điều 91 của",                        // 21
      "Điều 91 của Bộ luật Lao động.",               // 22
      "Điều 2. Hiệu lực",                           // 23
      "Nghị định này có hiệu lực.",                 // 24
      "Nghị quyết này được Quốc hội khóa XV,",       // 25
      "kỳ họp thứ 9 thông qua ngày 23 tháng 3 năm 2022./.", // 26
      "TM. CHÍNH PHỦ",                              // 27
      "Phụ lục",                                    // 28
      "DANH MỤC ĐỊA BÀN",                           // 29
      "(Xem tiếp Công báo số 449 + 450)");          // 30

  @Test
  @DisplayName("page heads, page numbers (above or under the head), the Gazette's section heading, the signature stamp "
      + "and the 'Xem tiếp' note are left out, each a notice at its line; nothing of them reaches the document")
  void pageFurniture() {
    ImportResult r = DraftImporter.parse(GAZETTE);
    assertThat(r.problems()).isEmpty();
    assertThat(r.notices()).extracting(ImportProblem::line).containsExactly(1, 2, 3, 15, 16, 17, 18, 19, 20, 30);
    assertThat(r.notices().get(2).messageVi()).isEqualTo("Tên mục của Công báo được bỏ đi: \"VĂN BẢN QUY PHẠM PHÁP LUẬT\"");
    assertThat(r.notices().get(9).messageEn()).startsWith("The text continues in another issue");
    assertThat(r.doc().header()).isEqualTo("CHÍNH PHỦ\nSố: 38/2022/NĐ-CP");
    assertThat(r.doc().find("d1.k1").orElseThrow().text())
        .isEqualTo("Nghị định này quy định theo\nkhoản 2 Điều 91 của\nĐiều 91 của Bộ luật Lao động.");
  }

  @Test
  @DisplayName("the subject under a bare document type is part of the title; an article title broken by the page "
      + "width goes on on the next line in lower case")
  void titles() {
    ImportResult r = DraftImporter.parse(GAZETTE);
    assertThat(r.doc().title()).isEqualTo("NGHỊ ĐỊNH Quy định mức lương tối thiểu đối với người lao động");
    assertThat(r.doc().preamble()).isEqualTo("Căn cứ Bộ luật Lao động;");
    assertThat(r.doc().articles()).extracting(DraftNode::title)
        .containsExactly("Phạm vi điều chỉnh của Nghị định và đối tượng áp dụng", "Hiệu lực");
  }

  @Test
  @DisplayName("an adoption sentence broken before 'thông qua' starts the closing; a 'Phụ lục' line after the signature "
      + "opens an appendix")
  void closingAndAppendix() {
    ImportResult r = DraftImporter.parse(GAZETTE);
    assertThat(r.doc().find("d2").orElseThrow().text()).isEqualTo("Nghị định này có hiệu lực.");
    assertThat(r.doc().closing()).isEqualTo("Nghị quyết này được Quốc hội khóa XV,\n"
        + "kỳ họp thứ 9 thông qua ngày 23 tháng 3 năm 2022./.\nTM. CHÍNH PHỦ");
    assertThat(r.doc().nodes()).extracting(DraftNode::kind, DraftNode::title)
        .containsExactly(tuple(NodeKind.ARTICLE, "Phạm vi điều chỉnh của Nghị định và đối tượng áp dụng"),
            tuple(NodeKind.ARTICLE, "Hiệu lực"), tuple(NodeKind.APPENDIX, "Phụ lục"));
  }

  @Test
  @DisplayName("a heading without its period after a finished sentence, or after a heading, is still reported")
  void headingsStillReported() {
    String text = "LUẬT MẪU\nĐiều 1. Một\nNội dung.\nĐiều 2 của Luật\nĐiều 3 Ba\nChương IV của quy chế này";
    assertThat(DraftImporter.parse(text).problems()).extracting(ImportProblem::line).contains(4, 5, 6);
  }

  @Test
  @DisplayName("the writer takes a prepared import only for the same text, the same previous version and the same "
      + "used ids; anything else it computes itself")
  void preparedImport() {
    String text = "LUẬT MẪU\nĐiều 1. Một\n1. Khoản một.";
    DraftDocument previous = DraftImporter.parse("LUẬT MẪU\nĐiều 1. Một").doc();
    PreparedImport.Prepared p = PreparedImport.prepare(text, previous, Set.of("d1"));
    assertThat(p.assigned().find("d1.k1")).isPresent();
    assertThat(PreparedImport.take(text, DraftImporter.parse("LUẬT MẪU\nĐiều 1. Một").doc(), 1)).isEmpty();
    assertThat(PreparedImport.take(text, previous, 2)).isEmpty();
    assertThat(PreparedImport.take(text + " ", previous, 1)).isEmpty();
    assertThat(PreparedImport.take(text, previous, 1)).containsSame(p);
    assertThat(PreparedImport.take(text, previous, 1)).as("taken once").isEmpty();
  }
}
