package vn.hoinghi.report.revision;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.report.revision.WordDiff.Op;
import vn.hoinghi.report.revision.WordDiff.Segment;

@DisplayName("Word-by-word differences on Vietnamese text")
class WordDiffTest {

  private static String side(List<Segment> segments, Op skip) {
    StringBuilder sb = new StringBuilder();
    segments.stream().filter(s -> s.op() != skip).forEach(s -> sb.append(s.text()));
    return sb.toString();
  }

  @Test
  @DisplayName("words keep their diacritics and are never split by combining marks")
  void tokenizes() {
    assertThat(WordDiff.words("Đảng đoàn, ban cán sự đảng họp thường kỳ mỗi quý một lần;"))
        .containsExactly("Đảng", "đoàn", ",", "ban", "cán", "sự", "đảng", "họp", "thường", "kỳ", "mỗi", "quý", "một",
            "lần", ";");
    String decomposed = Normalizer.normalize("Nghị quyết", Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo("Nghị quyết");
    assertThat(WordDiff.words(decomposed)).containsExactly("Nghị", "quyết");
  }

  @Test
  @DisplayName("the same text in another Unicode form is no change")
  void unicodeForms() {
    String nfc = "Chương trình công tác toàn khóa được ban hành chậm nhất 90 ngày.";
    String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
    assertThat(WordDiff.diff(nfc, nfd)).singleElement().satisfies(s -> assertThat(s.op()).isEqualTo(Op.EQUAL));
    assertThat(WordDiff.sameWords(nfc, nfd + "  ")).isTrue();
  }

  @Test
  @DisplayName("a reworded phrase shows as the words deleted and the words inserted, nothing else")
  void rewording() {
    String before = "Đảng đoàn, ban cán sự đảng họp thường kỳ mỗi quý một lần; họp bất thường khi cần thiết.";
    String after = "Đảng đoàn, ban cán sự đảng họp thường kỳ sáu tháng một lần; họp bất thường khi cần thiết.";
    List<Segment> d = WordDiff.diff(before, after);
    assertThat(d).containsExactly(
        new Segment(Op.EQUAL, "Đảng đoàn, ban cán sự đảng họp thường kỳ "),
        new Segment(Op.DELETE, "mỗi quý "),
        new Segment(Op.INSERT, "sáu tháng "),
        new Segment(Op.EQUAL, "một lần; họp bất thường khi cần thiết."));
    assertThat(side(d, Op.INSERT)).isEqualTo(before);
    assertThat(side(d, Op.DELETE)).isEqualTo(after);
  }

  @Test
  @DisplayName("words that differ only by a tone mark are different words")
  void toneMarks() {
    List<Segment> d = WordDiff.diff("họp thường kỳ", "hợp thường kỳ");
    assertThat(d).containsExactly(new Segment(Op.DELETE, "họp "), new Segment(Op.INSERT, "hợp "),
        new Segment(Op.EQUAL, "thường kỳ"));
  }

  @Test
  @DisplayName("an added clause and a deleted point show whole, with their numbers")
  void clauses() {
    String before = "1. Tham gia đầy đủ các cuộc họp.\n2. Chịu trách nhiệm:\na) Chủ động đề xuất;\nb) Báo cáo định kỳ.";
    String after = "1. Tham gia đầy đủ các cuộc họp.\n2. Chịu trách nhiệm:\na) Chủ động đề xuất;\n3. Gương mẫu chấp hành.";
    List<Segment> d = WordDiff.diff(before, after);
    assertThat(d.stream().filter(s -> s.op() == Op.DELETE).map(Segment::text).toList()).containsExactly("b) Báo cáo định kỳ.");
    assertThat(d.stream().filter(s -> s.op() == Op.INSERT).map(Segment::text).toList()).containsExactly("3. Gương mẫu chấp hành.");
    assertThat(side(d, Op.INSERT)).isEqualTo(before);
    assertThat(side(d, Op.DELETE)).isEqualTo(after);
  }
}
