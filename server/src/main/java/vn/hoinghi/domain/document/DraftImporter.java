package vn.hoinghi.domain.document;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a draft written in the Vietnamese legal layout, as plain text or Markdown, into a {@link DraftDocument}.
 *
 * <p>It never guesses silently: every line it cannot place (a clause outside an article, a point outside a clause, a
 * section outside a chapter, numbers out of order, an article without a title, an unclear heading) is reported with
 * its 1-based line number, and a draft with problems must not be accepted. Ids in the result are the structural ids
 * of a first version ({@code d5}, {@code d5.k2}, {@code d5.k2.a}); {@link StableIds} carries ids over from a
 * previous version.
 */
public final class DraftImporter {

  /** Upper bound of a draft's UTF-8 size: a long law is a few hundred kilobytes, 2 MB leaves room. */
  public static final int MAX_TEXT_BYTES = 2 * 1024 * 1024;
  /** Upper bound of the node count, so one import cannot grow the state without limit. */
  public static final int MAX_NODES = 20_000;

  // Keywords are matched case-insensitively ("CHƯƠNG I", "Chương I"); Roman numerals only in upper case, so that
  // ordinary words ("Chương trình", "Mục tiêu", "Phần lớn") stay body text.
  private static final String REST = "(?:\\s*[.:\\-–—]\\s*(?<sep>.*)|\\s+(?<loose>\\S.*))?";
  private static final Pattern PART =
      Pattern.compile("^(?iu:phần)\\s+(?<n>(?iu:thứ)\\s+\\p{L}+|[IVXLCDM]+|\\d+)" + REST + "$");
  private static final Pattern CHAPTER = Pattern.compile("^(?iu:chương)\\s+(?<n>[IVXLCDM]+)" + REST + "$");
  private static final Pattern CHAPTER_ARABIC = Pattern.compile("^(?iu:chương)\\s+\\d+\\b.*$");
  private static final Pattern SECTION = Pattern.compile("^(?iu:mục)\\s+(?<n>\\d+|[IVXLCDM]+)" + REST + "$");
  private static final Pattern ARTICLE = Pattern.compile("^(?iu:điều)\\s+(?<n>\\d+)" + REST + "$");
  private static final Pattern CLAUSE = Pattern.compile("^(?<n>\\d+)\\.(?!\\d)\\s*(?<t>.*)$");
  private static final Pattern POINT = Pattern.compile("^(?<n>[a-zđ])\\)\\s*(?<t>.*)$");
  private static final Pattern RULE = Pattern.compile("^[-*_](\\s*[-*_]){2,}$");
  private static final Pattern HEADING_OPEN = Pattern.compile("^#{1,6}(?=\\s|$)");
  private static final Pattern HEADING_CLOSE = Pattern.compile("\\s#+$");

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
    return new Parse(text.split("\\r\\n|\\r|\\n", -1)).run();
  }

  /** A line as the importer sees it: NFC, without Markdown heading marks, bold marks and surrounding spaces. */
  static String clean(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFC).replace("\uFEFF", "").strip();
    if (RULE.matcher(s).matches()) {
      return "";
    }
    s = HEADING_OPEN.matcher(s).replaceFirst("");
    s = HEADING_CLOSE.matcher(s).replaceFirst("");
    s = s.replace("**", "").replace("\\.", ".").replace("\\)", ")").strip();
    // A whole line in italics (*…* or _…_) is still text: drop the marks.
    if (s.length() > 2 && ((s.startsWith("*") && s.endsWith("*")) || (s.startsWith("_") && s.endsWith("_")))) {
      s = s.substring(1, s.length() - 1).strip();
    }
    return s;
  }

  private static String vi(NodeKind k) {
    return switch (k) {
      case PART -> "Phần";
      case CHAPTER -> "Chương";
      case SECTION -> "Mục";
      case ARTICLE -> "Điều";
      case CLAUSE -> "Khoản";
      case POINT -> "Điểm";
    };
  }

  private static String en(NodeKind k) {
    return k.name().toLowerCase(Locale.ROOT);
  }

  /** A node under construction. {@code lastChild} is the ordinal of its last numbered child of the next level. */
  private static final class Open {
    final NodeKind kind;
    final String number;
    final int ordinal;
    String title = "";
    final List<String> text = new ArrayList<>();
    final List<Open> children = new ArrayList<>();
    int lastChild;

    Open(NodeKind kind, String number, int ordinal) {
      this.kind = kind;
      this.number = number;
      this.ordinal = ordinal;
    }
  }

  /** One run over the lines; the fields are the currently open node at each level. */
  private static final class Parse {
    private final String[] lines;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final List<Open> roots = new ArrayList<>();
    private final List<String> preamble = new ArrayList<>();
    private String title = "";
    private Open part;
    private Open chapter;
    private Open section;
    private Open article;
    private Open clause;
    private Open point;
    private Open awaitingTitle;
    private int lastPart;
    private int lastChapter;
    private int lastArticle;
    private int nodeCount;
    private int articleCount;
    private boolean sawText;

    Parse(String[] lines) {
      this.lines = lines;
    }

    ImportResult run() {
      for (int i = 0; i < lines.length && nodeCount <= MAX_NODES; i++) {
        // Past the node limit the draft is refused anyway; reading on would only cost time (any participant may
        // ask for a preview).
        String line = clean(lines[i]);
        if (!line.isEmpty()) {
          sawText = true;
          place(line, i + 1);
        }
      }
      if (!sawText) {
        problem(1, "Văn bản trống", "The document is empty");
      } else if (articleCount == 0) {
        problem(1, "Văn bản không có điều nào (dòng dạng \"Điều 1. Tên điều\")",
            "The document has no article (a line such as \"Điều 1. Title\")");
      }
      if (nodeCount > MAX_NODES) {
        problem(lines.length, "Văn bản có quá " + MAX_NODES + " mục", "The document has more than " + MAX_NODES + " nodes");
      }
      problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
      Set<String> taken = new HashSet<>();
      java.util.Map<String, Integer> nextSuffix = new java.util.HashMap<>();
      List<DraftNode> nodes = new ArrayList<>();
      for (Open o : roots) {
        nodes.add(build(o, null, taken, nextSuffix));
      }
      return new ImportResult(new DraftDocument(title, String.join("\n", preamble), nodes), problems);
    }

    private DraftNode build(Open o, String parentId, Set<String> taken, java.util.Map<String, Integer> nextSuffix) {
      String id = StableIds.unique(StableIds.structural(parentId, o.kind, o.number, o.ordinal), taken, nextSuffix);
      taken.add(id);
      List<DraftNode> children = new ArrayList<>();
      for (Open c : o.children) {
        children.add(build(c, id, taken, nextSuffix));
      }
      return new DraftNode(id, o.kind, o.number, o.title, String.join("\n", o.text), children);
    }

    private void place(String line, int no) {
      if (awaitingTitle != null) {
        Open waiting = awaitingTitle;
        awaitingTitle = null;
        // A part's title may be any next line; a chapter's or section's must be written in capitals, as in
        // Vietnamese legal drafting, so that the chapter's first sentence is not taken for its title.
        if (!looksStructural(line) && (waiting.kind == NodeKind.PART || isUpperCase(line))) {
          waiting.title = line;
          return;
        }
      }
      Matcher m;
      if ((m = PART.matcher(line)).matches()) {
        openPart(m, no);
      } else if ((m = CHAPTER.matcher(line)).matches()) {
        openChapter(m, no);
      } else if (CHAPTER_ARABIC.matcher(line).matches()) {
        problem(no, "Số chương phải viết bằng chữ số La Mã (Chương I, Chương II…): \"" + shorten(line) + "\"",
            "Chapter numbers must be Roman numerals (Chương I, Chương II…): \"" + shorten(line) + "\"");
      } else if ((m = SECTION.matcher(line)).matches()) {
        openSection(m, no);
      } else if ((m = ARTICLE.matcher(line)).matches()) {
        openArticle(m, no);
      } else if ((m = CLAUSE.matcher(line)).matches()) {
        openClause(m, no);
      } else if ((m = POINT.matcher(line)).matches()) {
        openPoint(m, no);
      } else {
        body(line);
      }
    }

    private void openPart(Matcher m, int no) {
      String number = m.group("n").replaceAll("\\s+", " ");
      int ordinal = Numbering.partOrdinal(number);
      if (ordinal < 0) {
        problem(no, "Không hiểu số thứ tự của phần \"" + number + "\"", "Cannot read the part number \"" + number + "\"");
        return;
      }
      Open o = new Open(NodeKind.PART, number, ordinal);
      if (!heading(o, m, no)) {
        return;
      }
      lastPart = checkOrder(NodeKind.PART, lastPart, ordinal, number, no);
      part = o;
      chapter = section = article = clause = point = null;
      add(roots, o);
    }

    private void openChapter(Matcher m, int no) {
      String number = m.group("n");
      int ordinal = Numbering.roman(number);
      if (ordinal < 0) {
        problem(no, "\"" + number + "\" không phải số La Mã hợp lệ", "\"" + number + "\" is not a valid Roman numeral");
        return;
      }
      Open o = new Open(NodeKind.CHAPTER, number, ordinal);
      if (!heading(o, m, no)) {
        return;
      }
      lastChapter = checkOrder(NodeKind.CHAPTER, lastChapter, ordinal, number, no);
      chapter = o;
      section = article = clause = point = null;
      add(part != null ? part.children : roots, o);
    }

    private void openSection(Matcher m, int no) {
      String number = m.group("n");
      if (chapter == null) {
        problem(no, "Mục " + number + " nằm ngoài chương (mục chỉ được đặt trong một chương)",
            "Section " + number + " is outside any chapter (a section must be inside a chapter)");
        return;
      }
      int ordinal = Numbering.ordinal(NodeKind.SECTION, number);
      Open o = new Open(NodeKind.SECTION, number, ordinal);
      if (!heading(o, m, no)) {
        return;
      }
      chapter.lastChild = checkOrder(NodeKind.SECTION, chapter.lastChild, ordinal, number, no);
      section = o;
      article = clause = point = null;
      add(chapter.children, o);
    }

    private void openArticle(Matcher m, int no) {
      String number = m.group("n");
      int ordinal = Numbering.arabic(number);
      if (m.group("loose") != null) {
        problem(no, "Sau \"Điều " + number + "\" phải có dấu chấm rồi đến tên điều: \"" + shorten(m.group(0)) + "\"",
            "\"Điều " + number + "\" must be followed by a period and the article's title: \""
                + shorten(m.group(0)) + "\"");
        return;
      }
      Open o = new Open(NodeKind.ARTICLE, number, ordinal);
      o.title = m.group("sep") == null ? "" : m.group("sep").strip();
      if (o.title.isEmpty()) {
        problem(no, "Điều " + number + " không có tên điều", "Article " + number + " has no title");
      }
      lastArticle = checkOrder(NodeKind.ARTICLE, lastArticle, ordinal, number, no);
      article = o;
      clause = point = null;
      articleCount++;
      add(section != null ? section.children : chapter != null ? chapter.children : part != null ? part.children : roots, o);
    }

    private void openClause(Matcher m, int no) {
      String number = m.group("n");
      if (article == null) {
        problem(no, "Khoản \"" + number + ".\" không nằm trong điều nào", "Clause \"" + number + ".\" is not inside any article");
        return;
      }
      int ordinal = Numbering.arabic(number);
      article.lastChild = checkOrder(NodeKind.CLAUSE, article.lastChild, ordinal, number, no);
      Open o = new Open(NodeKind.CLAUSE, number, ordinal);
      addText(o, m.group("t"));
      clause = o;
      point = null;
      add(article.children, o);
    }

    private void openPoint(Matcher m, int no) {
      String number = m.group("n");
      if (clause == null) {
        problem(no, "Điểm \"" + number + ")\" không nằm trong khoản nào", "Point \"" + number + ")\" is not inside any clause");
        return;
      }
      int ordinal = Numbering.ordinal(NodeKind.POINT, number);
      if (ordinal < 0) {
        problem(no, "\"" + number + ")\" không thuộc bảng chữ cái tiếng Việt dùng cho điểm (a, b, c, d, đ, e, g…)",
            "\"" + number + ")\" is not a letter used for points (a, b, c, d, đ, e, g…)");
        return;
      }
      clause.lastChild = checkOrder(NodeKind.POINT, clause.lastChild, ordinal, number, no);
      Open o = new Open(NodeKind.POINT, number, ordinal);
      addText(o, m.group("t"));
      point = o;
      add(clause.children, o);
    }

    /** Fills in a part's, chapter's or section's title; false when the heading line itself is unclear. */
    private boolean heading(Open o, Matcher m, int no) {
      String sep = m.group("sep");
      String loose = m.group("loose");
      if (loose != null) {
        // "Chương I QUY ĐỊNH CHUNG" is a heading; "Chương I của Quy chế này…" is a sentence: say so, do not guess.
        if (!isUpperCase(loose)) {
          problem(no, "Không rõ đây là tiêu đề " + vi(o.kind).toLowerCase(Locale.ROOT)
                  + " hay một câu văn; hãy viết \"" + vi(o.kind) + " " + o.number + ". Tên\": \"" + shorten(m.group(0)) + "\"",
              "Unclear whether this is a " + en(o.kind) + " heading or a sentence; write \"" + vi(o.kind) + " " + o.number
                  + ". Title\": \"" + shorten(m.group(0)) + "\"");
          return false;
        }
        o.title = loose.strip();
      } else if (sep != null && !sep.isBlank()) {
        o.title = sep.strip();
      } else {
        awaitingTitle = o;
      }
      return true;
    }

    private int checkOrder(NodeKind kind, int last, int ordinal, String number, int no) {
      int expected = last + 1;
      if (ordinal != expected) {
        String want = vi(kind) + " " + Numbering.display(kind, expected);
        String got = vi(kind) + " " + number;
        String why = ordinal <= last ? (ordinal == last ? "trùng số" : "sai thứ tự") : "bỏ sót số";
        String whyEn = ordinal <= last ? (ordinal == last ? "duplicated number" : "out of order") : "skipped number";
        problem(no, "Số thứ tự không liên tục (" + why + "): cần " + want + ", gặp " + got,
            "Numbers out of sequence (" + whyEn + "): expected " + en(kind) + " " + Numbering.display(kind, expected)
                + ", found " + en(kind) + " " + number);
      }
      return Math.max(last, ordinal);
    }

    private void body(String line) {
      Open target = point != null ? point : clause != null ? clause : article != null ? article
          : section != null ? section : chapter != null ? chapter : part;
      if (target == null) {
        if (title.isEmpty()) {
          title = line;
        } else {
          preamble.add(line);
        }
      } else {
        target.text.add(line);
      }
    }

    private void addText(Open o, String t) {
      if (t != null && !t.isBlank()) {
        o.text.add(t.strip());
      }
    }

    private void add(List<Open> level, Open o) {
      level.add(o);
      nodeCount++;
    }

    private void problem(int line, String vi, String en) {
      problems.add(new ImportProblem(line, vi, en));
    }

    private boolean looksStructural(String line) {
      return PART.matcher(line).matches() || CHAPTER.matcher(line).matches() || SECTION.matcher(line).matches()
          || ARTICLE.matcher(line).matches() || CLAUSE.matcher(line).matches() || POINT.matcher(line).matches()
          || CHAPTER_ARABIC.matcher(line).matches();
    }
  }

  static boolean isUpperCase(String s) {
    boolean letter = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLetter(cp)) {
        letter = true;
        if (Character.isLowerCase(cp)) {
          return false;
        }
      }
      i += Character.charCount(cp);
    }
    return letter;
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "…";
  }
}
