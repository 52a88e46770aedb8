package vn.hoinghi.domain.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every real text of resources drafts/real (sources in SOURCES.md). The expected counts were taken from the texts
 * themselves, not from the importer: lines starting "Chương I", "Mục 1", "Điều 5.", "1.", "a)" counted with grep over
 * the body (from the first article to the signature, NFC, no-break spaces made plain), minus the clauses and points an
 * amending article quotes from another law, counted by reading (Bộ luật Lao động, Điều 219: 10 quoted clauses and 20
 * quoted points). Party documents: chapters counted as lines "I- …" (Quy định 383) or "Chương I" (384); articles,
 * clauses and points as above over the converted text (SOURCES.md says how it was converted); appendices as the lines
 * "PHỤ LỤC …"/"QUY CHẾ" after the signature, minus a form's title inside an appendix ("PHỤ LỤC SỔ GỐC …" in 1147).
 */
@DisplayName("The importer on the whole corpus of real texts")
public class RealCorpusTest {

  /** File → expected node counts. A null map: the text is refused (its problems are pinned in RealDraftsTest). */
  public static final Map<String, Map<NodeKind, Integer>> CORPUS = new LinkedHashMap<>();

  static {
    CORPUS.put("hien-phap-2013.txt", counts(0, 11, 0, 120, 244, 0, 0));
    CORPUS.put("luat-an-ninh-mang-2018.txt", counts(0, 7, 0, 43, 164, 175, 0));
    CORPUS.put("luat-cong-nghe-thong-tin-2006.txt", counts(0, 6, 12, 79, 261, 120, 0));
    CORPUS.put("luat-sua-doi-dien-luc-2012.txt", counts(0, 0, 0, 3, 31, 6, 0));
    CORPUS.put("qd-784-2020-bvhttdl-ke-hoach.txt", counts(0, 0, 0, 4, 0, 0, 1));
    CORPUS.put("qd-2083-2016-ubnd-bac-lieu.txt", counts(0, 0, 0, 3, 0, 0, 2));
    CORPUS.put("qd-715-2023-ubnd-binh-dinh.txt", counts(0, 0, 0, 4, 0, 0, 1));
    CORPUS.put("qd-1397-2021-ubnd-nam-dinh.txt", counts(0, 0, 0, 5, 3, 0, 0));
    CORPUS.put("qd-1456-2021-ubnd-nam-dinh.txt", counts(0, 0, 0, 5, 3, 0, 0));
    CORPUS.put("qd-20574-2009-cuc-thue-ha-noi.txt", null);
    CORPUS.put("ghep-hien-phap-2013-luat-cntt-2006.txt", counts(0, 17, 12, 199, 505, 120, 0));
    // Texts of the Official Gazette (Công báo): printed lines, page heads, signature stamps.
    CORPUS.put("bo-luat-lao-dong-2019-cong-bao.txt", counts(0, 17, 24, 220, 638, 267, 0));
    CORPUS.put("nd-145-2020-dieu-kien-lao-dong.txt", counts(0, 11, 17, 101, 327, 349, 0));
    CORPUS.put("nd-111-2022-hop-dong-cong-viec.txt", counts(0, 4, 0, 15, 52, 57, 0));
    CORPUS.put("nd-38-2022-luong-toi-thieu.txt", counts(0, 0, 0, 5, 12, 10, 1));
    CORPUS.put("tt-09-2022-bldtbxh-giam-ngheo.txt", counts(0, 4, 0, 15, 47, 37, 1));
    CORPUS.put("tt-18-2022-bldtbxh-bai-bo.txt", counts(0, 0, 0, 3, 2, 0, 2));
    CORPUS.put("nq-17-2022-ubtvqh15-lam-them.txt", counts(0, 0, 0, 4, 10, 5, 0));
    CORPUS.put("qd-28-2021-ttg-ho-tro-covid.txt", counts(0, 3, 0, 8, 22, 16, 1));
    // Party regulations and rules of procedure (RealRulesTest): two Quy định of the Ban Bí thư (groups "I-" … "IV-";
    // "Chương I" … with a PHỤ LỤC), a party body's Quyết định issuing a Quy chế, and the Nghị định issuing the
    // Government's Quy chế làm việc from the Gazette (the Quy chế an appendix here; on its own in RealRulesTest).
    CORPUS.put("qd-383-2025-tw-phong-luu-tru-dang.txt", counts(0, 4, 0, 23, 94, 36, 0));
    CORPUS.put("qd-384-2025-tw-ket-noi-du-lieu.txt", counts(0, 3, 0, 20, 65, 33, 1));
    CORPUS.put("qd-1147-2025-btgdvtw-quy-che-boi-duong.txt", counts(0, 0, 0, 3, 0, 0, 3));
    CORPUS.put(RealRulesTest.GOVERNMENT, counts(0, 0, 0, 3, 0, 0, 1));
  }

  private static Map<NodeKind, Integer> counts(int parts, int chapters, int sections, int articles, int clauses,
      int points, int appendices) {
    Map<NodeKind, Integer> m = new EnumMap<>(NodeKind.class);
    int[] v = {parts, chapters, sections, articles, clauses, points, appendices};
    NodeKind[] k = {NodeKind.PART, NodeKind.CHAPTER, NodeKind.SECTION, NodeKind.ARTICLE, NodeKind.CLAUSE, NodeKind.POINT,
        NodeKind.APPENDIX};
    for (int i = 0; i < v.length; i++) {
      if (v[i] > 0) {
        m.put(k[i], v[i]);
      }
    }
    return m;
  }

  public static Map<NodeKind, Integer> counted(DraftDocument doc) {
    Map<NodeKind, Integer> c = new EnumMap<>(NodeKind.class);
    for (DraftNode n : doc.allNodes()) {
      c.merge(n.kind(), 1, Integer::sum);
    }
    return c;
  }

  static ImportResult parse(String name) {
    return DraftImporter.parse(Drafts.read("real/" + name));
  }

  @Test
  @DisplayName("every real text: exact counts of Phần, Chương, Mục, Điều, Khoản, Điểm and Phụ lục, and no problem")
  void exactCounts() {
    SoftAssertions soft = new SoftAssertions();
    for (Map.Entry<String, Map<NodeKind, Integer>> e : CORPUS.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      ImportResult r = parse(e.getKey());
      soft.assertThat(counted(r.doc())).as(e.getKey()).isEqualTo(e.getValue());
      if (!e.getKey().startsWith("luat-cong-nghe") && !e.getKey().startsWith("ghep")) {
        soft.assertThat(r.problems()).as(e.getKey()).isEmpty();
      }
    }
    soft.assertAll();
  }

  /** A structural line's prefix: what the tree keeps as the node's number, not as text. */
  private static final Pattern PREFIX = Pattern.compile(
      "^(?:(?iu:phần)\\s+(?:(?iu:thứ)\\s+\\p{L}+|[IVXLCDM]+|\\d+)|(?iu:chương)\\s+[IVXLCDM]+|(?iu:tiểu mục)\\s+\\d+"
          + "|(?iu:mục)\\s+\\d+|(?iu:điều)\\s*\\d+[a-zđ]?|\\d+[a-zđ]?\\.(?!\\d)|[a-zđ]\\)|(?iu:phương án)\\s+\\d+|[IVX]+(?=\\s*[-–]))"
          + "\\s*[.:\\-–—)]?\\s*");

  @Test
  @DisplayName("nothing is lost silently: every line of every real text is in the document or reported at its line "
      + "(a problem, or a notice for the page furniture left out)")
  void everyLinePlacedOrReported() {
    SoftAssertions soft = new SoftAssertions();
    for (String name : CORPUS.keySet()) {
      String[] raw = Drafts.read("real/" + name).split("\\r\\n|\\r|\\n", -1);
      ImportResult r = DraftImporter.parse(String.join("\n", raw));
      Set<Integer> reported = new HashSet<>();
      r.problems().forEach(p -> reported.add(p.line()));
      r.notices().forEach(p -> reported.add(p.line()));
      DraftDocument d = r.doc();
      Set<String> placed = new HashSet<>();
      StringBuilder titles = new StringBuilder(d.title()).append('\n');
      for (String block : List.of(d.header(), d.preamble(), d.contents(), d.closing())) {
        placed.addAll(block.lines().toList());
      }
      for (DraftNode n : d.allNodes()) {
        placed.addAll(n.text().lines().toList());
        titles.append(n.title()).append('\n');
      }
      List<String> lost = new ArrayList<>();
      for (int i = 0; i < raw.length; i++) {
        String line = DraftImporter.clean(raw[i]);
        if (line.isEmpty() || reported.contains(i + 1)) {
          continue;
        }
        String rest = PREFIX.matcher(line).replaceFirst("");
        // "2..Thông tin số …" (a published typo): the clause keeps ".Thông tin số …", as written.
        String clauseText = line.replaceFirst("^\\d+[a-zđ]?\\.\\s*", "");
        if (rest.isEmpty() || placed.contains(line) || placed.contains(rest) || placed.contains(clauseText)
            || titles.indexOf(rest) >= 0) {
          continue;
        }
        lost.add((i + 1) + ": " + line);
      }
      soft.assertThat(lost).as(name).isEmpty();
    }
    soft.assertAll();
  }

  @Test
  @DisplayName("Bộ luật Lao động 2019 from the Official Gazette imports: title under the bare type, page heads, page "
      + "numbers and the signature stamp left out with a notice each, cross references broken by the page width kept as "
      + "text, titles over two lines joined, adoption sentence and signature kept apart")
  void laborCode() {
    ImportResult r = parse("bo-luat-lao-dong-2019-cong-bao.txt");
    assertThat(r.problems()).isEmpty();
    assertThat(r.doc().title()).isEqualTo("BỘ LUẬT LAO ĐỘNG");
    assertThat(r.doc().header()).isEqualTo("QUỐC HỘI\nBộ luật số: 45/2019/QH14\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        + "Độc lập - Tự do - Hạnh phúc");
    assertThat(r.doc().preamble()).isEqualTo("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
        + "Quốc hội ban hành Bộ luật Lao động.");
    assertThat(r.doc().chapters().get(0).title()).isEqualTo("NHỮNG QUY ĐỊNH CHUNG");
    assertThat(r.doc().find("d35").orElseThrow().title())
        .isEqualTo("Quyền đơn phương chấm dứt hợp đồng lao động của người lao động");
    // "… theo quy định tại" / "Điều 35 của Bộ luật này." is the end of clause 9 of Điều 34, not an article.
    assertThat(r.doc().find("d34.k9").orElseThrow().text()).endsWith("\nĐiều 35 của Bộ luật này.");
    assertThat(r.doc().articles()).extracting(DraftNode::number).doesNotHaveDuplicates().hasSize(220);
    assertThat(r.doc().closing()).startsWith("Bộ luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIV,")
        .endsWith("CHỦ TỊCH QUỐC HỘI\nNguyễn Thị Kim Ngân");
    assertThat(r.doc().find("d220.k3").orElseThrow().text()).doesNotContain("thông qua");
    // Page 3's head, the signature stamp on page 3, page 4's number and head.
    assertThat(r.notices()).extracting(ImportProblem::line).startsWith(3, 4, 42, 43, 44, 45, 48, 49);
    // Titles broken by the page width before a word that is no lower-case one, the next line a clause:
    // "… tham gia thông qua" / "Hội đồng thương lượng tập thể", "… từ đủ" / "15 tuổi đến chưa đủ 18 tuổi".
    assertThat(r.doc().find("d73").orElseThrow().title())
        .isEqualTo("Thương lượng tập thể có nhiều doanh nghiệp tham gia thông qua Hội đồng thương lượng tập thể");
    assertThat(r.doc().find("d73").orElseThrow().text()).isEmpty();
    assertThat(r.doc().find("d147").orElseThrow().title())
        .isEqualTo("Công việc và nơi làm việc cấm sử dụng người lao động từ đủ 15 tuổi đến chưa đủ 18 tuổi");
    assertThat(r.notices().get(0).messageEn())
        .isEqualTo("The Official Gazette's running head is left out: \"CÔNG BÁO/Số 993 + 994/Ngày 26-12-2019\"");
    assertThat(r.notices().get(1).messageEn()).isEqualTo("A page number is left out: \"3\"");
    assertThat(r.notices().get(2).messageEn()).startsWith("The digital signature stamp is left out: \"Ký bởi:");
    assertThat(String.join("\n", r.doc().allNodes().stream().map(DraftNode::text).toList()))
        .doesNotContain("CÔNG BÁO").doesNotContain("Thời gian ký");
  }

  @Test
  @DisplayName("a decree, a circular, a resolution and a decision of the Official Gazette: the document's name is its "
      + "type with the subject written under it")
  void titlesUnderBareType() {
    assertThat(parse("nd-38-2022-luong-toi-thieu.txt").doc().title()).isEqualTo(
        "NGHỊ ĐỊNH Quy định mức lương tối thiểu đối với người lao động làm việc theo hợp đồng lao động");
    assertThat(parse("tt-18-2022-bldtbxh-bai-bo.txt").doc().title()).isEqualTo("THÔNG TƯ Bãi bỏ văn bản quy phạm "
        + "pháp luật do Bộ trưởng Bộ Lao động - Thương binh và Xã hội ban hành, liên tịch ban hành");
    ImportResult nq = parse("nq-17-2022-ubtvqh15-lam-them.txt");
    assertThat(nq.doc().title()).startsWith("NGHỊ QUYẾT Về số giờ làm thêm trong 01 năm")
        .endsWith("phục hồi, phát triển kinh tế - xã hội");
    assertThat(nq.doc().preamble()).startsWith("ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCăn cứ Hiến pháp");
    assertThat(nq.doc().closing()).startsWith("Nghị quyết này được Ủy ban Thường vụ Quốc hội");
    ImportResult qd = parse("qd-28-2021-ttg-ho-tro-covid.txt");
    assertThat(qd.doc().title()).isEqualTo("QUYẾT ĐỊNH Quy định về việc thực hiện chính sách hỗ trợ người lao động và "
        + "người sử dụng lao động bị ảnh hưởng bởi đại dịch COVID-19 từ Quỹ bảo hiểm thất nghiệp");
    assertThat(qd.doc().header()).startsWith("THỦ TƯỚNG CHÍNH PHỦ").doesNotContain("VĂN BẢN QUY PHẠM PHÁP LUẬT");
    // "Phụ lục" alone on its line after the signature opens the appendix; its forms stay its text.
    assertThat(qd.doc().closing()).endsWith("Lê Minh Khái");
    assertThat(qd.doc().nodes().get(3).kind()).isEqualTo(NodeKind.APPENDIX);
  }

  @Test
  @DisplayName("a text that goes on in the next issue of the Gazette (Nghị định 145/2020, Điều 1–101 of 123) is read "
      + "as far as it goes, and the note \"(Xem tiếp theo Công báo số …)\" is a notice at its line")
  void partOfADecree() {
    ImportResult r = parse("nd-145-2020-dieu-kien-lao-dong.txt");
    assertThat(r.problems()).isEmpty();
    assertThat(r.doc().articles()).hasSize(101);
    // "… khoản 3" / "Điều 107 của Bộ luật Lao động, …": the intro's sentence broken before a cross reference is no
    // part of the title, though the title ends no sentence.
    assertThat(r.doc().find("d61").orElseThrow().title())
        .isEqualTo("Các trường hợp được tổ chức làm thêm từ trên 200 giờ đến 300 giờ trong một năm");
    assertThat(r.doc().find("d61").orElseThrow().text()).startsWith("Ngoài các trường hợp quy định tại");
    ImportProblem last = r.notices().get(r.notices().size() - 1);
    assertThat(last.line()).isEqualTo(3330);
    assertThat(last.messageEn()).startsWith("The text continues in another issue of the Official Gazette");
  }
}
