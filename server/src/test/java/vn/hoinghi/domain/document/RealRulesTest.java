package vn.hoinghi.domain.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Party regulations and rules of procedure among the real texts (sources in resources drafts/real/SOURCES.md): two
 * Quy định of the Ban Bí thư (2025), a Quyết định of a party body issuing a Quy chế, and the Nghị định issuing the
 * Government's Quy chế làm việc as printed in the Official Gazette (2026). Counts taken with grep, see RealCorpusTest
 * and SOURCES.md; titles checked by reading.
 */
@DisplayName("The importer on party regulations and rules of procedure")
public class RealRulesTest {

  public static final String GOVERNMENT = "nd-191-2026-quy-che-lam-viec-chinh-phu.txt";
  /** Line 57 of the Gazette text: "QUY CHẾ", the attached rules of procedure. */
  static final int RULES_LINE = 57;

  static ImportResult parse(String name) {
    return DraftImporter.parse(Drafts.read("real/" + name));
  }

  /** The Government's Quy chế làm việc on its own: the Gazette text from its heading "QUY CHẾ" (line 57) on. */
  public static String governmentRules() {
    List<String> lines = Drafts.read("real/" + GOVERNMENT).lines().toList();
    assertThat(lines.get(RULES_LINE - 1)).startsWith("QUY CHẾ");
    return String.join("\n", lines.subList(RULES_LINE - 1, lines.size()));
  }

  @Test
  @DisplayName("Quy định 383-QĐ/TW of the Ban Bí thư: its groups \"I- QUY ĐỊNH CHUNG\" … \"IV- TỔ CHỨC THỰC HIỆN\" "
      + "are chapters (not glued to the article before them), 23 articles; party header, grounds and \"T/M BAN BÍ THƯ\" "
      + "kept apart")
  void partyRegulation() {
    ImportResult r = parse("qd-383-2025-tw-phong-luu-tru-dang.txt");
    assertThat(r.problems()).isEmpty();
    DraftDocument d = r.doc();
    assertThat(d.title()).isEqualTo("QUY ĐỊNH VỀ PHÔNG LƯU TRỮ ĐẢNG CỘNG SẢN VIỆT NAM");
    assertThat(d.header()).startsWith("BAN CHẤP HÀNH\nTRUNG ƯƠNG\nĐẢNG CỘNG SẢN\nVIỆT NAM")
        .endsWith("Số 383-QĐ/TW\nHà Nội, ngày 19 tháng 11 năm 2025");
    assertThat(d.preamble()).startsWith("- Căn cứ Điều lệ Đảng;")
        .endsWith("Ban Bí thư quy định về Phông lưu trữ Đảng Cộng sản Việt Nam như sau:");
    assertThat(d.chapters()).extracting(DraftNode::number).containsExactly("I", "II", "III", "IV");
    assertThat(d.chapters()).extracting(DraftNode::title).containsExactly("QUY ĐỊNH CHUNG",
        "QUẢN LÝ TÀI LIỆU LƯU TRỮ VÀ CƠ SỞ DỮ LIỆU TÀI LIỆU LƯU TRỮ", "NGHIỆP VỤ LƯU TRỮ", "TỔ CHỨC THỰC HIỆN");
    assertThat(d.chapters()).extracting(n -> n.children().size()).containsExactly(4, 6, 9, 4);
    assertThat(d.find("d4").orElseThrow().text()).doesNotContain("QUẢN LÝ TÀI LIỆU");
    assertThat(d.find("d5").orElseThrow().title()).isEqualTo(
        "Nguyên tắc quản lý tài liệu lưu trữ và cơ sở dữ liệu tài liệu lưu trữ Phông lưu trữ Đảng Cộng sản Việt Nam");
    // "2. Người đứng đầu lưu trữ lịch sử của Đảng" is a clause with its own points a) and b).
    assertThat(d.find("d3.k2").orElseThrow().children()).extracting(DraftNode::number).containsExactly("a", "b");
    assertThat(d.find("d20").orElseThrow().title()).startsWith("Quy định này thay thế Quy định số 270-QĐ/TW");
    assertThat(d.closing()).startsWith("Nơi nhận:").endsWith("T/M BAN BÍ THƯ\nTrần Cẩm Tú");
  }

  @Test
  @DisplayName("Quy định 384-QĐ/TW: \"Chương I\" headings, 20 articles, the PHỤ LỤC after the signature an appendix")
  void partyRegulationWithChapters() {
    ImportResult r = parse("qd-384-2025-tw-ket-noi-du-lieu.txt");
    assertThat(r.problems()).isEmpty();
    DraftDocument d = r.doc();
    assertThat(d.title()).isEqualTo("QUY ĐỊNH VỀ KẾT NỐI, CHIA SẺ DỮ LIỆU GIỮA CÁC CƠ QUAN ĐẢNG VỚI CÁC CƠ QUAN, TỔ "
        + "CHỨC KHÁC TRONG HỆ THỐNG CHÍNH TRỊ");
    assertThat(d.chapters()).extracting(DraftNode::title).containsExactly("QUY ĐỊNH CHUNG",
        "KẾT NỐI, CHIA SẺ DỮ LIỆU GIỮA CÁC CƠ QUAN ĐẢNG VỚI CÁC CƠ QUAN, TỔ CHỨC KHÁC TRONG HỆ THỐNG CHÍNH TRỊ",
        "TỔ CHỨC THỰC HIỆN");
    assertThat(d.find("d1").orElseThrow().title()).isEqualTo("Phạm vi điều chỉnh");
    assertThat(d.find("d20").orElseThrow().title()).isEqualTo("Điều khoản thi hành");
    assertThat(d.closing()).endsWith("T/M BAN BÍ THƯ\nTrần Cẩm Tú");
    DraftNode appendix = d.nodes().get(d.nodes().size() - 1);
    assertThat(appendix.kind()).isEqualTo(NodeKind.APPENDIX);
    assertThat(appendix.title()).isEqualTo("PHỤ LỤC");
    assertThat(appendix.text()).startsWith("DANH SÁCH DỮ LIỆU, CƠ QUAN CHỦ QUẢN DỮ LIỆU CÁC CƠ QUAN ĐẢNG");
    assertThat(r.notices()).isEmpty();
  }

  @Test
  @DisplayName("Nghị định 191/2026 issuing the Government's Quy chế làm việc, from the Gazette: 3 articles and the "
      + "attached QUY CHẾ as an appendix, with a notice that it holds 46 articles of its own; the stamp ending with "
      + "\"Ngày ký: …\" is left out with a notice")
  void governmentRulesInTheDecree() {
    ImportResult r = parse(GOVERNMENT);
    assertThat(r.problems()).isEmpty();
    DraftDocument d = r.doc();
    assertThat(d.title()).isEqualTo("NGHỊ ĐỊNH Ban hành Quy chế làm việc của Chính phủ");
    assertThat(d.articles()).extracting(DraftNode::number).containsExactly("1", "2", "3");
    assertThat(d.closing()).startsWith("TM. CHÍNH PHỦ\nTHỦ TƯỚNG\nLê Minh Hưng").doesNotContain("Ký bởi")
        .doesNotContain("Ngày ký");
    assertThat(r.notices()).filteredOn(n -> n.line() >= 41 && n.line() <= 43).extracting(ImportProblem::messageEn)
        .allMatch(m -> m.startsWith("The digital signature stamp is left out"))
        .last().asString().contains("Ngày ký: 2026-06-12");
    DraftNode rules = d.nodes().get(3);
    assertThat(rules.kind()).isEqualTo(NodeKind.APPENDIX);
    assertThat(rules.title()).isEqualTo("QUY CHẾ");
    assertThat(rules.text()).startsWith("Làm việc của Chính phủ").contains("\nĐiều 46. Xử lý các trường hợp không");
    ImportProblem attached = r.notices().stream().filter(n -> n.line() == RULES_LINE).findFirst().orElseThrow();
    assertThat(attached.messageEn()).isEqualTo("The attached document \"QUY CHẾ\" has 46 articles of its own: they are "
        + "kept as the appendix's text, not as articles of the draft; to take opinions article by article, import the "
        + "attached document on its own, from this line");
    assertThat(attached.messageVi()).startsWith("Văn bản kèm theo \"QUY CHẾ\" có 46 điều riêng");
  }

  @Test
  @DisplayName("the Government's Quy chế làm việc on its own: 8 chapters, 3 sections, 46 articles, 196 clauses, 174 "
      + "points; article titles broken by the page width before a capital (\"… của\" / \"Chính phủ\", \"… Thủ tướng\" / "
      + "\"Chính phủ\" before a clause) are whole; the note \"(Kèm theo Nghị định …)\" is preamble, not title")
  void governmentRulesAlone() {
    ImportResult r = DraftImporter.parse(governmentRules());
    assertThat(r.problems()).isEmpty();
    DraftDocument d = r.doc();
    assertThat(RealCorpusTest.counted(d)).isEqualTo(Map.of(NodeKind.CHAPTER, 8, NodeKind.SECTION, 3,
        NodeKind.ARTICLE, 46, NodeKind.CLAUSE, 196, NodeKind.POINT, 174));
    assertThat(d.title()).isEqualTo("QUY CHẾ Làm việc của Chính phủ");
    assertThat(d.preamble()).isEqualTo("(Kèm theo Nghị định số 191/2026/NĐ-CP\nngày 29 tháng 5 năm 2026 của Chính phủ)");
    assertThat(d.find("d3").orElseThrow().title())
        .isEqualTo("Trách nhiệm, phạm vi và cách thức giải quyết công việc của Chính phủ");
    assertThat(d.find("d3").orElseThrow().text()).isEmpty();
    assertThat(d.find("d9").orElseThrow().title()).isEqualTo("Quan hệ công tác của Chính phủ, Thủ tướng Chính phủ, "
        + "Bộ trưởng, Thủ trưởng cơ quan ngang bộ với các cơ quan, tổ chức trong hệ thống chính trị");
    assertThat(d.find("d13").orElseThrow().title())
        .isEqualTo("Hồ sơ trình Chính phủ, Thường trực Chính phủ, Thủ tướng Chính phủ, Phó Thủ tướng Chính phủ");
    assertThat(d.find("d42").orElseThrow().title())
        .isEqualTo("Báo cáo phục vụ chỉ đạo, điều hành của Chính phủ, Thủ tướng Chính phủ");
    // An article whose first sentence starts on the next line keeps it as its text.
    assertThat(d.find("d45").orElseThrow().title()).isEqualTo("Thông tin đối ngoại");
    assertThat(d.find("d45").orElseThrow().text()).startsWith("Bộ trưởng Bộ Ngoại giao chủ trì");
    DraftNode meetings = d.chapters().get(4);
    assertThat(meetings.title()).isEqualTo(
        "PHIÊN HỌP CHÍNH PHỦ VÀ CÁC CUỘC HỌP, HỘI NGHỊ CỦA CHÍNH PHỦ, THỦ TƯỚNG CHÍNH PHỦ");
    assertThat(meetings.children()).extracting(DraftNode::kind).containsOnly(NodeKind.SECTION).hasSize(3);
    assertThat(d.articles()).extracting(DraftNode::title).noneMatch(t -> t.endsWith(" của") || t.endsWith(","));
  }

  @Test
  @DisplayName("a Quyết định of a party body (Ban Tuyên giáo và Dân vận Trung ương) issuing a Quy chế: 3 articles, "
      + "the Quy chế and its two PHỤ LỤC appendices, the Quy chế's 18 articles named in a notice; \"K/T TRƯỞNG BAN\" "
      + "in the closing")
  void partyBodyIssuingRules() {
    ImportResult r = parse("qd-1147-2025-btgdvtw-quy-che-boi-duong.txt");
    assertThat(r.problems()).isEmpty();
    DraftDocument d = r.doc();
    assertThat(d.title()).isEqualTo(
        "QUYẾT ĐỊNH BAN HÀNH QUY CHẾ BỒI DƯỠNG, GIẢNG DẠY CỦA TRUNG TÂM CHÍNH TRỊ XÃ, PHƯỜNG, ĐẶC KHU");
    assertThat(d.articles()).hasSize(3);
    assertThat(d.closing()).contains("K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN");
    assertThat(d.nodes().subList(3, 6)).extracting(DraftNode::title).containsExactly("QUY CHẾ", "PHỤ LỤC I", "PHỤ LỤC II");
    assertThat(r.notices()).extracting(ImportProblem::messageEn).singleElement().asString()
        .startsWith("The attached document \"QUY CHẾ\" has 18 articles of its own");
  }
}
