package vn.hoinghi.report;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.domain.document.NodeKind;

/**
 * The places of one draft version as a reader names them ("Điều 5, khoản 2, điểm a"), their articles and document
 * order; and the reverse: a place written by a person (with or without diacritics, commas or "Điều"/"khoản" spelled
 * out) → the node.
 */
public final class DraftPlaces {
  final Map<String, String> labelOf = new HashMap<>();
  final Map<String, String> articleOf = new HashMap<>();
  final Map<String, Integer> order = new HashMap<>();
  final Map<String, DraftNode> nodes = new HashMap<>();
  private final Map<String, String> byKey = new HashMap<>();

  public DraftPlaces(DraftDocument d) {
    index(d.nodes(), null, "");
  }

  /** The label of a node ("Điều 5, khoản 2"); null when the version has no such node. */
  public String label(String nodeId) {
    return labelOf.get(nodeId);
  }

  /** The node a written place names, or null. "Điều 5 khoản 2", "điều 5, k2" and "Dieu 5, khoan 2" all name one. */
  public String find(String place) {
    return place == null ? null : byKey.get(key(place));
  }

  /** Compared without diacritics, case, punctuation; "k"/"đ" abbreviations spelled out. */
  static String key(String s) {
    String t = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    t = t.replaceAll("\\bk\\s*(\\d)", "khoan $1").replaceAll("\\bdiem\\s+", "diem ");
    t = t.replaceAll("(dieu|khoan|chuong|muc|phan) ?(\\d)", "$1 $2");
    return t.replaceAll("\\s+", " ");
  }

  private void index(List<DraftNode> level, DraftNode article, String parentLabel) {
    for (DraftNode n : level) {
      DraftNode a = n.kind() == NodeKind.ARTICLE ? n : article;
      String label = switch (n.kind()) {
        case PART, CHAPTER, SECTION, SUBSECTION, ARTICLE, APPENDIX -> n.label();
        case CLAUSE -> parentLabel + ", khoản " + n.number();
        case POINT -> parentLabel + ", điểm " + n.number();
        case ALTERNATIVE -> parentLabel + ", phương án " + n.number();
      };
      labelOf.put(n.id(), label);
      byKey.putIfAbsent(key(label), n.id());
      order.put(n.id(), order.size());
      nodes.put(n.id(), n);
      if (a != null) articleOf.put(n.id(), a.id());
      index(n.children(), a, label);
    }
  }
}
