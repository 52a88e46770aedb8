package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Command.*;
import vn.hoinghi.domain.Event.*;
import vn.hoinghi.domain.anchoring.TextPositionSelector;
import vn.hoinghi.domain.anchoring.TextQuoteSelector;
import vn.hoinghi.domain.document.DraftImporter;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.domain.document.Drafts;

@DisplayName("Importing draft versions")
class DraftCommandTest extends WorldTest {

  private static final Actor ORG = World.ORGANIZER;

  private String annotate(String participant, String nodeId, String exact) {
    String text = w.conf().currentDraft().orElseThrow().document().find(nodeId).orElseThrow().text();
    int at = text.indexOf(exact);
    return w.h.ok(w.as(participant), new AddAnnotation(nodeId, AnnotationKind.COMMENT, "Ý kiến", null,
        new TextQuoteSelector(exact, null, null), new TextPositionSelector(at, at + exact.length())),
        AnnotationAdded.class).annotationId();
  }

  @Test
  @DisplayName("the first import is version 1 with structural ids; the event carries the whole document")
  void firstVersion() {
    w = World.prepared();
    DraftVersion v = w.conf().currentDraft().orElseThrow();
    assertThat(v.version()).isEqualTo(1);
    assertThat(v.note()).isEqualTo("Lần 1");
    assertThat(v.importedBy()).isEqualTo("organizer:acc-organizer");
    assertThat(v.document().articles()).hasSize(8);
    DraftVersionImported e = (DraftVersionImported) w.h.log.stream().map(RecordedEvent::event)
        .filter(DraftVersionImported.class::isInstance).findFirst().orElseThrow();
    assertThat(e.document()).isEqualTo(v.document());
  }

  @Test
  @DisplayName("a new version keeps node ids and re-anchors annotations: moved, kept, or orphaned")
  void newVersion() {
    w = World.live();
    String kept = annotate(w.delegateDtp, "d5.k2", "ít nhất 30 phút");
    String moved = annotate(w.delegateDtp, "d6.k2", "theo từng điều");
    String orphan = annotate(w.delegateHni, "d7.k3", "kiến nghị về thủ tục");
    List<Event> events = w.h.ok(w.as(w.secretary), new ImportDraft(Drafts.read("quy-che-v2.md"), "Lần 2"));
    assertThat(events).map(e -> e.getClass().getSimpleName())
        .containsExactly("DraftVersionImported", "AnnotationReanchored", "AnnotationReanchored");
    assertThat(w.conf().currentDraft().orElseThrow().version()).isEqualTo(2);
    Annotation a = w.conf().annotation(kept).orElseThrow();
    assertThat(a.orphaned()).isFalse();
    assertThat(a.draftVersion()).isEqualTo(1);
    Annotation m = w.conf().annotation(moved).orElseThrow();
    assertThat(m.orphaned()).isFalse();
    assertThat(m.draftVersion()).isEqualTo(2);
    assertThat(m.anchor().quote().suffix()).startsWith(" hoặc theo từng chương");
    Annotation o = w.conf().annotation(orphan).orElseThrow();
    assertThat(o.orphaned()).isTrue();
    assertThat(o.anchor().nodeId()).isEqualTo("d7.k3");
    assertThat(w.conf().drafts()).hasSize(2);
  }

  @Test
  @DisplayName("a draft with problems is refused with every problem in the details")
  void problems() {
    w = World.prepared();
    Rejection r = w.h.rejected(ORG, new ImportDraft(Drafts.read("hong.md"), null), RejectionCode.INVALID);
    assertThat(r.details()).hasSize(13);
    assertThat(r.details().get(0)).startsWith("dòng 3: ").contains("line 3: Clause \"1.\" is not inside any article");
    assertThat(r.messageEn()).isEqualTo("The draft has 13 lines that cannot be placed");
  }

  @Test
  @DisplayName("a draft holding an unpaired surrogate (no UTF-8 form) is refused and nothing is imported")
  void unpairedSurrogate() {
    w = World.prepared();
    int before = w.conf().drafts().size();
    String text = Drafts.read("quy-che-v1.md").replace("Điều 1.", "Điều 1. \uD800");
    Rejection r = w.h.rejected(ORG, new ImportDraft(text, null), RejectionCode.INVALID);
    assertThat(r.messageEn()).isEqualTo("The draft text contains an unpaired surrogate");
    assertThat(w.conf().drafts()).hasSize(before);
  }

  @Test
  @DisplayName("the preview is the same pure importer, callable without a conference")
  void preview() {
    assertThat(DraftImporter.parse(Drafts.read("hong.md")).ok()).isFalse();
    assertThat(DraftImporter.parse(Drafts.read("quy-che-v2.md")).doc().articles()).extracting(DraftNode::title)
        .contains("Đăng ký tham dự");
  }

  @Test
  @DisplayName("refuses an empty or over-long text, a long note, an import during an open vote, other roles")
  void refused() {
    w = World.live();
    w.h.rejected(ORG, new ImportDraft(null, null), RejectionCode.INVALID);
    w.h.rejected(ORG, new ImportDraft("", null), RejectionCode.INVALID);
    w.h.rejected(ORG, new ImportDraft("Điều 1. A\n" + "ư".repeat(DraftImporter.MAX_TEXT_BYTES / 2), null), RejectionCode.LIMIT);
    w.h.rejected(ORG, new ImportDraft(Drafts.read("quy-che-v2.md"), "x".repeat(Limits.NOTE + 1)), RejectionCode.LIMIT);
    w.h.rejected(w.as(w.chair), new ImportDraft(Drafts.read("quy-che-v2.md"), null), RejectionCode.FORBIDDEN);
    w.h.rejected(w.as(w.delegateDtp), new ImportDraft(Drafts.read("quy-che-v2.md"), null), RejectionCode.FORBIDDEN);
    w.openVote(VoteMode.NAMED, "d1");
    w.h.rejected(w.as(w.secretary), new ImportDraft(Drafts.read("quy-che-v2.md"), null), RejectionCode.WRONG_STATE);
  }
}
