package vn.hoinghi.domain.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One version's text: the title and preamble lines above the first heading, and the tree of nodes. */
public record DraftDocument(String title, String preamble, List<DraftNode> nodes) {

  public DraftDocument {
    title = title == null ? "" : title;
    preamble = preamble == null ? "" : preamble;
    nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
  }

  /** Every node in reading order (a parent before its children). */
  public List<DraftNode> allNodes() {
    List<DraftNode> out = new ArrayList<>();
    collect(nodes, out);
    return out;
  }

  public List<DraftNode> articles() {
    return allNodes().stream().filter(n -> n.kind() == NodeKind.ARTICLE).toList();
  }

  public List<DraftNode> chapters() {
    return allNodes().stream().filter(n -> n.kind() == NodeKind.CHAPTER).toList();
  }

  public Optional<DraftNode> find(String id) {
    return allNodes().stream().filter(n -> n.id().equals(id)).findFirst();
  }

  private static void collect(List<DraftNode> level, List<DraftNode> out) {
    for (DraftNode n : level) {
      out.add(n);
      collect(n.children(), out);
    }
  }
}
