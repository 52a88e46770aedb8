package vn.hoinghi.report.revision;

import java.util.List;
import vn.hoinghi.domain.document.DraftDocument;
import vn.hoinghi.domain.document.DraftNode;

/**
 * A draft version written back as the Markdown the importer reads (the layout of the demo draft): the title and
 * preamble, "## Chương I" with its capitalized title on the next line, "### Điều 5. Tên", clauses "1." and points
 * "a)". Importing the result gives the same tree; that is what makes a revised draft an ordinary import.
 */
public final class DraftText {

  private DraftText() {}

  public static String render(DraftDocument d) {
    StringBuilder sb = new StringBuilder();
    for (String line : lines(d.header())) sb.append(line).append('\n');
    if (!d.title().isBlank()) sb.append("# ").append(d.title()).append('\n');
    for (String line : lines(d.preamble())) sb.append(line).append('\n');
    boolean closed = false;
    for (DraftNode n : d.nodes()) {
      if (n.kind() == vn.hoinghi.domain.document.NodeKind.APPENDIX && !closed) {
        closing(sb, d);
        closed = true;
      }
      node(sb, n);
    }
    if (!closed) closing(sb, d);
    return sb.toString();
  }

  private static void closing(StringBuilder sb, DraftDocument d) {
    if (d.closing().isBlank()) return;
    sb.append('\n');
    for (String line : lines(d.closing())) sb.append(line).append('\n');
  }

  /** One article as a reader sees it: its intro, then "1. …" and "a) …" lines, without the heading. */
  public static String articleBody(DraftNode article) {
    StringBuilder sb = new StringBuilder();
    for (String line : lines(article.text())) sb.append(line).append('\n');
    for (DraftNode c : article.children()) node(sb, c);
    return sb.toString().stripTrailing();
  }

  private static void node(StringBuilder sb, DraftNode n) {
    switch (n.kind()) {
      case PART, CHAPTER, SECTION, SUBSECTION -> {
        String marks = n.kind() == vn.hoinghi.domain.document.NodeKind.SECTION
            || n.kind() == vn.hoinghi.domain.document.NodeKind.SUBSECTION ? "### " : "## ";
        sb.append('\n').append(marks).append(n.label());
        if (!n.title().isBlank()) {
          if (upper(n.title())) sb.append('\n').append(marks).append(n.title());
          else sb.append(". ").append(n.title());
        }
        sb.append('\n');
        for (String line : lines(n.text())) sb.append(line).append('\n');
      }
      case ARTICLE -> {
        sb.append('\n').append("### ").append(n.label()).append(". ").append(n.title()).append('\n');
        for (String line : lines(n.text())) sb.append(line).append('\n');
      }
      case ALTERNATIVE -> {
        sb.append(n.label()).append(':');
        if (!n.text().isBlank()) sb.append(' ').append(n.text().lines().findFirst().orElse(""));
        sb.append('\n');
        lines(n.text()).stream().skip(1).forEach(line -> sb.append(line).append('\n'));
      }
      case APPENDIX -> {
        sb.append('\n').append(n.title().isBlank() ? n.label() : n.title()).append('\n');
        for (String line : lines(n.text())) sb.append(line).append('\n');
      }
      case CLAUSE, POINT -> {
        List<String> text = lines(n.text());
        sb.append(n.label());
        if (!text.isEmpty()) sb.append(' ').append(text.get(0));
        sb.append('\n');
        for (String line : text.subList(Math.min(1, text.size()), text.size())) sb.append(line).append('\n');
      }
    }
    for (DraftNode c : n.children()) node(sb, c);
  }

  private static List<String> lines(String text) {
    return text == null || text.isBlank() ? List.of() : text.lines().toList();
  }

  private static boolean upper(String s) {
    boolean letter = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLetter(cp)) {
        letter = true;
        if (Character.isLowerCase(cp)) return false;
      }
      i += Character.charCount(cp);
    }
    return letter;
  }
}
