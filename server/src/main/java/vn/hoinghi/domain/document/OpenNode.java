package vn.hoinghi.domain.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A node of the tree under construction. {@code lastChild} is the ordinal of its last numbered child of the next level. */
final class OpenNode {
  final NodeKind kind;
  final String number;
  final int ordinal;
  String title = "";
  final List<String> text = new ArrayList<>();
  final List<OpenNode> children = new ArrayList<>();
  int lastChild;
  int lastAlternative;
  OpenNode parent;

  OpenNode(NodeKind kind, String number, int ordinal) {
    this.kind = kind;
    this.number = number;
    this.ordinal = ordinal;
  }

  /** The tree with structural ids: each node's id from its parent's, its kind and number, unique in the tree. */
  static List<DraftNode> toDraftNodes(List<OpenNode> roots) {
    Set<String> taken = new HashSet<>();
    Map<String, Integer> nextSuffix = new HashMap<>();
    List<DraftNode> out = new ArrayList<>();
    for (OpenNode o : roots) {
      out.add(build(o, null, taken, nextSuffix));
    }
    return out;
  }

  private static DraftNode build(OpenNode o, String parentId, Set<String> taken, Map<String, Integer> nextSuffix) {
    String id = StableIds.unique(StableIds.structural(parentId, o.kind, o.number, o.ordinal), taken, nextSuffix);
    taken.add(id);
    List<DraftNode> children = new ArrayList<>();
    for (OpenNode c : o.children) {
      children.add(build(c, id, taken, nextSuffix));
    }
    return new DraftNode(id, o.kind, o.number, o.title, String.join("\n", o.text), children);
  }
}
