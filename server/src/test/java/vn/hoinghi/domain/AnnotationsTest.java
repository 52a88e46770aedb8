package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Command.*;
import vn.hoinghi.domain.Event.*;
import vn.hoinghi.domain.anchoring.TextPositionSelector;
import vn.hoinghi.domain.anchoring.TextQuoteSelector;

@DisplayName("Annotations on the draft")
class AnnotationsTest {

  static AddAnnotation on(World w, String nodeId, String exact, AnnotationKind kind, String body, String replacement) {
    String text = w.conf().currentDraft().orElseThrow().document().find(nodeId).orElseThrow().text();
    int at = text.indexOf(exact);
    return new AddAnnotation(nodeId, kind, body, replacement, new TextQuoteSelector(exact, null, null),
        new TextPositionSelector(at, at + exact.length()));
  }

  static String comment(World w, String author) {
    return w.h.ok(w.as(author), on(w, "d5.k2", "ít nhất 30 phút", AnnotationKind.COMMENT, "Nên là 60 phút", null),
        AnnotationAdded.class).annotationId();
  }

  @Nested
  @DisplayName("AddAnnotation")
  class Add extends WorldTest {

    @Test
    @DisplayName("a delegate proposes a wording for a passage; the anchor gets its context from the text")
    void proposeWording() {
      w = World.live();
      AnnotationAdded e = w.h.ok(w.as(w.delegateDtp), on(w, "d5.k2", "ít nhất 30 phút", AnnotationKind.PROPOSED_WORDING,
          "Thời gian quá ngắn", "ít nhất 60 phút"), AnnotationAdded.class);
      assertThat(e.annotationId()).isEqualTo("ann-" + w.conf().version());
      assertThat(e.quote().prefix()).endsWith("trước giờ họp ");
      Annotation a = w.conf().annotation(e.annotationId()).orElseThrow();
      assertThat(a).extracting(Annotation::authorId, Annotation::endpointId, Annotation::replacement, Annotation::status)
          .containsExactly(w.delegateDtp, w.dtp, "ít nhất 60 phút", AnnotationStatus.VISIBLE);
      assertThat(a.anchor().nodeId()).isEqualTo("d5.k2");
    }

    @Test
    @DisplayName("an annotation may be about a whole article; before the session, during it, and until the deadline")
    void wholeNodeAndWindow() {
      w = World.scheduled();
      w.h.ok(w.as(w.hostDtp), new AddAnnotation("d8", AnnotationKind.QUESTION, "Hiệu lực từ khi nào?", null, null, null));
      w.h.ok(w.as(w.chair), new StartConference());
      w.h.ok(w.as(w.chair), new OpenFeedback(w.h.now.plus(Duration.ofDays(1))));
      w.h.ok(w.as(w.secretary), new AddAnnotation("d1", AnnotationKind.COMMENT, "Ghi nhận", null, null, null));
      w.h.advance(Duration.ofDays(1));
      w.h.rejected(w.as(w.delegateDtp), new AddAnnotation("d1", AnnotationKind.COMMENT, "Muộn", null, null, null),
          RejectionCode.WRONG_STATE);
    }

    @Test
    @DisplayName("refuses a quote that does not match, half a selector, long texts, a misplaced replacement, other roles")
    void refused() {
      w = World.live();
      Actor d = w.as(w.delegateDtp);
      w.h.rejected(d, new AddAnnotation("d5.k2", AnnotationKind.COMMENT, "x", null,
          new TextQuoteSelector("không có", null, null), new TextPositionSelector(0, 8)), RejectionCode.INVALID);
      w.h.rejected(d, new AddAnnotation("d5.k2", AnnotationKind.COMMENT, "x", null,
          new TextQuoteSelector("Điểm", null, null), null), RejectionCode.INVALID);
      w.h.rejected(d, new AddAnnotation("d5.k2", AnnotationKind.COMMENT, "x", null,
          new TextQuoteSelector("Điểm cầu", "sai ", null), new TextPositionSelector(0, 8)), RejectionCode.INVALID);
      w.h.rejected(d, new AddAnnotation("d5.k2", AnnotationKind.COMMENT, "x", null,
          new TextQuoteSelector("a".repeat(Limits.QUOTE + 1), null, null), new TextPositionSelector(0, 2001)),
          RejectionCode.LIMIT);
      w.h.rejected(d, new AddAnnotation("d5.k2", AnnotationKind.COMMENT, "", null, null, null), RejectionCode.INVALID);
      w.h.rejected(d, new AddAnnotation("d5.k2", AnnotationKind.COMMENT, "x".repeat(Limits.ANNOTATION_BODY + 1), null,
          null, null), RejectionCode.LIMIT);
      w.h.rejected(d, new AddAnnotation("d5.k2", AnnotationKind.COMMENT, "x", "thay", null, null), RejectionCode.INVALID);
      w.h.rejected(d, new AddAnnotation("d5.k2", AnnotationKind.PROPOSED_WORDING, "x", null, null, null), RejectionCode.INVALID);
      w.h.rejected(d, new AddAnnotation("d5.k2", null, "x", null, null, null), RejectionCode.INVALID);
      w.h.rejected(d, new AddAnnotation("d99", AnnotationKind.COMMENT, "x", null, null, null), RejectionCode.NOT_FOUND);
      w.h.rejected(w.as(w.observer), new AddAnnotation("d1", AnnotationKind.COMMENT, "x", null, null, null), RejectionCode.FORBIDDEN);
      w.h.rejected(World.ORGANIZER, new AddAnnotation("d1", AnnotationKind.COMMENT, "x", null, null, null), RejectionCode.FORBIDDEN);
    }

    @Test
    @DisplayName("no feedback on a conference still in preparation, or closed")
    void outsideWindow() {
      w = World.prepared();
      w.h.rejected(w.as(w.delegateDtp), new AddAnnotation("d1", AnnotationKind.COMMENT, "x", null, null, null),
          RejectionCode.WRONG_STATE);
    }
  }

  @Nested
  @DisplayName("ReplyToAnnotation, EditAnnotation and DeleteAnnotation")
  class Threads extends WorldTest {

    @Test
    @DisplayName("replies form a flat thread under the first annotation")
    void reply() {
      w = World.live();
      String root = comment(w, w.delegateDtp);
      ReplyAdded r = w.h.ok(w.as(w.hostHni), new ReplyToAnnotation(root, "Đồng ý"), ReplyAdded.class);
      assertThat(w.conf().annotation(r.annotationId())).get().extracting(Annotation::replyTo, Annotation::authorId)
          .containsExactly(root, w.hostHni);
      w.h.rejected(w.as(w.delegateHni), new ReplyToAnnotation(r.annotationId(), "Trả lời trả lời"), RejectionCode.INVALID);
      w.h.rejected(w.as(w.delegateHni), new ReplyToAnnotation("ann-404", "x"), RejectionCode.NOT_FOUND);
      w.h.rejected(w.as(w.delegateHni), new ReplyToAnnotation(root, " "), RejectionCode.INVALID);
      w.h.rejected(w.as(w.observer), new ReplyToAnnotation(root, "x"), RejectionCode.FORBIDDEN);
    }

    @Test
    @DisplayName("a thread holds at most 500 replies")
    void replyLimit() {
      w = World.live();
      String root = comment(w, w.delegateDtp);
      for (int i = 0; i < Limits.REPLIES; i++) {
        w.h.ok(w.as(w.delegateHni), new ReplyToAnnotation(root, "Ý kiến " + i));
      }
      w.h.rejected(w.as(w.delegateHni), new ReplyToAnnotation(root, "Một ý kiến quá nhiều"), RejectionCode.LIMIT);
    }

    @Test
    @DisplayName("only the author edits or deletes; a deleted annotation loses its text but keeps its place")
    void editDelete() {
      w = World.live();
      String a = comment(w, w.delegateDtp);
      w.h.rejected(w.as(w.delegateDtp2), new EditAnnotation(a, "Sửa", null), RejectionCode.FORBIDDEN);
      w.h.rejected(w.as(w.chair), new DeleteAnnotation(a), RejectionCode.FORBIDDEN);
      w.h.ok(w.as(w.delegateDtp), new EditAnnotation(a, "Nên là 45 phút", null));
      assertThat(w.conf().annotation(a).orElseThrow()).extracting(Annotation::body, Annotation::editedAt)
          .containsExactly("Nên là 45 phút", w.h.now);
      w.h.rejected(w.as(w.delegateDtp), new EditAnnotation(a, "x", "thay thế"), RejectionCode.INVALID);
      w.h.rejected(w.as(w.delegateDtp), new EditAnnotation(a, "", null), RejectionCode.INVALID);
      String reply = w.h.ok(w.as(w.delegateHni), new ReplyToAnnotation(a, "Ủng hộ"), ReplyAdded.class).annotationId();
      w.h.ok(w.as(w.delegateDtp), new DeleteAnnotation(a));
      assertThat(w.conf().annotation(a).orElseThrow()).extracting(Annotation::body, Annotation::status)
          .containsExactly(null, AnnotationStatus.DELETED);
      assertThat(w.conf().annotation(reply)).isPresent();
      w.h.rejected(w.as(w.delegateDtp), new DeleteAnnotation(a), RejectionCode.WRONG_STATE);
      w.h.rejected(w.as(w.delegateDtp), new EditAnnotation(a, "x", null), RejectionCode.WRONG_STATE);
      w.h.rejected(w.as(w.delegateHni), new ReplyToAnnotation(a, "x"), RejectionCode.WRONG_STATE);
    }
  }

  @Nested
  @DisplayName("HideAnnotation, RestoreAnnotation and RespondToAnnotation")
  class Moderation extends WorldTest {

    @Test
    @DisplayName("moderators hide with a reason and restore; a hidden text reaches only its author and the moderators")
    void hideRestore() {
      w = World.live();
      String a = comment(w, w.delegateDtp);
      AnnotationAdded added = (AnnotationAdded) w.h.log.get(w.h.log.size() - 1).event();
      assertThat(w.conf().views().mayReceive(Viewer.publicScreen(), added)).isTrue();
      AnnotationHidden hidden = w.h.ok(w.as(w.secretary), new HideAnnotation(a, "Không đúng chủ đề"), AnnotationHidden.class);
      assertThat(hidden.hiddenBy()).isEqualTo(w.secretary);
      assertThat(w.conf().views().mayReceive(Viewer.publicScreen(), added)).isFalse();
      assertThat(w.conf().views().mayReceive(Viewer.participant(w.delegateHni), added)).isFalse();
      assertThat(w.conf().views().mayReceive(Viewer.participant(w.delegateDtp), added)).isTrue();
      assertThat(w.conf().views().mayReceive(Viewer.participant(w.chair), added)).isTrue();
      assertThat(w.conf().views().mayReceive(Viewer.publicScreen(), hidden)).isTrue();
      Annotation seen = w.conf().views().viewFor(Viewer.participant(w.delegateHni), w.h.now).annotations().get(0);
      assertThat(seen).extracting(Annotation::body, Annotation::status, Annotation::hiddenReason)
          .containsExactly(null, AnnotationStatus.HIDDEN, "Không đúng chủ đề");
      assertThat(w.conf().views().viewFor(Viewer.participant(w.delegateDtp), w.h.now).annotations().get(0).body())
          .isEqualTo("Nên là 60 phút");
      w.h.rejected(w.as(w.delegateDtp), new EditAnnotation(a, "x", null), RejectionCode.WRONG_STATE);
      w.h.rejected(w.as(w.chair), new HideAnnotation(a, "Lần nữa"), RejectionCode.WRONG_STATE);
      AnnotationRestored restored = w.h.ok(w.as(w.chair), new RestoreAnnotation(a), AnnotationRestored.class);
      assertThat(restored.body()).isEqualTo("Nên là 60 phút");
      assertThat(w.conf().views().mayReceive(Viewer.publicScreen(), added)).isTrue();
      w.h.rejected(w.as(w.chair), new RestoreAnnotation(a), RejectionCode.WRONG_STATE);
    }

    @Test
    @DisplayName("hiding needs a reason and a moderator")
    void hideRefused() {
      w = World.live();
      String a = comment(w, w.delegateDtp);
      w.h.rejected(w.as(w.chair), new HideAnnotation(a, ""), RejectionCode.INVALID);
      w.h.rejected(w.as(w.chair), new HideAnnotation(a, "x".repeat(Limits.REASON + 1)), RejectionCode.LIMIT);
      w.h.rejected(w.as(w.hostDtp), new HideAnnotation(a, "Lý do"), RejectionCode.FORBIDDEN);
      w.h.rejected(w.as(w.delegateDtp), new RestoreAnnotation(a), RejectionCode.FORBIDDEN);
      w.h.rejected(w.as(w.chair), new HideAnnotation("ann-404", "Lý do"), RejectionCode.NOT_FOUND);
    }

    @Test
    @DisplayName("the drafting team answers: accepted, explained with a text, or noted; also after the session closes")
    void respond() {
      w = World.live();
      String a = comment(w, w.delegateDtp);
      w.h.ok(w.as(w.secretary), new RespondToAnnotation(a, ResponseKind.NOTED, null));
      w.h.rejected(w.as(w.secretary), new RespondToAnnotation(a, ResponseKind.EXPLAINED, null), RejectionCode.INVALID);
      w.h.rejected(w.as(w.secretary), new RespondToAnnotation(a, null, null), RejectionCode.INVALID);
      w.h.rejected(w.as(w.delegateDtp), new RespondToAnnotation(a, ResponseKind.ACCEPTED, null), RejectionCode.FORBIDDEN);
      w.h.ok(w.as(w.chair), new CloseConference());
      w.h.ok(w.as(w.secretary), new RespondToAnnotation(a, ResponseKind.EXPLAINED, "Giữ 30 phút vì đủ để kiểm tra."));
      assertThat(w.conf().annotation(a).orElseThrow().response()).extracting(Response::kind, Response::text, Response::by)
          .containsExactly(ResponseKind.EXPLAINED, "Giữ 30 phút vì đủ để kiểm tra.", w.secretary);
    }

    @Test
    @DisplayName("replies and deleted annotations get no response")
    void respondRefused() {
      w = World.live();
      String a = comment(w, w.delegateDtp);
      String reply = w.h.ok(w.as(w.delegateHni), new ReplyToAnnotation(a, "Ủng hộ"), ReplyAdded.class).annotationId();
      w.h.rejected(w.as(w.secretary), new RespondToAnnotation(reply, ResponseKind.NOTED, null), RejectionCode.INVALID);
      w.h.ok(w.as(w.delegateDtp), new DeleteAnnotation(a));
      w.h.rejected(w.as(w.secretary), new RespondToAnnotation(a, ResponseKind.NOTED, null), RejectionCode.WRONG_STATE);
      AnnotationAdded added = (AnnotationAdded) w.h.log.stream().map(RecordedEvent::event)
          .filter(AnnotationAdded.class::isInstance).findFirst().orElseThrow();
      assertThat(w.conf().views().mayReceive(Viewer.participant(w.delegateDtp), added)).isTrue();
      assertThat(w.conf().views().mayReceive(Viewer.participant(w.chair), added)).isFalse();
    }
  }
}
