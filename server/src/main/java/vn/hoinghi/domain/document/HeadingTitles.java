package vn.hoinghi.domain.document;

import java.util.regex.Matcher;

/**
 * A heading's title: on the heading's line ("Chương I. QUY ĐỊNH CHUNG"), on the next line, or over several lines — a
 * title in capitals goes on in capitals, an article's title broken by the page width goes on as
 * {@link #articleTitleGoesOn} tells. The {@link TreeBuilder} asks first whether a line belongs to a title.
 */
final class HeadingTitles {

  private final String[] lines;
  private final Problems problems;
  /** Whether the text is a printed one (it had the Official Gazette's running heads): lines broken by the page width. */
  private final boolean printed;
  /** A heading whose title is on the next line. */
  private OpenNode awaiting;
  /** A heading whose title may go on over the next line. */
  private OpenNode growingTitle;

  HeadingTitles(String[] lines, Problems problems, boolean printed) {
    this.lines = lines;
    this.problems = problems;
    this.printed = printed;
  }

  /** An article just opened: a title that ends no sentence may go on over the next line. */
  void article(OpenNode o) {
    growingTitle = o.title.isEmpty() || LineShapes.SENTENCE_END.matcher(o.title).find() ? null : o;
  }

  /** A heading's title on the next line, or the next capitalized line of a title over two lines. */
  boolean takes(String line, int no) {
    if (awaiting != null) {
      OpenNode waiting = awaiting;
      awaiting = null;
      // A part's title may be any next line; a chapter's or section's must be written in capitals, as in
      // Vietnamese legal drafting, so that the chapter's first sentence is not taken for its title.
      if (!LineShapes.structural(line) && (waiting.kind == NodeKind.PART || LineShapes.isUpperCase(line))) {
        waiting.title = line;
        growingTitle = LineShapes.isUpperCase(line) ? waiting : null;
        return true;
      }
    }
    if (growingTitle != null) {
      OpenNode growing = growingTitle;
      // A chapter's title goes on in capitals; an article's title broken by the page width, see articleTitleGoesOn.
      boolean goesOn = growing.kind == NodeKind.ARTICLE ? articleTitleGoesOn(growing.title, line, no)
          : LineShapes.isUpperCase(line);
      if (growing.text.isEmpty() && growing.children.isEmpty() && goesOn && !LineShapes.structural(line)) {
        growing.title = growing.title + " " + line;
        return true;
      }
      growingTitle = null;
    }
    return false;
  }

  /**
   * Whether {@code line} goes on with an article's title broken by the page width: it starts in lower case; or the
   * title ends with a comma or a connecting word ("… công việc của" / "Chính phủ"); or, in a printed text, it ends no
   * sentence and the next line is a heading, clause or point ("… Thủ tướng" / "Chính phủ" / "1. …"), not a cross
   * reference that goes on with the sentence.
   */
  private boolean articleTitleGoesOn(String title, String line, int no) {
    if (LineShapes.startsLowerCase(line) || LineShapes.DANGLING.matcher(title).find()) {
      return true;
    }
    if (!printed || LineShapes.SENTENCE_END.matcher(line).find()) {
      return false;
    }
    for (int j = no; j < lines.length; j++) {
      if (!lines[j].isEmpty()) {
        // not "… khoản 3" / "Điều 107 của Bộ luật …": a sentence broken before a cross reference is the article's text
        return LineShapes.structural(lines[j]) && !LineShapes.brokenReference(line, lines[j]);
      }
    }
    return false;
  }

  /** Fills in a heading's title from its line, or waits for the next; false when the heading line itself is unclear. */
  boolean read(OpenNode o, Matcher m, int no) {
    String sep = m.group("sep");
    String loose = m.group("loose");
    growingTitle = null;
    if (loose != null) {
      // "Chương I QUY ĐỊNH CHUNG" is a heading; "Chương I của Quy chế này…" is a sentence: say so, do not guess.
      if (!LineShapes.isUpperCase(loose)) {
        problems.add(no, "Không rõ đây là tiêu đề " + Problems.vi(o.kind).toLowerCase(java.util.Locale.ROOT)
                + " hay một câu văn; hãy viết \"" + Problems.vi(o.kind) + " " + o.number + ". Tên\": \""
                + LineShapes.shorten(m.group(0)) + "\"",
            "Unclear whether this is a " + Problems.en(o.kind) + " heading or a sentence; write \"" + Problems.vi(o.kind)
                + " " + o.number + ". Title\": \"" + LineShapes.shorten(m.group(0)) + "\"");
        return false;
      }
      o.title = loose.strip();
      growingTitle = o;
    } else if (sep != null && !sep.isBlank()) {
      o.title = sep.strip();
      growingTitle = LineShapes.isUpperCase(o.title) ? o : null;
    } else {
      awaiting = o;
    }
    return true;
  }
}
