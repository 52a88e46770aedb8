package vn.hoinghi.document.docx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.DECIMAL;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.document.DraftImporter;
import vn.hoinghi.domain.document.Drafts;
import vn.hoinghi.domain.document.ImportResult;
import vn.hoinghi.domain.document.NodeKind;
import vn.hoinghi.domain.document.RealCorpusTest;
import vn.hoinghi.domain.document.RealRulesTest;

/**
 * The real texts of the corpus as Word files, built with POI from the texts: one paragraph per line with the numbers
 * typed, and, for texts without quoted amendments, Word's automatic numbering for Điều and khoản. Each must give the
 * same counts as the text (RealCorpusTest.CORPUS).
 */
@DisplayName("The corpus of real texts sent as .docx")
class RealDraftsDocxTest {

  private static final Pattern ARTICLE = Pattern.compile("^\\s*Điều\\s+(\\d+)\\.\\s*(.*)$");
  private static final Pattern CLAUSE = Pattern.compile("^\\s*(\\d+)\\.\\s+(.*)$");
  /** Where the body ends: the adoption sentence or the signature block; numbers after it stay typed. */
  private static final Pattern END = Pattern.compile(
      "^\\s*(?:(?:TM|KT)\\.\\s.*|Nơi nhận:.*|CHỦ TỊCH QUỐC HỘI\\s*|(?:Bộ luật|Luật|Nghị quyết|Hiến pháp) này (?:đã )?được .*)$");

  static byte[] typed(String text) throws Exception {
    try (WordFile w = new WordFile()) {
      for (String line : text.split("\\r\\n|\\r|\\n", -1)) {
        w.para(line);
      }
      return w.bytes();
    }
  }

  /** Điều N. and its clauses N. as Word's automatic numbering where the number is the next one; the rest typed. */
  static byte[] numbered(String text) throws Exception {
    try (WordFile w = new WordFile()) {
      BigInteger num = w.num(w.list("Điều %1.", DECIMAL, "%2.", DECIMAL));
      int articles = 0;
      int clauses = 0;
      boolean body = true;
      for (String line : text.split("\\r\\n|\\r|\\n", -1)) {
        body &= !END.matcher(line).matches();
        Matcher a = ARTICLE.matcher(line);
        Matcher k = CLAUSE.matcher(line);
        if (body && a.matches() && Integer.parseInt(a.group(1)) == articles + 1) {
          w.numbered(num, 0, a.group(2).strip());
          articles++;
          clauses = 0;
        } else if (body && articles > 0 && k.matches() && Integer.parseInt(k.group(1)) == clauses + 1) {
          w.numbered(num, 1, k.group(2).strip());
          clauses++;
        } else {
          w.para(line);
        }
      }
      return w.bytes();
    }
  }

  @Test
  @DisplayName("the Government's Quy chế làm việc on its own (from the Gazette), typed and numbered by Word: the same "
      + "counts as the text (8 chapters, 3 sections, 46 articles, 196 clauses, 174 points), the same article titles")
  void governmentRules() throws Exception {
    String text = RealRulesTest.governmentRules();
    ImportResult plain = DraftImporter.parse(text);
    for (byte[] docx : List.of(typed(text), numbered(text))) {
      ImportResult r = viaDocx(docx);
      assertThat(r.problems()).isEmpty();
      assertThat(RealCorpusTest.counted(r.doc())).isEqualTo(RealCorpusTest.counted(plain.doc()))
          .containsEntry(NodeKind.ARTICLE, 46).containsEntry(NodeKind.POINT, 174);
      assertThat(r.doc().articles().stream().map(n -> n.title()).toList())
          .isEqualTo(plain.doc().articles().stream().map(n -> n.title()).toList());
    }
  }

  private static ImportResult viaDocx(byte[] docx) throws Exception {
    return DraftImporter.parse(DocxDraft.read(docx).text());
  }

  @Test
  @DisplayName("every real text as a .docx with typed numbers gives the same counts of each kind of node")
  void typedNumbers() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (Map.Entry<String, Map<NodeKind, Integer>> e : RealCorpusTest.CORPUS.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      ImportResult r = viaDocx(typed(Drafts.read("real/" + e.getKey())));
      soft.assertThat(RealCorpusTest.counted(r.doc())).as(e.getKey()).isEqualTo(e.getValue());
    }
    soft.assertAll();
  }

  @Test
  @DisplayName("texts with Điều and khoản numbered by Word (Hiến pháp, Luật An ninh mạng, a decree, a circular, a "
      + "resolution and a decision of the Gazette, two party regulations) give the same counts, titles and no problem")
  void wordNumbering() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (String name : List.of("hien-phap-2013.txt", "luat-an-ninh-mang-2018.txt", "nd-111-2022-hop-dong-cong-viec.txt",
        "tt-09-2022-bldtbxh-giam-ngheo.txt", "nq-17-2022-ubtvqh15-lam-them.txt", "qd-28-2021-ttg-ho-tro-covid.txt",
        "qd-383-2025-tw-phong-luu-tru-dang.txt", "qd-384-2025-tw-ket-noi-du-lieu.txt")) {
      String text = Drafts.read("real/" + name);
      byte[] docx = numbered(text);
      String made = DocxDraft.read(docx).text();
      ImportResult r = DraftImporter.parse(made);
      ImportResult plain = DraftImporter.parse(text);
      soft.assertThat(RealCorpusTest.counted(r.doc())).as(name).isEqualTo(RealCorpusTest.CORPUS.get(name));
      soft.assertThat(r.problems()).as(name).isEmpty();
      soft.assertThat(r.doc().title()).as(name).isEqualTo(plain.doc().title());
      soft.assertThat(r.doc().articles().stream().map(n -> n.title()).toList()).as(name)
          .isEqualTo(plain.doc().articles().stream().map(n -> n.title()).toList());
    }
    soft.assertAll();
  }
}
