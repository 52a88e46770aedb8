package vn.hoinghi.domain.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Real published texts (sources in resources drafts/real/SOURCES.md). Expected counts were taken from the texts with
 * grep (after NFC normalization and no-break spaces made plain) and by reading, not from the importer.
 */
@DisplayName("The draft importer on real texts")
class RealDraftsTest {

  private static ImportResult parse(String name) {
    return DraftImporter.parse(Drafts.read("real/" + name));
  }

  private static Map<NodeKind, Integer> counts(DraftDocument doc) {
    Map<NodeKind, Integer> c = new EnumMap<>(NodeKind.class);
    for (DraftNode n : doc.allNodes()) {
      c.merge(n.kind(), 1, Integer::sum);
    }
    return c;
  }

  @Test
  @DisplayName("Hiến pháp 2013: 11 chapters, 120 untitled articles (some headings in decomposed Unicode), 244 clauses; "
      + "header, title, Lời nói đầu and adoption kept apart")
  void constitution() {
    ImportResult r = parse("hien-phap-2013.txt");
    assertThat(r.problems()).isEmpty();
    assertThat(counts(r.doc())).isEqualTo(Map.of(NodeKind.CHAPTER, 11, NodeKind.ARTICLE, 120, NodeKind.CLAUSE, 244));
    assertThat(r.doc().title()).isEqualTo("HIẾN PHÁP NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assertThat(r.doc().header()).startsWith("QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assertThat(r.doc().preamble()).startsWith("LỜI NÓI ĐẦU");
    assertThat(r.doc().articles().get(119).children()).hasSize(5);
    assertThat(r.doc().closing()).startsWith("Hiến pháp này đã được Quốc hội").endsWith("CHỦ TỊCH QUỐC HỘI\nNguyễn Sinh Hùng");
    assertThat(r.doc().articles().get(119).children().get(4).text()).doesNotContain("Hiến pháp này đã được");
  }

  @Test
  @DisplayName("Luật An ninh mạng 2018: 7 chapters, 43 articles, 164 clauses, 175 points; signature not glued to the last clause")
  void cybersecurity() {
    ImportResult r = parse("luat-an-ninh-mang-2018.txt");
    assertThat(r.problems()).isEmpty();
    assertThat(counts(r.doc())).isEqualTo(Map.of(NodeKind.CHAPTER, 7, NodeKind.ARTICLE, 43, NodeKind.CLAUSE, 164,
        NodeKind.POINT, 175));
    assertThat(r.doc().title()).isEqualTo("LUẬT AN NINH MẠNG");
    assertThat(r.doc().header()).contains("Luật số: 24/2018/QH14").contains("Hà Nội, ngày 12 tháng 6 năm 2018");
    assertThat(r.doc().chapters().get(0).title()).isEqualTo("NHỮNG QUY ĐỊNH CHUNG");
    DraftNode last = r.doc().articles().get(42);
    assertThat(last.children().get(last.children().size() - 1).text()).doesNotContain("Quốc hội");
    assertThat(r.doc().closing()).endsWith("Nguyễn Thị Kim Ngân");
  }

  @Test
  @DisplayName("Luật Công nghệ thông tin 2006 as published online: 6 chapters, 12 sections, 79 articles, 261 clauses, "
      + "120 points; its 7 headings without a period and 6 clause numbers without a period are reported, nothing else")
  void informationTechnology() {
    ImportResult r = parse("luat-cong-nghe-thong-tin-2006.txt");
    assertThat(counts(r.doc())).isEqualTo(Map.of(NodeKind.CHAPTER, 6, NodeKind.SECTION, 12, NodeKind.ARTICLE, 79,
        NodeKind.CLAUSE, 261, NodeKind.POINT, 120));
    assertThat(r.problems()).extracting(ImportProblem::line)
        .containsExactly(45, 102, 145, 178, 179, 182, 212, 255, 299, 324, 342, 343, 502);
    assertThat(r.problems().get(0).messageEn()).startsWith("\"Điều 5\" must be followed by a period");
    assertThat(r.problems().get(4).messageEn()).isEqualTo("The clause number \"1\" lacks its period (write \"1. …\")");
    assertThat(r.doc().articles()).extracting(DraftNode::number).doesNotHaveDuplicates().hasSize(79);
  }

  @Test
  @DisplayName("Luật sửa đổi Luật Điện lực 2012: 3 untitled articles, 31 own clauses, 6 own points; the quoted "
      + "articles, clauses (17., 1a.) and points of the amended law stay text of the amending clause")
  void amendingLaw() {
    ImportResult r = parse("luat-sua-doi-dien-luc-2012.txt");
    assertThat(r.problems()).isEmpty();
    assertThat(counts(r.doc())).isEqualTo(Map.of(NodeKind.ARTICLE, 3, NodeKind.CLAUSE, 31, NodeKind.POINT, 6));
    assertThat(r.doc().title()).isEqualTo("LUẬT SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐIỆN LỰC");
    DraftNode d1 = r.doc().find("d1").orElseThrow();
    assertThat(d1.children()).hasSize(24);
    DraftNode k4 = r.doc().find("d1.k4").orElseThrow();
    assertThat(k4.text()).startsWith("Bổ sung Điều 8a vào sau Điều 8 như sau:\n“Điều 8a. Nội dung quy hoạch")
        .contains("\nđ) Tổng hợp khối lượng").endsWith("trong giai đoạn quy hoạch.”");
    assertThat(k4.children()).isEmpty();
    assertThat(r.doc().find("d1.k2").orElseThrow().text()).contains("“1a. Ưu tiên phát triển điện");
    assertThat(r.doc().find("d2.k1").orElseThrow().children()).extracting(DraftNode::number)
        .containsExactly("a", "b", "c", "d", "đ", "e");
    assertThat(r.doc().closing()).startsWith("Luật này đã được Quốc hội").endsWith("Nguyễn Sinh Hùng");
  }

  @Test
  @DisplayName("Quyết định with an attached Kế hoạch or Phụ lục: the signature block is closing, the attachment an appendix")
  void decisionsWithAttachments() {
    ImportResult r = parse("qd-784-2020-bvhttdl-ke-hoach.txt");
    assertThat(r.problems()).isEmpty();
    assertThat(counts(r.doc())).isEqualTo(Map.of(NodeKind.ARTICLE, 4, NodeKind.APPENDIX, 1));
    assertThat(r.doc().title()).isEqualTo("QUYẾT ĐỊNH PHÊ DUYỆT KẾ HOẠCH TUYÊN TRUYỀN THỰC HIỆN NẾP SỐNG VĂN MINH TRONG "
        + "LỄ HỘI NĂM 2020");
    assertThat(r.doc().header()).startsWith("BỘ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH");
    assertThat(r.doc().preamble()).startsWith("BỘ TRƯỞNG BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH").endsWith("QUYẾT ĐỊNH:");
    assertThat(r.doc().closing()).startsWith("Nơi nhận:").endsWith("Trịnh Thị Thủy");
    assertThat(r.doc().nodes().get(4).title()).isEqualTo("KẾ HOẠCH");
    assertThat(r.doc().nodes().get(4).text()).contains("Chuyên đề 1:");

    for (String name : List.of("qd-2083-2016-ubnd-bac-lieu.txt", "qd-715-2023-ubnd-binh-dinh.txt")) {
      assertThat(parse(name).problems()).as(name).isEmpty();
    }
    assertThat(counts(parse("qd-2083-2016-ubnd-bac-lieu.txt").doc()))
        .isEqualTo(Map.of(NodeKind.ARTICLE, 3, NodeKind.APPENDIX, 2));
    assertThat(counts(parse("qd-715-2023-ubnd-binh-dinh.txt").doc()))
        .isEqualTo(Map.of(NodeKind.ARTICLE, 4, NodeKind.APPENDIX, 1));
  }

  @Test
  @DisplayName("Quyết định of provincial committees: 5 articles, 3 clauses, agency block as header")
  void provincialDecisions() {
    for (String name : List.of("qd-1397-2021-ubnd-nam-dinh.txt", "qd-1456-2021-ubnd-nam-dinh.txt")) {
      ImportResult r = parse(name);
      assertThat(r.problems()).as(name).isEmpty();
      assertThat(counts(r.doc())).as(name).isEqualTo(Map.of(NodeKind.ARTICLE, 5, NodeKind.CLAUSE, 3));
      assertThat(r.doc().header()).as(name).startsWith("ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH");
      assertThat(r.doc().title()).as(name).startsWith("QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT QUY HOẠCH SỬ DỤNG ĐẤT");
      assertThat(r.doc().closing()).as(name).startsWith("TM. ỦY BAN NHÂN DÂN");
    }
  }

  @Test
  @DisplayName("a decision whose price tables use \"CHƯƠNG\" as group labels is refused, each wrong number named")
  void tableChaptersReported() {
    ImportResult r = parse("qd-20574-2009-cuc-thue-ha-noi.txt");
    assertThat(r.problems()).extracting(ImportProblem::line).containsExactly(191, 284, 319, 352, 353);
    assertThat(r.problems().get(1).messageEn()).isEqualTo("\"IIX\" is not a valid Roman numeral");
  }
}
