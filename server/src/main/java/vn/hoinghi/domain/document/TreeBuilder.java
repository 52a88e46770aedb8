package vn.hoinghi.domain.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Builds the tree from the body's lines: headings, articles, clauses, points, alternatives (Phương án), quotations of
 * an amended law, then the closing block (adoption sentence, signature, Nơi nhận) and appendices. Every line is placed
 * or reported.
 */
final class TreeBuilder {

  private enum Stage { BODY, CLOSING, APPENDIX }

  private final String[] lines;
  private final int maxNodes;
  private final Problems problems;
  private final Quotations quotes = new Quotations();
  final List<OpenNode> roots = new ArrayList<>();
  final List<String> closing = new ArrayList<>();
  /** The 1-based line of each appendix heading, in order. */
  final List<Integer> appendixLines = new ArrayList<>();
  private Stage stage = Stage.BODY;
  private OpenNode part;
  private OpenNode chapter;
  private OpenNode section;
  private OpenNode subsection;
  private OpenNode article;
  private OpenNode clause;
  private OpenNode point;
  private OpenNode alternative;
  private OpenNode appendix;
  private int lastPart;
  private int lastChapter;
  private int lastArticle;
  private int appendices;
  int nodeCount;
  int articleCount;
  private int titledArticles;
  private final List<int[]> untitled = new ArrayList<>();

  private final HeadingTitles titles;

  TreeBuilder(String[] lines, int maxNodes, Problems problems, boolean printed) {
    this.lines = lines;
    this.maxNodes = maxNodes;
    this.problems = problems;
    this.titles = new HeadingTitles(lines, problems, printed);
  }

  /** The tree with structural ids. */
  List<DraftNode> nodes() {
    return OpenNode.toDraftNodes(roots);
  }

  void run(int from) {
    for (int i = from; i < lines.length && nodeCount <= maxNodes; i++) {
      if (!lines[i].isEmpty()) {
        place(lines[i], i + 1);
      }
    }
    if (quotes.open()) {
      problems.add(quotes.openedAt(), "Ngoặc kép mở ở dòng này không được đóng: phần trích dẫn kéo đến hết văn bản",
          "The quotation opened on this line is never closed: the quoted text runs to the end of the document");
    }
    if (titledArticles > 0) {
      for (int[] u : untitled) {
        problems.add(u[0], "Điều " + u[1] + " không có tên điều", "Article " + u[1] + " has no title");
      }
    }
  }

  private int currentLine;

  /** The last non-empty line placed, to tell a heading from a sentence broken by the page width. */
  private String previous;

  private void place(String line, int no) {
    currentLine = no;
    String before = previous;
    previous = line;
    if (quotes.open()) {
      innermost().text.add(line);
      quotes.inside(line);
      return;
    }
    if (stage == Stage.APPENDIX) {
      if (appendixHeading(line)) {
        openAppendix(line);
      } else {
        appendix.text.add(line);
      }
      return;
    }
    if (stage == Stage.CLOSING) {
      if (appendixHeading(line) || LineShapes.ATTACHMENT.matcher(line).matches()
          || LineShapes.APPENDIX.matcher(line).matches()) {
        openAppendix(line);
      } else {
        closing.add(line);
      }
      return;
    }
    if (articleCount > 0 && appendixHeading(line)) {
      openAppendix(line);
      return;
    }
    if (articleCount > 0 && (LineShapes.ADOPTION.matcher(line).matches() || LineShapes.SIGNATURE.matcher(line).matches())) {
      stage = Stage.CLOSING;
      closing.add(line);
      return;
    }
    if (titles.takes(line, no)) {
      return;
    }
    if (article != null && LineShapes.brokenReference(before, line)) {
      body(line); // "… theo quy định tại" / "Điều 35 của Bộ luật này.": one sentence over two lines
      afterText(line, no);
      return;
    }
    Matcher m;
    if ((m = LineShapes.PART.matcher(line)).matches()) {
      openPart(m, no);
    } else if ((m = LineShapes.partyChapter(line)) != null || (m = LineShapes.CHAPTER.matcher(line)).matches()) {
      openChapter(m, no);
    } else if (LineShapes.CHAPTER_ARABIC.matcher(line).matches()) {
      problems.add(no, "Số chương phải viết bằng chữ số La Mã (Chương I, Chương II…): \"" + LineShapes.shorten(line) + "\"",
          "Chapter numbers must be Roman numerals (Chương I, Chương II…): \"" + LineShapes.shorten(line) + "\"");
    } else if ((m = LineShapes.SECTION.matcher(line)).matches()) {
      openSection(m, no);
    } else if ((m = LineShapes.SUBSECTION.matcher(line)).matches()) {
      openSubsection(m, no);
    } else if ((m = LineShapes.ARTICLE.matcher(line)).matches()) {
      openArticle(m, no);
    } else if ((m = LineShapes.ALTERNATIVE.matcher(line)).matches()) {
      openAlternative(m, no);
    } else if ((m = LineShapes.CLAUSE.matcher(line)).matches()) {
      openClause(m, no);
      afterText(m.group("t"), no);
    } else if ((m = LineShapes.CLAUSE_NO_PERIOD.matcher(line)).matches() && nextClause(m.group("n"))) {
      problems.add(no, "Sau số khoản \"" + m.group("n") + "\" thiếu dấu chấm (viết \"" + m.group("n") + ". …\")",
          "The clause number \"" + m.group("n") + "\" lacks its period (write \"" + m.group("n") + ". …\")");
      openClause(m, no);
      afterText(m.group("t"), no);
    } else if ((m = LineShapes.POINT.matcher(line)).matches()) {
      openPoint(m, no);
      afterText(m.group("t"), no);
    } else {
      body(line);
      afterText(line, no);
    }
  }

  private void afterText(String text, int no) {
    if (article != null && text != null) {
      quotes.afterLine(text, no);
    }
  }

  private OpenNode innermost() {
    OpenNode t = point != null ? point : clause != null ? clause : alternative != null ? alternative
        : article != null ? article : subsection != null ? subsection : section != null ? section
        : chapter != null ? chapter : part;
    return t;
  }

  private void openPart(Matcher m, int no) {
    String number = m.group("n").replaceAll("\\s+", " ");
    int ordinal = Numbering.partOrdinal(number);
    if (ordinal < 0) {
      problems.add(no, "Không hiểu số thứ tự của phần \"" + number + "\"", "Cannot read the part number \"" + number + "\"");
      return;
    }
    OpenNode o = new OpenNode(NodeKind.PART, number, ordinal);
    if (!titles.read(o, m, no)) {
      return;
    }
    lastPart = Problems.checkOrder(problems, NodeKind.PART, lastPart, ordinal, number, no);
    part = o;
    chapter = section = subsection = null;
    closeArticle();
    add(roots, o);
  }

  private void openChapter(Matcher m, int no) {
    String number = m.group("n");
    int ordinal = Numbering.roman(number);
    if (ordinal < 0) {
      problems.add(no, "\"" + number + "\" không phải số La Mã hợp lệ", "\"" + number + "\" is not a valid Roman numeral");
      return;
    }
    OpenNode o = new OpenNode(NodeKind.CHAPTER, number, ordinal);
    if (!titles.read(o, m, no)) {
      return;
    }
    lastChapter = Problems.checkOrder(problems, NodeKind.CHAPTER, lastChapter, ordinal, number, no);
    chapter = o;
    section = subsection = null;
    closeArticle();
    add(part != null ? part.children : roots, o);
  }

  private void openSection(Matcher m, int no) {
    String number = m.group("n");
    if (chapter == null) {
      problems.add(no, "Mục " + number + " nằm ngoài chương (mục chỉ được đặt trong một chương)",
          "Section " + number + " is outside any chapter (a section must be inside a chapter)");
      return;
    }
    OpenNode o = new OpenNode(NodeKind.SECTION, number, Numbering.ordinal(NodeKind.SECTION, number));
    if (!titles.read(o, m, no)) {
      return;
    }
    chapter.lastChild = Problems.checkOrder(problems, NodeKind.SECTION, chapter.lastChild, o.ordinal, number, no);
    section = o;
    subsection = null;
    closeArticle();
    add(chapter.children, o);
  }

  private void openSubsection(Matcher m, int no) {
    String number = m.group("n");
    if (section == null) {
      problems.add(no, "Tiểu mục " + number + " nằm ngoài mục (tiểu mục chỉ được đặt trong một mục)",
          "Subsection " + number + " is outside any section (a subsection must be inside a section)");
      return;
    }
    OpenNode o = new OpenNode(NodeKind.SUBSECTION, number, Numbering.ordinal(NodeKind.SUBSECTION, number));
    if (!titles.read(o, m, no)) {
      return;
    }
    section.lastChild = Problems.checkOrder(problems, NodeKind.SUBSECTION, section.lastChild, o.ordinal, number, no);
    subsection = o;
    closeArticle();
    add(section.children, o);
  }

  private void openArticle(Matcher m, int no) {
    String number = m.group("n");
    if (m.group("loose") != null) {
      problems.add(no, "Sau \"Điều " + number + "\" phải có dấu chấm rồi đến tên điều: \"" + LineShapes.shorten(m.group(0)) + "\"",
          "\"Điều " + number + "\" must be followed by a period and the article's title: \""
              + LineShapes.shorten(m.group(0)) + "\"");
      // Still opened, so that its clauses are not counted against the previous article (one cause, one report).
    }
    int[] num = Numbering.inserted(number);
    OpenNode o = new OpenNode(NodeKind.ARTICLE, number, num[1] == 0 ? num[0] : 0);
    String given = m.group("sep") != null ? m.group("sep") : m.group("loose");
    o.title = given == null ? "" : given.strip();
    if (o.title.isEmpty()) {
      untitled.add(new int[] {no, num[0]});
    } else {
      titledArticles++;
    }
    titles.article(o);
    lastArticle = Problems.checkInsertedOrder(problems, NodeKind.ARTICLE, lastArticle, num, number, no);
    closeArticle();
    article = o;
    articleCount++;
    add(subsection != null ? subsection.children : section != null ? section.children
        : chapter != null ? chapter.children : part != null ? part.children : roots, o);
  }

  private void closeArticle() {
    article = clause = point = alternative = null;
  }

  private void openAlternative(Matcher m, int no) {
    String number = m.group("n");
    if (article == null) {
      problems.add(no, "Phương án " + number + " không nằm trong điều nào (phương án là cách viết khác của một điều hoặc một khoản)",
          "Alternative " + number + " is not inside any article (an alternative is another wording of an article or clause)");
      return;
    }
    int ordinal = Numbering.arabic(number);
    OpenNode parent;
    if (alternative != null && ordinal != 1) {
      parent = alternative.parent; // the next alternative of the same group
    } else {
      parent = clause != null && alternative == null ? clause : article;
      if (alternative != null && parent == alternative.parent) {
        parent.lastAlternative = 0; // "Phương án 1" again under the same parent: a new group
      }
    }
    parent.lastAlternative = Problems.checkOrder(problems, NodeKind.ALTERNATIVE, parent.lastAlternative, ordinal, number, no);
    OpenNode o = new OpenNode(NodeKind.ALTERNATIVE, number, ordinal);
    o.parent = parent;
    String t = m.group("t");
    if (t != null && !t.isBlank()) {
      o.text.add(t.strip());
    }
    parent.children.add(o);
    nodeCount++;
    alternative = o;
    if (parent == article) {
      clause = null;
    }
    point = null;
    afterText(t, no);
  }

  private void openClause(Matcher m, int no) {
    String number = m.group("n");
    if (article == null) {
      problems.add(no, "Khoản \"" + number + ".\" không nằm trong điều nào", "Clause \"" + number + ".\" is not inside any article");
      return;
    }
    if (alternative != null && alternative.parent != article) {
      alternative = null; // a clause after the alternatives of a clause continues the article
    }
    OpenNode owner = alternative != null ? alternative : article;
    int[] num = Numbering.inserted(number);
    owner.lastChild = Problems.checkInsertedOrder(problems, NodeKind.CLAUSE, owner.lastChild, num, number, no);
    OpenNode o = new OpenNode(NodeKind.CLAUSE, number, num[1] == 0 ? num[0] : 0);
    addText(o, m.group("t"));
    clause = o;
    point = null;
    add(owner.children, o);
  }

  /** Whether {@code number} is the next clause number of the open article (or alternative). */
  private boolean nextClause(String number) {
    if (article == null) {
      return false;
    }
    OpenNode owner = alternative != null && alternative.parent == article ? alternative : article;
    return Numbering.arabic(number) == owner.lastChild + 1;
  }

  private void openPoint(Matcher m, int no) {
    String number = m.group("n");
    OpenNode owner = alternative != null && alternative.parent == clause ? alternative : clause;
    if (owner == null) {
      problems.add(no, "Điểm \"" + number + ")\" không nằm trong khoản nào", "Point \"" + number + ")\" is not inside any clause");
      return;
    }
    int ordinal = Numbering.ordinal(NodeKind.POINT, number);
    if (ordinal < 0) {
      problems.add(no, "\"" + number + ")\" không thuộc bảng chữ cái tiếng Việt dùng cho điểm (a, b, c, d, đ, e, g…)",
          "\"" + number + ")\" is not a letter used for points (a, b, c, d, đ, e, g…)");
      return;
    }
    owner.lastChild = Problems.checkOrder(problems, NodeKind.POINT, owner.lastChild, ordinal, number, no);
    OpenNode o = new OpenNode(NodeKind.POINT, number, ordinal);
    addText(o, m.group("t"));
    point = o;
    add(owner.children, o);
  }

  private boolean appendixHeading(String line) {
    Matcher m = LineShapes.APPENDIX.matcher(line);
    return m.matches() && (m.group("n") != null || LineShapes.isUpperCase(line.substring(0, 7)));
  }

  private void openAppendix(String line) {
    Matcher m = LineShapes.APPENDIX.matcher(line);
    String number = m.matches() && m.group("n") != null ? m.group("n") : "";
    appendices++;
    appendixLines.add(currentLine);
    OpenNode o = new OpenNode(NodeKind.APPENDIX, number, appendices);
    o.title = line;
    appendix = o;
    stage = Stage.APPENDIX;
    part = chapter = section = subsection = null;
    closeArticle();
    add(roots, o);
  }

  private void body(String line) {
    OpenNode target = innermost();
    if (target == null) {
      // Only after a reported line (a clause before any article…): that report names the cause.
      problems.add(currentLine, "Dòng văn bản không thuộc phần, chương hay điều nào (xem lỗi ở dòng phía trên)",
          "Text outside any part, chapter or article (see the problem reported above it)");
      return;
    }
    target.text.add(line);
  }

  private static void addText(OpenNode o, String t) {
    if (t != null && !t.isBlank()) {
      o.text.add(t.strip());
    }
  }

  private void add(List<OpenNode> level, OpenNode o) {
    level.add(o);
    nodeCount++;
  }
}
