package vn.hoinghi.domain;

import static vn.hoinghi.domain.ConferenceStatus.FEEDBACK_OPEN;
import static vn.hoinghi.domain.ConferenceStatus.LIVE;
import static vn.hoinghi.domain.ConferenceStatus.SCHEDULED;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import vn.hoinghi.domain.Command.AddAnnotation;
import vn.hoinghi.domain.Command.DeleteAnnotation;
import vn.hoinghi.domain.Command.EditAnnotation;
import vn.hoinghi.domain.Command.HideAnnotation;
import vn.hoinghi.domain.Command.ReplyToAnnotation;
import vn.hoinghi.domain.Command.RespondToAnnotation;
import vn.hoinghi.domain.Command.RestoreAnnotation;
import vn.hoinghi.domain.Event.AnnotationAdded;
import vn.hoinghi.domain.Event.AnnotationDeleted;
import vn.hoinghi.domain.Event.AnnotationEdited;
import vn.hoinghi.domain.Event.AnnotationHidden;
import vn.hoinghi.domain.Event.AnnotationReanchored;
import vn.hoinghi.domain.Event.AnnotationResponded;
import vn.hoinghi.domain.Event.AnnotationRestored;
import vn.hoinghi.domain.Event.ReplyAdded;
import vn.hoinghi.domain.anchoring.Anchor;
import vn.hoinghi.domain.anchoring.Anchoring;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.DraftNode;

/**
 * Shared annotations on the draft (góp ý trên văn bản): anchored comments, questions and proposed wordings, flat
 * reply threads, moderation, and the drafting team's response. Feedback is accepted from the scheduled conference
 * until the feedback deadline; moderation and responses continue after it.
 */
final class Annotations {

  private final Conference conf;
  final Map<String, Annotation> annotations = new LinkedHashMap<>();
  private final Map<String, Integer> replyCounts = new HashMap<>();

  Annotations(Conference conf) {
    this.conf = conf;
  }

  void register(Tables t) {
    t.handlers()
        .handle(AddAnnotation.class, this::add)
        .handle(ReplyToAnnotation.class, this::reply)
        .handle(EditAnnotation.class, this::edit)
        .handle(DeleteAnnotation.class, this::delete)
        .handle(HideAnnotation.class, this::hide)
        .handle(RestoreAnnotation.class, this::restore)
        .handle(RespondToAnnotation.class, this::respond);
    t.folds()
        .fold(AnnotationAdded.class, e -> put(new Annotation(e.annotationId(), null, e.authorId(), e.endpointId(),
            e.kind(), e.body(), e.replacement(), new Anchor(e.nodeId(), e.quote(), e.position()), false,
            e.draftVersion(), e.at(), null, AnnotationStatus.VISIBLE, null, null, null)))
        .fold(ReplyAdded.class, e -> put(new Annotation(e.annotationId(), e.replyTo(), e.authorId(), e.endpointId(),
            AnnotationKind.COMMENT, e.body(), null, null, false, 0, e.at(), null, AnnotationStatus.VISIBLE, null,
            null, null)))
        .fold(AnnotationEdited.class, e -> change(e.annotationId(), a -> a.withText(e.body(), e.replacement(), e.at())))
        .fold(AnnotationDeleted.class, e -> change(e.annotationId(), a ->
            a.withText(null, null, e.at()).withStatus(AnnotationStatus.DELETED, null, null)))
        .fold(AnnotationHidden.class, e -> change(e.annotationId(), a ->
            a.withStatus(AnnotationStatus.HIDDEN, e.reason(), e.hiddenBy())))
        .fold(AnnotationRestored.class, e -> change(e.annotationId(), a -> a.withStatus(AnnotationStatus.VISIBLE, null, null)))
        .fold(AnnotationResponded.class, e -> change(e.annotationId(), a ->
            a.withResponse(new Response(e.response(), e.text(), e.respondedBy(), e.at()))))
        .fold(AnnotationReanchored.class, e -> change(e.annotationId(), a ->
            a.withAnchor(new Anchor(e.nodeId(), e.quote(), e.position()), e.orphaned(), e.draftVersion())));
    // Events that carry an annotation's text follow its current visibility: once hidden or deleted, a client resuming
    // from an older sequence number must not receive the text again.
    t.audiences()
        .map(AnnotationAdded.class, e -> contentAudience(e.annotationId()))
        .map(ReplyAdded.class, e -> contentAudience(e.annotationId()))
        .map(AnnotationEdited.class, e -> contentAudience(e.annotationId()))
        .map(AnnotationReanchored.class, e -> contentAudience(e.annotationId()))
        .map(AnnotationDeleted.class, e -> Audience.EVERYONE)
        .map(AnnotationHidden.class, e -> Audience.EVERYONE)
        .map(AnnotationRestored.class, e -> contentAudience(e.annotationId()))
        .map(AnnotationResponded.class, e -> Audience.EVERYONE);
  }

  /** Everyone while visible; the author and the moderators while hidden; the author alone once deleted. */
  Audience contentAudience(String annotationId) {
    Annotation a = annotations.get(annotationId);
    if (a == null) {
      return Audience.MODERATORS;
    }
    return switch (a.status()) {
      case VISIBLE -> Audience.EVERYONE;
      case HIDDEN -> new Audience.ParticipantAndModerators(a.authorId());
      case DELETED -> new Audience.Participant(a.authorId());
    };
  }

  void put(Annotation a) {
    annotations.put(a.id(), a);
    if (a.replyTo() != null) {
      replyCounts.merge(a.replyTo(), 1, Integer::sum);
    }
  }

  private void change(String id, java.util.function.UnaryOperator<Annotation> f) {
    annotations.put(id, f.apply(annotations.get(id)));
  }

  /**
   * After a new version is imported: every thread's first annotation that is not deleted looks for its quote again;
   * an event is emitted only where the anchor changed (moved, found elsewhere, orphaned or found again).
   */
  void reanchorAll(DraftDocument next, int version, Decide d) {
    Anchoring.Target target = new Anchoring.Target(next);
    for (Annotation a : annotations.values()) {
      if (a.reply() || a.status() == AnnotationStatus.DELETED) {
        continue;
      }
      Anchoring.Result r = target.reanchor(a.anchor());
      if (!r.anchor().equals(a.anchor()) || r.orphaned() != a.orphaned()) {
        d.emit(new AnnotationReanchored(a.id(), version, r.anchor().nodeId(), r.anchor().quote(),
            r.anchor().position(), r.orphaned()));
      }
    }
  }

  // --- Handlers ---------------------------------------------------------------------------------------------------

  private void add(AddAnnotation c, Decide d) {
    AnnotationKind kind = Check.required(c.kind(), "loại góp ý", "annotation kind");
    String body = Check.text(c.body(), Check.BODY, Limits.ANNOTATION_BODY, true, true);
    String replacement = replacement(kind, c.replacement());
    if ((c.quote() == null) != (c.position() == null)) {
      throw Reject.invalid("Cần cả đoạn trích và vị trí, hoặc không có cả hai", "Give both the quote and the position, or neither");
    }
    if (c.quote() != null && c.quote().exact() != null && c.quote().exact().length() > Limits.QUOTE) {
      throw Reject.limit("Đoạn trích dài quá " + Limits.QUOTE + " ký tự", "The quote is longer than " + Limits.QUOTE + " characters");
    }
    Participant author = d.participant();
    requireFeedbackOpen(d);
    if (conf.drafts.current() == null) {
      throw Reject.wrongState("Chưa có dự thảo để góp ý", "There is no draft to annotate");
    }
    DraftNode node = conf.drafts.currentNode(c.nodeId());
    Anchor anchor = Anchor.wholeNode(node.id());
    if (c.quote() != null) {
      anchor = Anchoring.select(node.id(), node.text(), c.quote(), c.position()).orElseThrow(() -> Reject.invalid(
          "Đoạn trích không khớp với văn bản của " + node.label() + " tại vị trí đã chọn",
          "The quote does not match the text of " + node.label() + " at the given position"));
    }
    if (annotations.size() >= Limits.ANNOTATIONS) {
      throw Reject.limit("Đã đạt số góp ý tối đa", "The maximum number of annotations is reached");
    }
    d.emit(new AnnotationAdded(d.nextId("ann"), author.id(), author.endpointId(), conf.drafts.currentVersion(),
        node.id(), kind, body, replacement, anchor.quote(), anchor.position(), d.now));
  }

  private void reply(ReplyToAnnotation c, Decide d) {
    String body = Check.text(c.body(), Check.BODY, Limits.ANNOTATION_BODY, true, true);
    Annotation root = annotation(c.annotationId());
    Participant author = d.participant();
    if (root.reply()) {
      throw Reject.invalid("Hãy trả lời góp ý gốc của chuỗi thảo luận", "Reply to the first annotation of the thread");
    }
    requireFeedbackOpen(d);
    if (root.status() != AnnotationStatus.VISIBLE) {
      throw Reject.wrongState("Góp ý này đã bị ẩn hoặc xóa", "This annotation is hidden or deleted");
    }
    if (replyCounts.getOrDefault(root.id(), 0) >= Limits.REPLIES) {
      throw Reject.limit("Chuỗi thảo luận đã có tối đa " + Limits.REPLIES + " trả lời",
          "The thread already has the maximum of " + Limits.REPLIES + " replies");
    }
    if (annotations.size() >= Limits.ANNOTATIONS) {
      throw Reject.limit("Đã đạt số góp ý tối đa", "The maximum number of annotations is reached");
    }
    d.emit(new ReplyAdded(d.nextId("ann"), root.id(), author.id(), author.endpointId(), body, d.now));
  }

  private void edit(EditAnnotation c, Decide d) {
    String body = Check.text(c.body(), Check.BODY, Limits.ANNOTATION_BODY, true, true);
    Annotation a = annotation(c.annotationId());
    requireAuthor(a, d);
    String replacement = replacement(a.kind(), c.replacement());
    requireFeedbackOpen(d);
    if (a.status() != AnnotationStatus.VISIBLE) {
      throw Reject.wrongState("Không sửa được góp ý đã bị ẩn hoặc xóa", "A hidden or deleted annotation cannot be edited");
    }
    d.emit(new AnnotationEdited(a.id(), body, replacement, d.now));
  }

  private void delete(DeleteAnnotation c, Decide d) {
    Annotation a = annotation(c.annotationId());
    requireAuthor(a, d);
    requireFeedbackOpen(d);
    if (a.status() == AnnotationStatus.DELETED) {
      throw Reject.wrongState("Góp ý đã bị xóa", "The annotation is already deleted");
    }
    d.emit(new AnnotationDeleted(a.id(), d.now));
  }

  private void hide(HideAnnotation c, Decide d) {
    String reason = Check.text(c.reason(), Check.REASON, Limits.REASON, true, false);
    Annotation a = annotation(c.annotationId());
    if (a.status() != AnnotationStatus.VISIBLE) {
      throw Reject.wrongState("Chỉ ẩn được góp ý đang hiển thị", "Only a visible annotation can be hidden");
    }
    d.emit(new AnnotationHidden(a.id(), reason, d.actorName(), d.now));
  }

  private void restore(RestoreAnnotation c, Decide d) {
    Annotation a = annotation(c.annotationId());
    if (a.status() != AnnotationStatus.HIDDEN) {
      throw Reject.wrongState("Góp ý này không bị ẩn", "This annotation is not hidden");
    }
    d.emit(new AnnotationRestored(a.id(), a.body(), a.replacement()));
  }

  private void respond(RespondToAnnotation c, Decide d) {
    ResponseKind kind = Check.required(c.response(), "hình thức tiếp thu", "response");
    String text = Check.text(c.text(), new Check.Field("nội dung giải trình", "explanation"), Limits.RESPONSE_TEXT,
        kind == ResponseKind.EXPLAINED, true);
    Annotation a = annotation(c.annotationId());
    if (a.reply()) {
      throw Reject.invalid("Chỉ trả lời tiếp thu cho góp ý gốc", "Responses are given to the first annotation of a thread");
    }
    if (a.status() == AnnotationStatus.DELETED) {
      throw Reject.wrongState("Góp ý đã bị xóa", "The annotation is deleted");
    }
    d.emit(new AnnotationResponded(a.id(), kind, text, d.actorName(), d.now));
  }

  private Annotation annotation(String id) {
    Annotation a = id == null ? null : annotations.get(id);
    if (a == null) {
      throw Reject.notFound("Không tìm thấy góp ý " + id, "Annotation " + id + " not found");
    }
    return a;
  }

  private static void requireAuthor(Annotation a, Decide d) {
    if (!d.isParticipant() || !Objects.equals(a.authorId(), d.participant().id())) {
      throw Reject.forbidden("Chỉ người viết mới sửa hoặc xóa được góp ý", "Only the author may edit or delete an annotation");
    }
  }

  private static String replacement(AnnotationKind kind, String requested) {
    if (kind == AnnotationKind.PROPOSED_WORDING) {
      return Check.text(requested, Check.REPLACEMENT, Limits.REPLACEMENT, true, true);
    }
    if (requested != null && !requested.isBlank()) {
      throw Reject.invalid("Chỉ đề xuất sửa câu chữ mới có nội dung thay thế", "Only a proposed wording carries replacement text");
    }
    return null;
  }

  /** Feedback is taken from the scheduled conference until the feedback deadline; after it, it is refused. */
  private void requireFeedbackOpen(Decide d) {
    Instant deadline = conf.info().feedbackDeadline();
    // Say plainly that the window has closed (and when), rather than which statuses would have been right.
    if (conf.info().status() == ConferenceStatus.CLOSED) {
      throw Reject.wrongState("Đã hết thời gian nhận góp ý: hội nghị đã kết thúc" + (deadline == null ? "" : " (hạn góp ý: "
          + vietnamTime(deadline) + ")"), "Feedback is closed: the conference has ended");
    }
    conf.lifecycle.require(SCHEDULED, LIVE, FEEDBACK_OPEN);
    if (conf.info().status() == FEEDBACK_OPEN && !d.now.isBefore(deadline)) {
      throw Reject.wrongState("Đã hết hạn góp ý lúc " + vietnamTime(deadline) + "; không nhận thêm góp ý",
          "The feedback deadline (" + deadline + ") has passed; no more feedback is taken");
    }
  }

  private static String vietnamTime(Instant t) {
    return DateTimeFormatter.ofPattern("HH:mm 'ngày' d/M/yyyy").format(t.atZone(ZoneId.of("Asia/Ho_Chi_Minh")));
  }
}
