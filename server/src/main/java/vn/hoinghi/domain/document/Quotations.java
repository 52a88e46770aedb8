package vn.hoinghi.domain.document;

/**
 * Follows quoted text in a law that amends another: "1. Khoản 2 Điều 5 được sửa đổi như sau:" then
 * "“2. …" … "…”" quotes the amended law. Lines inside the quotation belong to the amending clause or point as text;
 * their "Điều", "1." and "a)" are the amended law's numbering, not the amending law's.
 *
 * <p>A quotation opens on a line that starts with an opening quote (“, " or «) or has one right after a colon
 * ("… như sau: “2. …"), when that quote is not closed on the same line; it closes on the line where the closing
 * quotes (”, " or ») balance the opening ones. Quotes in the middle of a sentence open nothing, so a stray quote in a
 * sentence (published texts have some) cannot swallow the rest of the document.
 */
final class Quotations {

  private int depth;
  private boolean ascii;
  private int openedAt;

  boolean open() {
    return depth > 0;
  }

  int openedAt() {
    return openedAt;
  }

  /** Called for a line placed outside any quotation (without its clause or point label): may open one. */
  void afterLine(String text, int lineNo) {
    String t = text.strip();
    int start = -1;
    if (!t.isEmpty() && isOpening(t.charAt(0))) {
      start = 0;
    } else {
      int colon = t.indexOf(':');
      while (colon >= 0) {
        String rest = t.substring(colon + 1).stripLeading();
        if (!rest.isEmpty() && isOpening(rest.charAt(0))) {
          start = t.length() - rest.length();
          break;
        }
        colon = t.indexOf(':', colon + 1);
      }
    }
    if (start < 0) {
      return;
    }
    ascii = t.charAt(start) == '"';
    depth = 0;
    count(t.substring(start));
    if (depth > 0) {
      openedAt = lineNo;
    } else {
      depth = 0;
    }
  }

  /** Called for a line inside the quotation: true while it stays open after this line. */
  boolean inside(String line) {
    count(line);
    if (depth <= 0) {
      depth = 0;
      return false;
    }
    return true;
  }

  private void count(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (ascii) {
        if (c == '"') {
          depth = depth > 0 ? 0 : 1;
        }
      } else if (c == '“' || c == '«') {
        depth++;
      } else if (c == '”' || c == '»') {
        depth--;
      }
    }
  }

  private static boolean isOpening(char c) {
    return c == '“' || c == '"' || c == '«';
  }
}
