package vn.hoinghi.domain.document;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** The shapes a line of a Vietnamese legal text can take, and the normalization every line goes through first. */
final class LineShapes {

  // Keywords are matched case-insensitively ("CHƯƠNG I", "Chương I"); Roman numerals only in upper case, so that
  // ordinary words ("Chương trình", "Mục tiêu", "Phần lớn") stay body text.
  static final String REST = "(?:\\s*[.:\\-–—]\\s*(?<sep>.*)|\\s+(?<loose>\\S.*))?";
  static final Pattern PART =
      Pattern.compile("^(?iu:phần)\\s+(?<n>(?iu:thứ)\\s+\\p{L}+|[IVXLCDM]+|\\d+)" + REST + "$");
  static final Pattern CHAPTER = Pattern.compile("^(?iu:chương)\\s+(?<n>[IVXLCDM]+)" + REST + "$");
  static final Pattern CHAPTER_ARABIC = Pattern.compile("^(?iu:chương)\\s+\\d+\\b.*$");
  static final Pattern SECTION = Pattern.compile("^(?iu:mục)\\s+(?<n>\\d+|[IVXLCDM]+)" + REST + "$");
  static final Pattern SUBSECTION = Pattern.compile("^(?iu:tiểu mục)\\s+(?<n>\\d+|[IVXLCDM]+)" + REST + "$");
  /** "Điều 5.", "Điều 2a." (inserted), "Điều60." (no space, as in some published texts). */
  static final Pattern ARTICLE = Pattern.compile("^(?iu:điều)\\s*(?<n>\\d+[a-zđ]?)(?![\\p{L}\\d])" + REST + "$");
  /** "1.", "1a." (inserted); not "1.500". */
  static final Pattern CLAUSE = Pattern.compile("^(?<n>\\d+[a-zđ]?)\\.(?!\\d)\\s*(?<t>.*)$");
  /** "1 Cá nhân có quyền…": a clause number without its period (reported, still read as the clause). */
  static final Pattern CLAUSE_NO_PERIOD = Pattern.compile("^(?<n>\\d{1,3})\\s+(?<t>\\p{Lu}.*)$");
  static final Pattern POINT = Pattern.compile("^(?<n>[a-zđ])\\)\\s*(?<t>.*)$");
  static final Pattern ALTERNATIVE =
      Pattern.compile("^(?iu:phương án)\\s+(?<n>\\d+)\\s*(?:[.:\\-–—)]\\s*(?<t>.*))?$");
  static final Pattern APPENDIX = Pattern.compile(
      "^(?iu:phụ lục)(?:\\s+(?:(?iu:số)\\s+)?(?<n>[IVXLCDM]+|\\d+[a-z]?|[A-Z]))?(?:\\s*[.:\\-–—]\\s*(?<t>.*))?$");
  static final Pattern CONTENTS_TITLE = Pattern.compile("^(?iu:mục lục)\\s*:?$");
  /** A table-of-contents entry ends with a page number after dot leaders, an ellipsis or a tab. */
  static final Pattern PAGE_NUMBER = Pattern.compile("(?:\\.{2,}|…+|\\t)\\s*\\d{1,4}$");
  static final Pattern ADOPTION = Pattern.compile(
      "^(?iu:(?:bộ luật|luật|hiến pháp|nghị quyết|pháp lệnh) này (?:đã )?được .{0,160}thông qua.*)$");
  static final Pattern SIGNATURE = Pattern.compile(
      "^(?:(?:TM|KT|TL|TUQ|Q)\\.\\s*\\S.*|(?iu:nơi nhận)\\s*:.*|(?:PHÓ )?(?:CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|"
          + "TỔNG BÍ THƯ|BÍ THƯ|TRƯỞNG BAN|GIÁM ĐỐC|CHÁNH ÁN|VIỆN TRƯỞNG|THỐNG ĐỐC|TỔNG KIỂM TOÁN)\\b[^a-zà-ỹđ]*)$");
  /** A document attached after the signature: "KẾ HOẠCH", "QUY CHẾ"… in capitals. */
  static final Pattern ATTACHMENT = Pattern.compile(
      "^(?:KẾ HOẠCH|QUY CHẾ|QUY ĐỊNH|DANH MỤC|QUY TRÌNH|ĐIỀU LỆ|NỘI QUY|HƯỚNG DẪN|BIỂU MẪU|MẪU SỐ|CHƯƠNG TRÌNH|ĐỀ ÁN)"
          + "(?:\\s.*)?$");
  static final Pattern RULE = Pattern.compile("^[-*_=](\\s*[-*_=]){2,}$");
  private static final Pattern HEADING_OPEN = Pattern.compile("^#{1,6}(?=\\s|$)");
  private static final Pattern HEADING_CLOSE = Pattern.compile("\\s#+$");
  /** No-break, figure, narrow and other Unicode spaces become plain spaces; zero-width marks are dropped. */
  private static final Pattern EDGE_SPACES_START = Pattern.compile(
      "^[\\s\\u00A0\\u1680\\u2000-\\u200D\\u202F\\u205F\\u2060\\u3000\\uFEFF\\u00AD]+");
  private static final Pattern EDGE_SPACES_END = Pattern.compile(
      "[\\s\\u00A0\\u1680\\u2000-\\u200D\\u202F\\u205F\\u2060\\u3000\\uFEFF\\u00AD]+$");

  private LineShapes() {}

  /** A line as the importer sees it: NFC, plain spaces, without Markdown heading and bold marks, stripped. */
  static String clean(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
    // No-break, wide and zero-width spaces are trimmed at the ends of a line only (a line starting with them is still
    // "Điều 5." or "1."); inside a line the text is kept verbatim, as the drafter wrote it.
    s = EDGE_SPACES_START.matcher(s).replaceFirst("");
    s = EDGE_SPACES_END.matcher(s).replaceFirst("");
    // A tab before a page number is kept as the leader of a table-of-contents entry.
    s = s.replaceAll("\\t+(?=\\d{1,4}\\s*$)", "\u0001");
    s = s.replace('\u0001', '\t').strip();
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

  /** Any heading, clause or point: a line that ends the front matter. */
  static boolean structural(String line) {
    return PART.matcher(line).matches() || CHAPTER.matcher(line).matches() || SECTION.matcher(line).matches()
        || SUBSECTION.matcher(line).matches() || ARTICLE.matcher(line).matches() || CLAUSE.matcher(line).matches()
        || POINT.matcher(line).matches() || CHAPTER_ARABIC.matcher(line).matches();
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

  static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "…";
  }
}
