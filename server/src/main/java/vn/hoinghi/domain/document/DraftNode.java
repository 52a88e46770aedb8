package vn.hoinghi.domain.document;

import java.util.List;
import java.util.Objects;

/**
 * One node of a draft. {@code number} is written as in the source ("I", "5", "2", "đ", "thứ nhất" is stored as "1"
 * for parts); {@code title} is the heading text of parts, chapters, sections and articles; {@code text} is the body
 * that belongs to this node itself (an article's intro, a clause's wording), never the text of its children.
 * Annotations select ranges of {@code text}.
 */
public record DraftNode(String id, NodeKind kind, String number, String title, String text, List<DraftNode> children) {

  public DraftNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(number, "number");
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    children = List.copyOf(children);
  }

  /** The heading as a reader sees it: "Chương I", "Mục 1", "Điều 5", "1.", "a)". */
  public String label() {
    return switch (kind) {
      case PART -> "Phần " + number;
      case CHAPTER -> "Chương " + number;
      case SECTION -> "Mục " + number;
      case SUBSECTION -> "Tiểu mục " + number;
      case ARTICLE -> "Điều " + number;
      case CLAUSE -> number + ".";
      case POINT -> number + ")";
      case ALTERNATIVE -> "Phương án " + number;
      case APPENDIX -> number.isEmpty() ? "Phụ lục" : "Phụ lục " + number;
    };
  }

  DraftNode withId(String newId, List<DraftNode> newChildren) {
    return new DraftNode(newId, kind, number, title, text, newChildren);
  }
}
