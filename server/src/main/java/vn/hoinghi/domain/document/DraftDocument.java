package vn.hoinghi.domain.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version's text: the title and preamble lines above the first heading, and the tree of nodes. {@code header} is
 * the national header and agency block above the title (Quốc hiệu, tiêu ngữ, issuing body, number, place and date, a
 * "Dự thảo" mark), {@code contents} a table of contents (MỤC LỤC) found before the body, {@code closing} what follows
 * the last article before any appendix: the adoption sentence ("Luật này đã được … thông qua ngày …"), signature and
 * "Nơi nhận" block. All three are kept as metadata, lines joined by "\n"; empty when absent (and in versions imported
 * before they existed).
 */
public record DraftDocument(String title, String preamble, List<DraftNode> nodes, String header, String contents,
    String closing) {

  public DraftDocument {
    title = title == null ? "" : title;
    preamble = preamble == null ? "" : preamble;
    nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
    header = header == null ? "" : header;
    contents = contents == null ? "" : contents;
    closing = closing == null ? "" : closing;
  }

  public DraftDocument(String title, String preamble, List<DraftNode> nodes) {
    this(title, preamble, nodes, "", "", "");
  }

  /** The same document with another tree (ids carried over, revised wording). */
  public DraftDocument withNodes(List<DraftNode> newNodes) {
    return new DraftDocument(title, preamble, newNodes, header, contents, closing);
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
