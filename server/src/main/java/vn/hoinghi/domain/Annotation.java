package vn.hoinghi.domain;

import java.time.Instant;
import vn.hoinghi.domain.anchoring.Anchor;

/**
 * A comment, question or proposed wording on the draft, or a reply ({@code replyTo} set, no anchor of its own).
 * {@code anchor} points into draft version {@code draftVersion}; {@code orphaned} means a later version no longer
 * contains the quoted text: the annotation is kept and listed, never dropped. A DELETED annotation keeps its place in
 * the thread but not its text.
 */
public record Annotation(String id, @Nullable String replyTo, String authorId, @Nullable String endpointId,
    AnnotationKind kind, @Nullable String body, @Nullable String replacement, @Nullable Anchor anchor, boolean orphaned,
    int draftVersion, Instant createdAt, @Nullable Instant editedAt, AnnotationStatus status,
    @Nullable String hiddenReason, @Nullable String hiddenBy, @Nullable Response response) {

  public boolean reply() {
    return replyTo != null;
  }

  Annotation withText(String newBody, String newReplacement, java.time.Instant at) {
    return new Annotation(id, replyTo, authorId, endpointId, kind, newBody, newReplacement, anchor, orphaned,
        draftVersion, createdAt, at, status, hiddenReason, hiddenBy, response);
  }

  Annotation withStatus(AnnotationStatus newStatus, String reason, String by) {
    return new Annotation(id, replyTo, authorId, endpointId, kind, body, replacement, anchor, orphaned, draftVersion,
        createdAt, editedAt, newStatus, reason, by, response);
  }

  Annotation withResponse(Response newResponse) {
    return new Annotation(id, replyTo, authorId, endpointId, kind, body, replacement, anchor, orphaned, draftVersion,
        createdAt, editedAt, status, hiddenReason, hiddenBy, newResponse);
  }

  Annotation withAnchor(Anchor newAnchor, boolean nowOrphaned, int version) {
    return new Annotation(id, replyTo, authorId, endpointId, kind, body, replacement, newAnchor, nowOrphaned, version,
        createdAt, editedAt, status, hiddenReason, hiddenBy, response);
  }
}
