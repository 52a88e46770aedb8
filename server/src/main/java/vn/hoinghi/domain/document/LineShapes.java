package vn.hoinghi.domain.document;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shapes a line of a Vietnamese legal text can take, and the normalization every line goes through first. */
final class LineShapes {

  // Keywords are matched case-insensitively ("CHƯƠNG I", "Chương I"); Roman numerals only in upper case, so that
  // ordinary words ("Chương trình", "Mục tiêu", "Phần lớn") stay body text.
  static final String REST = "(?:\\s*[.:\\-–—]\\s*(?<sep>.*)|\\s+(?<loose>\\S.*))?";
  static final Pattern PART =
      Pattern.compile("^(?iu:phần)\\s+(?<n>(?iu:thứ)\\s+\\p{L}+|[IVXLCDM]+|\\d+)" + REST + "$");
  static final Pattern CHAPTER = Pattern.compile("^(?iu:chương)\\s+(?<n>[IVXLCDM]+)" + REST + "$");
  /**
   * A chapter of a party document ("I- QUY ĐỊNH CHUNG", "II- TỔ CHỨC THỰC HIỆN"): a Roman numeral of I, V and X and a
   * hyphen, as the party's rules on the form of documents number the groups of articles; only with a title in
   * capitals (see {@link #partyChapter}). {@code loose} never matches: the title always follows the hyphen.
   */
  private static final Pattern PARTY_CHAPTER =
      Pattern.compile("^(?<n>[IVX]+)\\s*[-–](?<loose>(?!x)x)?\\s*(?<sep>\\S.*)$");
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
  /**
   * "Luật này đã được Quốc hội … thông qua ngày …"; in a printed text the sentence may break before "thông qua", so
   * "… này được Quốc hội …" / "… được Ủy ban Thường vụ Quốc hội …" is enough.
   */
  static final Pattern ADOPTION = Pattern.compile(
      "^(?iu:(?:bộ luật|luật|hiến pháp|nghị quyết|pháp lệnh) này (?:đã )?được (?:.{0,160}thông qua|quốc hội|"
          + "ủy ban thường vụ quốc hội|uỷ ban thường vụ quốc hội).*)$");
  /**
   * The rest of a line that starts like a heading but is a cross reference broken onto a new line by the page width
   * ("… theo quy định tại" / "Điều 35 của Bộ luật này."): a lower-case word, punctuation, or the name of a document
   * or of a unit.
   */
  static final Pattern REFERENCE_REST = Pattern.compile(
      "^(?:\\p{Ll}|[,;.:)]|(?:Bộ luật|Luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Pháp lệnh|Hiến pháp|Quy chế"
          + "|Quy định|Điều lệ|Chương|Mục|Điều|Khoản|Điểm)(?![\\p{L}])).*$");
  /**
   * The last word of an article title that cannot end it, so that the title goes on on the next line even when that
   * line starts with a capital ("… công việc của" / "Chính phủ"): a comma, or a connecting word that no title ends
   * with (not "do", "cho", "vào", "tại", "thuộc", "đối": "tự do", "tặng cho", "đầu vào", "hiện tại", "phụ thuộc",
   * "tuyệt đối" may end one).
   */
  static final Pattern DANGLING = Pattern.compile(
      "(?:,|(?<![\\p{L}])(?iu:của|và|với|trong|về|giữa|theo|các|những|hoặc))$");
  /** A line that ends a sentence or a heading's title line cannot be broken in the middle of a sentence. */
  static final Pattern SENTENCE_END = Pattern.compile("[.:;!?…”\"'»)\\]]$");
  /** The signature block's first line: "TM.", "KT." … (the party writes "T/M", "K/T", "T/L"), Nơi nhận, a signer. */
  static final Pattern SIGNATURE = Pattern.compile(
      "^(?:(?:TM|KT|TL|TUQ|Q)\\.\\s*\\S.*|(?:T/M|K/T|T/L)\\s+\\p{Lu}.*|(?iu:nơi nhận)\\s*:.*"
          + "|(?:PHÓ )?(?:CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|TỔNG BÍ THƯ|BÍ THƯ|TRƯỞNG BAN|GIÁM ĐỐC|CHÁNH ÁN"
          + "|VIỆN TRƯỞNG|THỐNG ĐỐC|TỔNG KIỂM TOÁN)\\b[^a-zà-ỹđ]*)$");
  /** A document attached after the signature: "KẾ HOẠCH", "QUY CHẾ"… in capitals. */
  static final Pattern ATTACHMENT = Pattern.compile(
      "^(?:KẾ HOẠCH|QUY CHẾ|QUY ĐỊNH|DANH MỤC|QUY TRÌNH|ĐIỀU LỆ|NỘI QUY|HƯỚNG DẪN|BIỂU MẪU|MẪU SỐ|CHƯƠNG TRÌNH|ĐỀ ÁN)"
          + "(?:\\s.*)?$");
  static final Pattern RULE = Pattern.compile("^[-*_=](\\s*[-*_=]){2,}$");
  private static final Pattern TAB_BEFORE_PAGE = Pattern.compile("\\t+(?=\\d{1,4}\\s*$)");
  private static final Pattern HEADING_OPEN = Pattern.compile("^#{1,6}(?=\\s|$)");
  private static final Pattern HEADING_CLOSE = Pattern.compile("\\s#+$");

  private LineShapes() {}

  /** A line as the importer sees it: NFC, plain spaces, without Markdown heading and bold marks, stripped. */
  static String clean(String raw) {
    String s = Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
    // No-break, wide and zero-width spaces are trimmed at the ends of a line only (a line starting with them is still
    // "Điều 5." or "1."); inside a line the text is kept verbatim, as the drafter wrote it.
    s = trimEdges(s);
    // A tab before a page number is kept as the leader of a table-of-contents entry.
    if (s.indexOf('\t') >= 0) {
      s = TAB_BEFORE_PAGE.matcher(s).replaceAll("\u0001");
      s = s.replace('\u0001', '\t');
    }
    s = s.strip();
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

  /** Trims white, no-break and other Unicode spaces and zero-width marks at both ends (every line comes here). */
  private static String trimEdges(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && edgeSpace(s.charAt(from))) {
      from++;
    }
    while (to > from && edgeSpace(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  private static boolean edgeSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200D') || c == '\u202F'
        || c == '\u205F' || c == '\u2060' || c == '\u3000' || c == '\uFEFF' || c == '\u00AD';
  }

  /** The chapter heading of a party document, or null: "II- QUẢN LÝ TÀI LIỆU" (title in capitals). */
  static Matcher partyChapter(String line) {
    Matcher m = PARTY_CHAPTER.matcher(line);
    return m.matches() && isUpperCase(m.group("sep")) ? m : null;
  }

  /** Any heading, clause or point: a line that ends the front matter. */
  static boolean structural(String line) {
    return partyChapter(line) != null || PART.matcher(line).matches() || CHAPTER.matcher(line).matches()
        || SECTION.matcher(line).matches() || SUBSECTION.matcher(line).matches() || ARTICLE.matcher(line).matches() || CLAUSE.matcher(line).matches()
        || POINT.matcher(line).matches() || CHAPTER_ARABIC.matcher(line).matches();
  }

  /**
   * Whether {@code line}, which has the shape of a heading without its period ("Điều 35 của Bộ luật này."), is the
   * rest of a sentence broken by the page width after {@code previous} (a line that ends no sentence).
   */
  static boolean brokenReference(String previous, String line) {
    Pattern[] headings = {ARTICLE, CHAPTER, SECTION, PART, SUBSECTION};
    if (previous == null || SENTENCE_END.matcher(previous).find() || isUpperCase(previous)) {
      return false;
    }
    for (Pattern p : headings) {
      if (p.matcher(previous).matches()) {
        return false; // a heading line is no sentence: "Điều 5 Tên" then "Chương IV của …" stays unclear
      }
    }
    for (Pattern p : headings) {
      java.util.regex.Matcher m = p.matcher(line);
      if (m.matches()) {
        return m.group("loose") != null && REFERENCE_REST.matcher(m.group("loose")).matches();
      }
    }
    return false;
  }

  static boolean startsLowerCase(String s) {
    return !s.isEmpty() && Character.isLowerCase(s.codePointAt(0));
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
