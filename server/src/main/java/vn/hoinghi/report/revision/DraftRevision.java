package vn.hoinghi.report.revision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hoinghi.domain.Annotation;
import vn.hoinghi.domain.AnnotationKind;
import vn.hoinghi.domain.AnnotationStatus;
import vn.hoinghi.domain.anchoring.Anchor;
import vn.hoinghi.domain.anchoring.Anchoring;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.DraftImporter;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.domain.document.ImportResult;
import vn.hoinghi.domain.document.NodeKind;

/**
 * Composes the text of version N+1: version N with the accepted proposed wordings put in place of the passages they
 * quote (or of the whole node when they quote none), and free edits of a node's title or text. Pure; the result is
 * checked with the importer, and the server imports it as any draft, so stable ids, re-anchoring and orphans follow
 * the core's rules.
 */
public final class DraftRevision {

  private DraftRevision() {}

  /** A free edit: a node's new title and/or text (null leaves it as it is). */
  public record NodeEdit(String nodeId, String title, String text) {}

  /** A proposed wording put into the text: where, what it replaced, and with what. */
  public record Applied(String annotationId, String nodeId, String before, String after) {}

  /** {@code alternatives}: for each group of alternative wordings, the one kept (the others are dropped). */
  public record Result(String text, List<Applied> applied, List<String> editedNodes,
      List<AlternativeChoice.Chosen> alternatives) {}

  /** The revision cannot be composed; {@code details} says why, item by item, in Vietnamese and English. */
  public static final class Refused extends RuntimeException {
    public final List<String> details;

    public Refused(List<String> details) {
      super(String.join("; ", details), null, false, false);
      this.details = List.copyOf(details);
    }
  }

  /** For a base version without alternative wordings. */
  public static Result compose(DraftDocument base, int baseVersion, List<Annotation> accepted, List<NodeEdit> edits) {
    return compose(base, baseVersion, accepted, edits, List.of());
  }

  /**
   * {@code chosen} (from {@link AlternativeChoice#resolve}) names the alternative kept in each group: its wording
   * joins its parent's text and its clauses or points take its place; the other alternatives are dropped, and an
   * accepted wording or an edit inside a dropped one is refused rather than lost.
   */
  public static Result compose(DraftDocument base, int baseVersion, List<Annotation> accepted, List<NodeEdit> edits,
      List<AlternativeChoice.Chosen> chosen) {
    Map<String, DraftNode> nodes = new LinkedHashMap<>();
    base.allNodes().forEach(n -> nodes.put(n.id(), n));
    List<String> problems = new ArrayList<>();
    Anchoring.Target target = new Anchoring.Target(base);
    Map<String, List<Change>> byNode = new HashMap<>();
    for (Annotation a : accepted) {
      if (a.reply() || a.kind() != AnnotationKind.PROPOSED_WORDING || a.replacement() == null) {
        problems.add(a.id() + ": không phải đề xuất sửa câu chữ / not a proposed wording");
        continue;
      }
      if (a.status() != AnnotationStatus.VISIBLE) {
        problems.add(a.id() + ": góp ý đã bị ẩn hoặc xóa / the annotation is hidden or deleted");
        continue;
      }
      Anchoring.Result found = target.reanchor(a.anchor());
      Anchor anchor = found.anchor();
      DraftNode node = nodes.get(anchor.nodeId());
      if (found.orphaned() || node == null) {
        problems.add(a.id() + ": đoạn trích không còn trong dự thảo lần " + baseVersion + " / the quoted passage is not in version "
            + baseVersion);
        continue;
      }
      int start = anchor.coversWholeNode() ? 0 : anchor.position().start();
      int end = anchor.coversWholeNode() ? node.text().length() : anchor.position().end();
      byNode.computeIfAbsent(node.id(), k -> new ArrayList<>()).add(new Change(a.id(), start, end, a.replacement()));
    }
    Map<String, NodeEdit> edited = new LinkedHashMap<>();
    for (NodeEdit e : edits) {
      if (!nodes.containsKey(e.nodeId())) {
        problems.add(e.nodeId() + ": không có trong dự thảo lần " + baseVersion + " / not in version " + baseVersion);
      } else if (edited.put(e.nodeId(), e) != null) {
        problems.add(e.nodeId() + ": sửa hai lần / edited twice");
      } else if (e.text() != null && byNode.containsKey(e.nodeId())) {
        problems.add(e.nodeId() + ": vừa sửa trực tiếp vừa tiếp thu đề xuất / both edited and changed by an accepted wording");
      }
    }
    List<Applied> applied = new ArrayList<>();
    Map<String, String> newText = new HashMap<>();
    for (Map.Entry<String, List<Change>> e : byNode.entrySet()) {
      String text = nodes.get(e.getKey()).text();
      List<Change> changes = new ArrayList<>(e.getValue());
      changes.sort(Comparator.comparingInt(Change::start));
      for (int i = 1; i < changes.size(); i++) {
        if (changes.get(i).start() < changes.get(i - 1).end()) {
          problems.add(changes.get(i - 1).annotationId() + ", " + changes.get(i).annotationId()
              + ": hai đề xuất sửa cùng một đoạn / two wordings change overlapping passages");
        }
      }
      StringBuilder sb = new StringBuilder(text);
      for (int i = changes.size() - 1; i >= 0; i--) {
        Change c = changes.get(i);
        sb.replace(c.start(), c.end(), c.replacement());
      }
      for (Change c : changes) {
        applied.add(new Applied(c.annotationId(), e.getKey(), text.substring(c.start(), c.end()), c.replacement()));
      }
      newText.put(e.getKey(), sb.toString());
    }
    Map<String, String> keep = new HashMap<>();
    chosen.forEach(c -> keep.put(c.groupId(), c.alternativeId()));
    Map<String, String> dropped = droppedAlternatives(base.nodes(), keep);
    for (Map.Entry<String, List<Change>> e : byNode.entrySet()) {
      if (dropped.containsKey(e.getKey())) {
        e.getValue().forEach(c -> problems.add(c.annotationId() + ": nằm trong " + dropped.get(e.getKey())
            + " không được chọn / is inside an alternative that is not kept"));
      }
    }
    edited.keySet().stream().filter(dropped::containsKey).forEach(id -> problems.add(id + ": nằm trong "
        + dropped.get(id) + " không được chọn / is inside an alternative that is not kept"));
    if (!problems.isEmpty()) {
      throw new Refused(problems);
    }
    edited.values().forEach(e -> {
      if (e.text() != null) newText.put(e.nodeId(), e.text());
    });
    DraftDocument revised = base.withNodes(rebuild(base.nodes(), newText, edited, keep));
    String text = DraftText.render(revised);
    ImportResult check = DraftImporter.parse(text);
    if (!check.ok()) {
      throw new Refused(check.problems().stream().limit(50).map(p -> p.describe()).toList());
    }
    applied.sort(Comparator.comparing(Applied::annotationId));
    return new Result(text, applied, List.copyOf(edited.keySet()), List.copyOf(chosen));
  }

  private record Change(String annotationId, int start, int end, String replacement) {}

  private static List<DraftNode> rebuild(List<DraftNode> level, Map<String, String> text, Map<String, NodeEdit> edits,
      Map<String, String> keep) {
    List<DraftNode> out = new ArrayList<>();
    for (DraftNode n : level) {
      NodeEdit e = edits.get(n.id());
      String title = e != null && e.title() != null ? e.title() : n.title();
      String body = text.getOrDefault(n.id(), n.text());
      String kept = keep.get(n.id());
      List<DraftNode> children = new ArrayList<>();
      for (DraftNode c : n.children()) {
        if (c.kind() != NodeKind.ALTERNATIVE || kept == null) {
          children.addAll(rebuild(List.of(c), text, edits, keep));
        } else if (c.id().equals(kept)) {
          // The kept wording becomes the parent's own: its text after the parent's, its clauses or points in its place.
          String own = text.getOrDefault(c.id(), c.text());
          body = body.isBlank() ? own : own.isBlank() ? body : body + "\n" + own;
          children.addAll(rebuild(c.children(), text, edits, keep));
        }
      }
      out.add(new DraftNode(n.id(), n.kind(), n.number(), title, body, children));
    }
    return out;
  }

  /** Every node inside an alternative that is not kept, with that alternative's label. */
  private static Map<String, String> droppedAlternatives(List<DraftNode> level, Map<String, String> keep) {
    Map<String, String> out = new HashMap<>();
    for (DraftNode n : level) {
      String kept = keep.get(n.id());
      for (DraftNode c : n.children()) {
        if (c.kind() == NodeKind.ALTERNATIVE && kept != null && !c.id().equals(kept)) {
          String label = c.label() + " (" + n.label() + ")";
          out.put(c.id(), label);
          c.children().forEach(x -> mark(x, label, out));
        }
      }
      out.putAll(droppedAlternatives(n.children(), keep));
    }
    return out;
  }

  private static void mark(DraftNode n, String label, Map<String, String> out) {
    out.put(n.id(), label);
    n.children().forEach(c -> mark(c, label, out));
  }
}
