package vn.hoinghi.domain.document;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Reads a draft written in the Vietnamese legal layout, as plain text or Markdown, into a {@link DraftDocument}.
 *
 * <p>It never guesses silently: every line is placed in the document (header, title, preamble, table of contents,
 * a node of the tree, the closing block, an appendix) or reported with its 1-based line number and the cause, and a
 * draft with problems must not be accepted. The work is split: {@link LineShapes} says what a line looks like,
 * {@link FrontMatter} reads what comes before the body, {@link TreeBuilder} builds the tree with the help of
 * {@link Quotations} for amending laws; {@link PrintedLayout} first blanks the furniture of a printed page (each
 * such line a notice). Ids in the result are the structural ids of a first version ({@code d5},
 * {@code d5.k2}, {@code d5.k2.a}); {@link StableIds} carries ids over from a previous version.
 */
public final class DraftImporter {

  /** Upper bound of a draft's UTF-8 size: a long law is a few hundred kilobytes, 2 MB leaves room. */
  public static final int MAX_TEXT_BYTES = 2 * 1024 * 1024;
  /** Upper bound of the node count, so one import cannot grow the state without limit. */
  public static final int MAX_NODES = 20_000;

  private DraftImporter() {}

  /** Parses a draft; pure, so the REST layer can call it to preview an import. */
  public static ImportResult parse(String text) {
    if (text == null) {
      text = "";
    }
    if (text.length() > MAX_TEXT_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
      return new ImportResult(new DraftDocument("", "", List.of()), List.of(new ImportProblem(1,
          "Văn bản vượt quá " + MAX_TEXT_BYTES / (1024 * 1024) + " MB",
          "The text is larger than " + MAX_TEXT_BYTES / (1024 * 1024) + " MB")));
    }
    String[] lines = text.split("\\r\\n|\\r|\\n", -1);
    boolean sawText = false;
    for (int i = 0; i < lines.length; i++) {
      lines[i] = LineShapes.clean(lines[i]);
      sawText |= !lines[i].isEmpty();
    }
    boolean printed = Arrays.stream(lines).anyMatch(l -> PrintedLayout.GAZETTE_HEAD.matcher(l).matches());
    List<ImportProblem> notices = PrintedLayout.strip(lines);
    Problems problems = new Problems();
    FrontMatter front = FrontMatter.read(lines);
    problems.list.addAll(front.problems);
    TreeBuilder tree = new TreeBuilder(lines, MAX_NODES, problems, printed);
    tree.run(front.bodyStart);
    if (!sawText) {
      problems.add(1, "Văn bản trống", "The document is empty");
    } else if (tree.articleCount == 0) {
      problems.add(1, "Văn bản không có điều nào (dòng dạng \"Điều 1. Tên điều\")",
          "The document has no article (a line such as \"Điều 1. Title\")");
    }
    if (tree.nodeCount > MAX_NODES) {
      problems.add(lines.length, "Văn bản có quá " + MAX_NODES + " mục", "The document has more than " + MAX_NODES + " nodes");
    }
    attachedArticles(lines, tree.appendixLines, notices);
    List<ImportProblem> sorted = problems.list.stream().sorted(Comparator.comparingInt(ImportProblem::line)).toList();
    DraftDocument doc = new DraftDocument(front.title, String.join("\n", front.preamble), tree.nodes(),
        String.join("\n", front.header), String.join("\n", front.contents), String.join("\n", tree.closing));
    return new ImportResult(doc, sorted, notices.stream().sorted(Comparator.comparingInt(ImportProblem::line)).toList());
  }

  /**
   * A notice at each appendix that holds articles of its own ("Điều 1. …": a Quy chế issued by the decree above it):
   * they stay the appendix's text, so the reader is told how to discuss them article by article.
   */
  private static void attachedArticles(String[] lines, List<Integer> starts, List<ImportProblem> notices) {
    for (int a = 0; a < starts.size(); a++) {
      int heading = starts.get(a);
      int end = a + 1 < starts.size() ? starts.get(a + 1) - 1 : lines.length;
      int count = 0;
      for (int i = heading; i < end; i++) {
        Matcher m = LineShapes.ARTICLE.matcher(lines[i]);
        count += m.matches() && m.group("sep") != null ? 1 : 0;
      }
      if (count > 0) {
        String shown = "\"" + LineShapes.shorten(lines[heading - 1]) + "\"";
        notices.add(new ImportProblem(heading, "Văn bản kèm theo " + shown + " có " + count + " điều riêng: các điều "
            + "này được giữ nguyên là nội dung của phụ lục, không thành điều của dự thảo; muốn lấy ý kiến theo từng "
            + "điều, hãy nhập riêng văn bản kèm theo, từ dòng này",
            "The attached document " + shown + " has " + count + " articles of its own: they are kept as the "
                + "appendix's text, not as articles of the draft; to take opinions article by article, import the "
                + "attached document on its own, from this line"));
      }
    }
  }

  /** A line as the importer sees it (see {@link LineShapes#clean}). */
  static String clean(String raw) {
    return LineShapes.clean(raw);
  }
}
