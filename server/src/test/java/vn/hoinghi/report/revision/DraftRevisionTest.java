package vn.hoinghi.report.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Annotation;
import vn.hoinghi.domain.AnnotationKind;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.DraftVersion;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.report.PlayedSession;
import vn.hoinghi.report.revision.DraftRevision.NodeEdit;
import vn.hoinghi.report.revision.VersionDiff.ArticleChange;
import vn.hoinghi.report.revision.VersionDiff.Status;
import vn.hoinghi.report.revision.WordDiff.Op;

/**
 * The revised draft of the story: accepted proposed wordings and free edits composed into version 2, imported as
 * the core imports any draft, then compared with version 1 article by article.
 */
@DisplayName("The revised draft and its differences")
class DraftRevisionTest {

  private final PlayedSession s = PlayedSession.story();

  private Annotation annotation(String id) {
    return s.conf.annotation(id).orElseThrow();
  }

  private DraftDocument v(int n) {
    return s.conf.drafts().get(n - 1).document();
  }

  private static ArticleChange change(VersionDiff.Comparison c, String id) {
    return c.articles().stream().filter(a -> a.articleId().equals(id)).findFirst().orElseThrow();
  }

  private static String text(List<WordDiff.Segment> segs, Op op) {
    return String.join("|", segs.stream().filter(x -> x.op() == op).map(WordDiff.Segment::text).toList());
  }

  @Test
  @DisplayName("accepted wordings replace the passages they quote; the new version imports and compares word by word")
  void acceptWordingsAndEdit() {
    var result = DraftRevision.compose(v(1), 1, List.of(annotation(s.proposal), annotation(s.lateProposal)),
        List.of(new NodeEdit("d15.k4", null,
            "Biên chế của bộ phận giúp việc nằm trong tổng biên chế được giao của cơ quan, tổ chức.")));
    assertThat(result.applied()).extracting(DraftRevision.Applied::before)
        .containsExactlyInAnyOrder("mỗi quý một lần", "định kỳ 6 tháng");
    assertThat(result.text()).contains("họp thường kỳ sáu tháng một lần;").contains("Báo cáo định kỳ sáu tháng và hằng năm");

    s.run(s.as("thuky"), new Command.ImportDraft(result.text(), "Tiếp thu ý kiến góp ý"));
    DraftVersion v2 = s.conf.currentDraft().orElseThrow();
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.document().articles()).extracting(DraftNode::id).isEqualTo(v(1).articles().stream().map(DraftNode::id).toList());

    var comparison = VersionDiff.compare(1, v(1), 2, v(2), List.of(new VersionDiff.Proposal(s.proposal, "d8.k1",
        "Bùi Đức Thắng", "Thành ủy Hà Nội", "mỗi quý một lần", "sáu tháng một lần")));
    assertThat(comparison.changed()).isEqualTo(3);
    ArticleChange d8 = change(comparison, "d8");
    assertThat(d8.status()).isEqualTo(Status.CHANGED);
    assertThat(text(d8.body(), Op.DELETE)).isEqualTo("mỗi quý ");
    assertThat(text(d8.body(), Op.INSERT)).isEqualTo("sáu tháng ");
    assertThat(d8.proposals()).singleElement().satisfies(p -> assertThat(p.applied()).isTrue());
    assertThat(text(change(comparison, "d11").body(), Op.DELETE)).isEqualTo("6 ");
    assertThat(text(change(comparison, "d11").body(), Op.INSERT)).isEqualTo("sáu ");
    ArticleChange d15 = change(comparison, "d15");
    assertThat(text(d15.body(), Op.DELETE)).startsWith("; không bố trí biên chế chuyên trách riêng. Người làm việc kiêm nhiệm");
    assertThat(text(d15.body(), Op.INSERT).strip()).isEqualTo(".");
    assertThat(change(comparison, "d1").status()).isEqualTo(Status.UNCHANGED);

    // The comparison table and the new version in Word, kept in target/report-samples for a person to look at.
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "report-samples");
      java.nio.file.Files.createDirectories(dir);
      try (var out = java.nio.file.Files.newOutputStream(dir.resolve("so-sanh-du-thao.docx"))) {
        vn.hoinghi.report.export.DraftDocx.writeComparison(comparison, out);
      }
      try (var out = java.nio.file.Files.newOutputStream(dir.resolve("du-thao-v2.docx"))) {
        vn.hoinghi.report.export.DraftDocx.writeVersion(v(2), 2, out);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    // The accepted proposal's passage is gone: it is orphaned, never dropped; the others re-anchor.
    assertThat(annotation(s.proposal).orphaned()).isTrue();
    assertThat(annotation(s.question).orphaned()).isFalse();
    assertThat(annotation(s.question).draftVersion()).isIn(1, 2);
  }

  @Test
  @DisplayName("an article inserted in the middle: later articles are renumbered, not changed")
  void insertedArticle() {
    String v1 = DraftText.render(v(1));
    String v2 = v1.replace("### Điều 8. Chế độ họp", "### Điều 8. Họp trực tuyến\n"
        + "1. Đảng đoàn, ban cán sự đảng có thể họp theo hình thức trực tuyến khi cần thiết.\n\n### Điều 8. Chế độ họp");
    // Renumber every later article.
    for (int n = 17; n >= 8; n--) {
      v2 = v2.replace("### Điều " + n + ". ", "### Điều @" + (n + 1) + ". ");
    }
    v2 = v2.replace("### Điều @9. Họp trực tuyến", "### Điều 8. Họp trực tuyến").replace("@", "");
    v2 = v2.replace("### Điều 9. Họp trực tuyến", "### Điều 8. Họp trực tuyến");
    s.run(s.as("thuky"), new Command.ImportDraft(v2, "Bổ sung điều về họp trực tuyến"));
    var c = VersionDiff.compare(1, v(1), 2, v(2), List.of());
    ArticleChange added = c.articles().stream().filter(a -> a.status() == Status.ADDED).findFirst().orElseThrow();
    assertThat(added.toNumber()).isEqualTo("8");
    assertThat(added.toTitle()).isEqualTo("Họp trực tuyến");
    assertThat(change(c, "d8").status()).isEqualTo(Status.RENUMBERED);
    assertThat(change(c, "d8").fromNumber()).isEqualTo("8");
    assertThat(change(c, "d8").toNumber()).isEqualTo("9");
    assertThat(change(c, "d17").toNumber()).isEqualTo("18");
    assertThat(c.articles().stream().filter(a -> a.status() == Status.CHANGED)).isEmpty();
  }

  @Test
  @DisplayName("a removed article is listed where it stood, and votes and annotations on version 1 stay readable")
  void removedArticle() {
    String v1 = DraftText.render(v(1));
    int from = v1.indexOf("### Điều 17.");
    String v2 = v1.substring(0, from);
    s.run(s.as("thuky"), new Command.ImportDraft(v2, "Bỏ Điều 17"));
    var c = VersionDiff.compare(1, v(1), 2, v(2), List.of());
    assertThat(c.articles().get(c.articles().size() - 1)).satisfies(a -> {
      assertThat(a.articleId()).isEqualTo("d17");
      assertThat(a.status()).isEqualTo(Status.REMOVED);
    });
    assertThat(s.conf.vote(s.namedVote).orElseThrow().draftVersion()).isEqualTo(1);
    assertThat(s.conf.drafts().get(0).document().find("d17")).isPresent();
  }

  @Test
  @DisplayName("refused: a comment, overlapping wordings, an unknown node, a wording whose passage is gone")
  void refusals() {
    assertThatThrownBy(() -> DraftRevision.compose(v(1), 1, List.of(annotation(s.comment)), List.of()))
        .isInstanceOf(DraftRevision.Refused.class).hasMessageContaining("not a proposed wording");
    String overlap = s.run(s.as("daibieu2"), new Command.AddAnnotation("d8.k1", AnnotationKind.PROPOSED_WORDING,
        "Sửa lại", "hằng quý", new vn.hoinghi.domain.anchoring.TextQuoteSelector("quý một", null, null),
        new vn.hoinghi.domain.anchoring.TextPositionSelector(s.text("d8.k1").indexOf("quý một"),
            s.text("d8.k1").indexOf("quý một") + 7)), Event.AnnotationAdded.class).annotationId();
    assertThatThrownBy(() -> DraftRevision.compose(v(1), 1, List.of(annotation(s.proposal), annotation(overlap)), List.of()))
        .isInstanceOf(DraftRevision.Refused.class).hasMessageContaining("overlapping");
    assertThatThrownBy(() -> DraftRevision.compose(v(1), 1, List.of(), List.of(new NodeEdit("d99", null, "x"))))
        .isInstanceOf(DraftRevision.Refused.class).hasMessageContaining("d99");
    assertThatThrownBy(() -> DraftRevision.compose(v(1), 1, List.of(),
        List.of(new NodeEdit("d8.k1", null, "Họp thường kỳ.\n7. Khoản không đúng thứ tự."))))
        .isInstanceOf(DraftRevision.Refused.class).hasMessageContaining("7");
    var result = DraftRevision.compose(v(1), 1, List.of(annotation(s.proposal)), List.of());
    s.run(s.as("thuky"), new Command.ImportDraft(result.text(), "v2"));
    assertThatThrownBy(() -> DraftRevision.compose(v(2), 2, List.of(annotation(s.proposal)), List.of()))
        .isInstanceOf(DraftRevision.Refused.class).hasMessageContaining("not in version 2");
  }
}
