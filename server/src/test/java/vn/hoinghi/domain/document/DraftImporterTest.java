package vn.hoinghi.domain.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.demo.DemoConference;

@DisplayName("The draft importer")
class DraftImporterTest {

  private static DraftNode node(DraftDocument doc, String id) {
    return doc.find(id).orElseThrow(() -> new AssertionError("no node " + id));
  }

  @Nested
  @DisplayName("on the demo draft")
  class DemoDraft {

    private final ImportResult result = DraftImporter.parse(DemoConference.draftText());

    @Test
    @DisplayName("places every line: no problem")
    void noProblems() {
      assertThat(result.problems()).isEmpty();
    }

    @Test
    @DisplayName("finds 5 chapters and 17 articles numbered 1 to 17")
    void structure() {
      DraftDocument doc = result.doc();
      assertThat(doc.chapters()).extracting(DraftNode::number).containsExactly("I", "II", "III", "IV", "V");
      assertThat(doc.articles()).hasSize(17);
      assertThat(doc.articles()).extracting(DraftNode::id)
          .containsExactly("d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10", "d11", "d12", "d13", "d14",
              "d15", "d16", "d17");
    }

    @Test
    @DisplayName("takes chapter titles from the upper-case line after the heading")
    void chapterTitles() {
      assertThat(result.doc().chapters()).extracting(DraftNode::title).first().isEqualTo("QUY ĐỊNH CHUNG");
    }

    @Test
    @DisplayName("takes the document's name as title, keeps the \"DỰ THẢO\" mark as header and the rest as preamble")
    void preamble() {
      assertThat(result.doc().title()).isEqualTo("QUY CHẾ LÀM VIỆC MẪU CỦA ĐẢNG ĐOÀN, BAN CÁN SỰ ĐẢNG CẤP TỈNH");
      assertThat(result.doc().header()).isEqualTo("DỰ THẢO");
      assertThat(result.doc().preamble()).startsWith("(Kèm theo Quyết định");
    }
  }

  @Nested
  @DisplayName("on a Markdown regulation")
  class Markdown {

    private final ImportResult result = DraftImporter.parse(Drafts.read("quy-che-v1.md"));
    private final DraftDocument doc = result.doc();

    @Test
    @DisplayName("strips heading and bold marks and imports without problems")
    void clean() {
      assertThat(result.problems()).isEmpty();
      assertThat(doc.title()).isEqualTo("QUY CHẾ TỔ CHỨC HỘI NGHỊ TRỰC TUYẾN GÓP Ý DỰ THẢO VĂN BẢN");
      assertThat(doc.preamble()).startsWith("(Ban hành kèm theo");
    }

    @Test
    @DisplayName("nests sections in their chapter and articles in their section")
    void sections() {
      DraftNode chapter2 = node(doc, "c2");
      assertThat(chapter2.children()).extracting(DraftNode::id).containsExactly("c2.m1", "c2.m2");
      assertThat(node(doc, "c2.m1").title()).isEqualTo("CHUẨN BỊ HỘI NGHỊ");
      assertThat(node(doc, "c2.m1").children()).extracting(DraftNode::id).containsExactly("d4", "d5");
      assertThat(node(doc, "c2.m2").children()).extracting(DraftNode::id).containsExactly("d6", "d7");
    }

    @Test
    @DisplayName("gives structural ids to clauses and points, đ included")
    void clausesAndPoints() {
      assertThat(node(doc, "d4.k2").children()).extracting(DraftNode::id, DraftNode::number)
          .containsExactly(tuple("d4.k2.a", "a"), tuple("d4.k2.b", "b"), tuple("d4.k2.c", "c"), tuple("d4.k2.d", "d"),
              tuple("d4.k2.dd", "đ"));
      assertThat(node(doc, "d4.k2.dd").text()).isEqualTo("Chương trình hội nghị.");
      assertThat(node(doc, "d4.k2").text()).isEqualTo("Tài liệu gửi kèm gồm:");
    }

    @Test
    @DisplayName("keeps an article's intro apart from its clauses")
    void articleIntro() {
      DraftNode d3 = node(doc, "d3");
      assertThat(d3.title()).isEqualTo("Giải thích từ ngữ");
      assertThat(d3.text()).isEqualTo("Trong Quy chế này, các từ ngữ dưới đây được hiểu như sau:");
      assertThat(d3.children()).hasSize(2);
      assertThat(d3.label()).isEqualTo("Điều 3");
    }
  }

  @Nested
  @DisplayName("on a plain-text law with parts")
  class PlainTextWithParts {

    private final ImportResult result = DraftImporter.parse(Drafts.read("luat-mau-co-phan.txt"));
    private final DraftDocument doc = result.doc();

    @Test
    @DisplayName("reads parts, chapters with the title on the same line or the next, and sections")
    void structure() {
      assertThat(result.problems()).isEmpty();
      assertThat(doc.nodes()).extracting(DraftNode::id, DraftNode::title)
          .containsExactly(tuple("p1", "NHỮNG QUY ĐỊNH CHUNG"), tuple("p2", "TỔ CHỨC THỰC HIỆN"));
      assertThat(doc.chapters()).extracting(DraftNode::title)
          .containsExactly("PHẠM VI VÀ NGUYÊN TẮC", "TRÁCH NHIỆM CỦA CÁC BÊN", "KHIẾU NẠI VÀ XỬ LÝ VI PHẠM");
      assertThat(node(doc, "c2").children()).extracting(DraftNode::title).containsExactly("CƠ QUAN CHỦ TRÌ", "ĐIỂM CẦU");
      assertThat(doc.articles()).extracting(DraftNode::title).last().isEqualTo("Xử lý vi phạm");
    }

    @Test
    @DisplayName("does not mistake words like \"Chương trình\" or \"Mục tiêu\" for headings")
    void ordinaryWords() {
      assertThat(node(doc, "d1").text()).contains("Chương trình công tác hằng năm");
      assertThat(node(doc, "d2").text()).startsWith("Mục tiêu của hội nghị");
    }
  }

  @Nested
  @DisplayName("on a broken draft")
  class Broken {

    private final List<ImportProblem> problems = DraftImporter.parse(Drafts.read("hong.md")).problems();

    @Test
    @DisplayName("reports every line it cannot place, with its line number")
    void everyProblem() {
      assertThat(problems).extracting(ImportProblem::line)
          .containsExactly(3, 4, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21);
    }

    @Test
    @DisplayName("says what is wrong, in Vietnamese and English")
    void messages() {
      assertThat(problems).extracting(ImportProblem::line, ImportProblem::messageEn).contains(
          tuple(3, "Clause \"1.\" is not inside any article"),
          tuple(4, "Section 1 is outside any chapter (a section must be inside a chapter)"),
          tuple(9, "Numbers out of sequence (skipped number): expected clause 2, found clause 3"),
          tuple(11, "Numbers out of sequence (skipped number): expected point b, found point c"),
          tuple(12, "Numbers out of sequence (skipped number): expected article 2, found article 3"),
          tuple(13, "Article 4 has no title"),
          tuple(14, "Point \"b)\" is not inside any clause"),
          tuple(15, "Numbers out of sequence (skipped number): expected chapter II, found chapter III"),
          tuple(16, "Numbers out of sequence (duplicated number): expected article 5, found article 4"));
      assertThat(problems.get(9).messageEn()).startsWith("Chapter numbers must be Roman numerals");
      assertThat(problems.get(10).messageEn()).startsWith("\"Điều 5\" must be followed by a period");
      assertThat(problems.get(11).messageEn()).startsWith("Unclear whether this is a chapter heading");
      assertThat(problems.get(12).messageEn()).startsWith("\"f)\" is not a letter used for points");
      assertThat(problems).allSatisfy(p -> assertThat(p.messageVi()).isNotBlank());
      assertThat(problems.get(0).messageVi()).isEqualTo("Khoản \"1.\" không nằm trong điều nào");
    }

    @Test
    @DisplayName("reports an empty text, and a text without any article")
    void emptyAndNoArticle() {
      assertThat(DraftImporter.parse("  \n\n ").problems()).extracting(ImportProblem::line, ImportProblem::messageEn)
          .containsExactly(tuple(1, "The document is empty"));
      assertThat(DraftImporter.parse("Một văn bản\nkhông có điều nào").problems()).extracting(ImportProblem::messageEn)
          .containsExactly("The document has no article (a line such as \"Điều 1. Title\")");
    }

    @Test
    @DisplayName("stops reading past 20,000 nodes: one article number repeated 150,000 times is refused in bounded time")
    void tooManyNodes() {
      // Within the 2 MB limit; before, every repeat paid for a scan of all earlier ids (quadratic: minutes).
      String repeated = "Điều 1. A\n".repeat(150_000);
      List<ImportProblem> problems = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
          java.time.Duration.ofSeconds(30), () -> DraftImporter.parse(repeated).problems());
      assertThat(problems).extracting(ImportProblem::messageEn)
          .contains("The document has more than " + DraftImporter.MAX_NODES + " nodes");
      // Reading stopped at the limit: problems name no line after it.
      assertThat(problems).allSatisfy(p -> assertThat(p.line()).isLessThanOrEqualTo(150_001));
      assertThat(problems.stream().filter(p -> p.line() > DraftImporter.MAX_NODES + 1 && p.line() < 150_000)).isEmpty();
    }

    @Test
    @DisplayName("refuses a text over 2 MB")
    void tooLarge() {
      String big = "Điều 1. A\n" + "x".repeat(DraftImporter.MAX_TEXT_BYTES);
      assertThat(DraftImporter.parse(big).problems()).extracting(ImportProblem::messageEn)
          .containsExactly("The text is larger than 2 MB");
    }
  }

  @Test
  @DisplayName("reads text in decomposed Unicode (NFD) the same as composed")
  void decomposedUnicode() {
    String nfd = java.text.Normalizer.normalize(Drafts.read("quy-che-v1.md"), java.text.Normalizer.Form.NFD);
    ImportResult result = DraftImporter.parse(nfd);
    assertThat(result.problems()).isEmpty();
    assertThat(result.doc()).isEqualTo(DraftImporter.parse(Drafts.read("quy-che-v1.md")).doc());
  }

  @Test
  @DisplayName("accepts Windows line ends and a byte-order mark")
  void lineEnds() {
    String crlf = "\uFEFF" + Drafts.read("quy-che-v1.md").replace("\n", "\r\n");
    assertThat(DraftImporter.parse(crlf).doc()).isEqualTo(DraftImporter.parse(Drafts.read("quy-che-v1.md")).doc());
  }
}
