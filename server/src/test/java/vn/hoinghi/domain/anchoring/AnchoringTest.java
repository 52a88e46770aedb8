package vn.hoinghi.domain.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.DraftImporter;
import vn.hoinghi.domain.document.Drafts;
import vn.hoinghi.domain.document.StableIds;

@DisplayName("Anchoring annotations in the draft")
class AnchoringTest {

  private final DraftDocument v1 = StableIds.assign(DraftImporter.parse(Drafts.read("quy-che-v1.md")).doc(), null, Set.of());
  private final DraftDocument v2 = next(Drafts.read("quy-che-v2.md"));

  private DraftDocument next(String text) {
    Set<String> used = new HashSet<>();
    v1.allNodes().forEach(n -> used.add(n.id()));
    return StableIds.assign(DraftImporter.parse(text).doc(), v1, used);
  }

  private Anchor select(String nodeId, String exact) {
    String text = v1.find(nodeId).orElseThrow().text();
    int start = text.indexOf(exact);
    return Anchoring.select(nodeId, text, new TextQuoteSelector(exact, null, null),
        new TextPositionSelector(start, start + exact.length())).orElseThrow();
  }

  @Test
  @DisplayName("a selection gets its prefix and suffix from the text")
  void selectComputesContext() {
    Anchor a = select("d5.k2", "ít nhất 30 phút");
    assertThat(a.quote().prefix()).endsWith("trước giờ họp ");
    assertThat(a.quote().suffix()).isEqualTo(".");
    assertThat(a.position().end() - a.position().start()).isEqualTo("ít nhất 30 phút".length());
  }

  @Test
  @DisplayName("a selection that does not match the text at its offsets is refused")
  void selectRefusesMismatch() {
    String text = v1.find("d5.k2").orElseThrow().text();
    assertThat(Anchoring.select("d5.k2", text, new TextQuoteSelector("30 phút", null, null),
        new TextPositionSelector(0, 7))).isEmpty();
    assertThat(Anchoring.select("d5.k2", text, new TextQuoteSelector("Điểm cầu", "sai ", null),
        new TextPositionSelector(0, 8))).isEmpty();
    assertThat(Anchoring.select("d5.k2", text, new TextQuoteSelector("x", null, null),
        new TextPositionSelector(5, 500))).isEmpty();
  }

  @Test
  @DisplayName("an unchanged passage stays in the node with the same id")
  void unchanged() {
    Anchor a = select("d5.k2", "ít nhất 30 phút");
    Anchoring.Result r = Anchoring.reanchor(a, v2);
    assertThat(r.orphaned()).isFalse();
    assertThat(r.anchor()).isEqualTo(a);
  }

  @Test
  @DisplayName("a passage in a reworded clause is found again at its new offset")
  void reworded() {
    Anchor a = select("d6.k2", "theo từng điều");
    Anchoring.Result r = Anchoring.reanchor(a, v2);
    assertThat(r.orphaned()).isFalse();
    assertThat(r.anchor().nodeId()).isEqualTo("d6.k2");
    assertThat(r.anchor().quote().exact()).isEqualTo("theo từng điều");
    assertThat(r.anchor().quote().suffix()).startsWith(" hoặc theo từng chương");
  }

  @Test
  @DisplayName("a passage that moved to another node is found there")
  void movedElsewhere() {
    String text = Drafts.read("quy-che-v2.md").replace("2. Điểm cầu kiểm tra đường truyền trước giờ họp ít nhất 30 phút.\n", "")
        .replace("1. Mỗi điểm cầu bố trí một người phụ trách kỹ thuật.",
            "1. Mỗi điểm cầu bố trí một người phụ trách kỹ thuật, kiểm tra đường truyền trước giờ họp ít nhất 30 phút.");
    Anchoring.Result r = Anchoring.reanchor(select("d5.k2", "ít nhất 30 phút"), next(text));
    assertThat(r.orphaned()).isFalse();
    assertThat(r.anchor().nodeId()).isEqualTo("d5.k1");
  }

  @Test
  @DisplayName("a passage that no longer exists is orphaned and keeps its old anchor")
  void orphaned() {
    Anchor a = select("d7.k3", "kiến nghị về thủ tục");
    Anchoring.Result r = Anchoring.reanchor(a, v2);
    assertThat(r.orphaned()).isTrue();
    assertThat(r.anchor()).isEqualTo(a);
  }

  @Test
  @DisplayName("among repeated phrases, the one with matching context wins")
  void repeatedPhrase() {
    Anchor a = select("d7.k3", "kiến nghị về thủ tục được ưu tiên");
    Anchor second = new Anchor("d7.k3", new TextQuoteSelector("kiến nghị về thủ tục", a.quote().prefix(),
        " được ưu tiên phát biểu trước."), null);
    Anchoring.Result r = Anchoring.reanchor(second, v1);
    assertThat(r.anchor().position().start()).isEqualTo(a.position().start());
  }

  @Test
  @DisplayName("an annotation on a whole node is orphaned only when the node is gone")
  void wholeNode() {
    assertThat(Anchoring.reanchor(Anchor.wholeNode("d5"), v2).orphaned()).isFalse();
    assertThat(Anchoring.reanchor(Anchor.wholeNode("d7.k3"), v2).orphaned()).isTrue();
  }
}
