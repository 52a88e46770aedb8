package vn.hoinghi.domain.document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what comes before the body: the national header and agency block (kept as metadata), the document's name
 * (its title), the preamble, and a table of contents, which is recognized and kept apart rather than read as
 * headings.
 */
final class FrontMatter {

  private static final Pattern NATIONAL = Pattern.compile(
      "^(?iu:cộng hòa xã hội chủ nghĩa việt nam|cộng hoà xã hội chủ nghĩa việt nam|đảng cộng sản việt nam"
          + "|độc lập\\s*[-–—]\\s*tự do\\s*[-–—]\\s*hạnh phúc)$");
  private static final Pattern NUMBER_OR_DATE = Pattern.compile(
      "^(?iu:(?:\\p{L}+\\s){0,2}số\\s*:.*|.{1,60},\\s*ngày\\s.{0,12}\\stháng\\s.{0,12}\\snăm\\s.{0,8})$");
  /**
   * The draft mark of a header ("DỰ THẢO", "Dự thảo lần 2", "(Dự thảo 3)", "Dự thảo ngày 12/5/2024"); not a title that
   * starts with the words ("DỰ THẢO QUY CHẾ …" is the draft's name).
   */
  private static final Pattern DRAFT_MARK = Pattern.compile(
      "^\\(?(?iu:dự thảo)(?:\\s*(?iu:lần)?\\s*\\d{1,3}|\\s+(?iu:ngày)?\\s*\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}"
          + "|\\s+(?iu:lần\\s+thứ)\\s+\\p{L}+)?\\)?$");
  private static final Pattern DOCUMENT_TYPE = Pattern.compile(
      "^(?:BỘ LUẬT|LUẬT|HIẾN PHÁP|NGHỊ ĐỊNH|THÔNG TƯ LIÊN TỊCH|THÔNG TƯ|QUYẾT ĐỊNH|NGHỊ QUYẾT|PHÁP LỆNH|QUY ĐỊNH"
          + "|QUY CHẾ|CHỈ THỊ|ĐIỀU LỆ|NỘI QUY|KẾ HOẠCH|HƯỚNG DẪN|LỆNH|KẾT LUẬN|QUY TRÌNH|ĐỀ ÁN|CHƯƠNG TRÌNH)"
          + "(?:\\s.*)?$");
  /** A document type standing alone: its subject ("Quy định mức lương tối thiểu …") follows in ordinary case. */
  private static final Pattern BARE_TYPE = Pattern.compile(
      "^(?:BỘ LUẬT|LUẬT|NGHỊ ĐỊNH|THÔNG TƯ LIÊN TỊCH|THÔNG TƯ|QUYẾT ĐỊNH|NGHỊ QUYẾT|PHÁP LỆNH|QUY ĐỊNH|QUY CHẾ|CHỈ THỊ"
          + "|ĐIỀU LỆ|NỘI QUY|KẾ HOẠCH|HƯỚNG DẪN|LỆNH|KẾT LUẬN|QUY TRÌNH|ĐỀ ÁN|CHƯƠNG TRÌNH)$");
  /** The first words of a preamble's grounds, which end a document's subject. */
  private static final Pattern GROUNDS = Pattern.compile("^(?iu:căn cứ|theo đề nghị|xét đề nghị|thực hiện)\\b.*");
  /** The note under the name of an attached document: "(Kèm theo Nghị định số …", "(Ban hành kèm theo …". */
  private static final Pattern ATTACHED_NOTE = Pattern.compile("^\\((?iu:(?:ban hành )?kèm theo)\\s.*");
  /** The issuing authority written under the name ("BỘ TRƯỞNG BỘ TÀI CHÍNH"), or a heading of the preamble. */
  private static final Pattern NOT_NAME = Pattern.compile(
      "^(?:BỘ TRƯỞNG|THỦ TƯỚNG|CHỦ TỊCH|ỦY BAN|UỶ BAN|HỘI ĐỒNG|CHÍNH PHỦ|QUỐC HỘI|BAN CHẤP HÀNH|BỘ CHÍNH TRỊ|BAN BÍ THƯ"
          + "|TỔNG|GIÁM ĐỐC|CỤC TRƯỞNG|VỤ TRƯỞNG|CHÁNH|VIỆN TRƯỞNG|THỐNG ĐỐC|LỜI NÓI ĐẦU|MỤC LỤC)\\b.*|.*:$");

  final List<String> header = new ArrayList<>();
  final List<String> preamble = new ArrayList<>();
  final List<String> contents = new ArrayList<>();
  final List<ImportProblem> problems = new ArrayList<>();
  String title = "";
  /** Index of the first line of the body. */
  int bodyStart;

  /** Reads lines from the start up to the first heading, clause or point that is not part of a table of contents. */
  static FrontMatter read(String[] lines) {
    FrontMatter f = new FrontMatter();
    List<Integer> front = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      if (line.isEmpty()) {
        i++;
        continue;
      }
      boolean titled = LineShapes.CONTENTS_TITLE.matcher(line).matches();
      if (titled || (LineShapes.structural(line) && LineShapes.PAGE_NUMBER.matcher(line).find())) {
        i = f.contents(lines, i, titled);
        continue;
      }
      if (LineShapes.structural(line)) {
        break;
      }
      front.add(i);
      i++;
    }
    f.bodyStart = i;
    f.split(lines, front);
    return f;
  }

  /**
   * Skips a table of contents starting at {@code i}: entries end with a page number, headings may stand without one
   * (their title on the next line); it ends where a heading it listed comes again (the body) or at a line that is no
   * entry. Returns the index of the first line after it.
   */
  private int contents(String[] lines, int i, boolean titled) {
    int first = i;
    Set<String> listed = new HashSet<>();
    boolean headingWithoutPage = false;
    if (titled) {
      contents.add(lines[i]);
      i++;
    }
    for (; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue;
      }
      String key = headingKey(line);
      boolean paged = LineShapes.PAGE_NUMBER.matcher(line).find() || line.matches(".*\\s\\d{1,4}$");
      if (key != null && !paged && listed.contains(key)) {
        return i;
      }
      if (paged || key != null || (headingWithoutPage && LineShapes.isUpperCase(line))) {
        if (key != null) {
          listed.add(key);
        }
        headingWithoutPage = key != null && !paged;
        contents.add(line);
        continue;
      }
      return i;
    }
    problems.add(new ImportProblem(first + 1,
        "Mục lục không kết thúc: không tìm thấy phần nội dung lặp lại các đề mục đã liệt kê",
        "The table of contents never ends: no body repeating the headings it lists follows"));
    return i;
  }

  /** "CHAPTER I", "ARTICLE 5"… for a heading line (without its page number), else null. */
  private static String headingKey(String line) {
    String bare = LineShapes.PAGE_NUMBER.matcher(line).replaceFirst("").replaceFirst("\\s\\d{1,4}$", "").strip();
    Pattern[] kinds = {LineShapes.PART, LineShapes.CHAPTER, LineShapes.SECTION, LineShapes.ARTICLE};
    String[] names = {"PART ", "CHAPTER ", "SECTION ", "ARTICLE "};
    for (int k = 0; k < kinds.length; k++) {
      Matcher m = kinds[k].matcher(bare);
      if (m.matches()) {
        return names[k] + m.group("n");
      }
    }
    return null;
  }

  /** Header above the document-type line, the name (type line and the capitalized lines after it), the rest. */
  private void split(String[] lines, List<Integer> front) {
    int type = -1;
    for (int k = 0; k < front.size(); k++) {
      String line = lines[front.get(k)];
      if (DOCUMENT_TYPE.matcher(line).matches() && !line.endsWith(":") && LineShapes.isUpperCase(line)) {
        type = k;
        break;
      }
    }
    if (type < 0) {
      for (int idx : front) {
        String line = lines[idx];
        if (title.isEmpty() && preamble.isEmpty() && headerLine(line)) {
          header.add(line);
        } else if (title.isEmpty()) {
          title = line;
        } else {
          preamble.add(line);
        }
      }
      return;
    }
    for (int k = 0; k < type; k++) {
      header.add(lines[front.get(k)]);
    }
    StringBuilder name = new StringBuilder(lines[front.get(type)]);
    int k = type + 1;
    for (; k < front.size(); k++) {
      String line = lines[front.get(k)];
      if (front.get(k) != front.get(k - 1) + 1 && !name.toString().matches("^\\S+(\\s\\S+)?$")) {
        break; // a blank line ends a name that is already more than the document type
      }
      if (!LineShapes.isUpperCase(line) || NOT_NAME.matcher(line).matches() || headerLine(line)) {
        break;
      }
      name.append(' ').append(line);
    }
    if (BARE_TYPE.matcher(name).matches() && k < front.size() && front.get(k) == front.get(k - 1) + 1) {
      // "NGHỊ ĐỊNH" / "Quy định mức lương tối thiểu" / "đối với người lao động …": the subject, up to a blank line.
      for (int first = k; k < front.size(); k++) {
        String line = lines[front.get(k)];
        boolean joined = k == first ? Character.isUpperCase(line.codePointAt(0)) : front.get(k) == front.get(k - 1) + 1;
        if (!joined || NOT_NAME.matcher(line).matches() || headerLine(line) || GROUNDS.matcher(line).matches()
            || ATTACHED_NOTE.matcher(line).matches() || line.endsWith(";")) {
          break;
        }
        name.append(' ').append(line);
      }
    }
    title = name.toString();
    for (; k < front.size(); k++) {
      preamble.add(lines[front.get(k)]);
    }
  }

  private static boolean headerLine(String line) {
    return NATIONAL.matcher(line).matches() || NUMBER_OR_DATE.matcher(line).matches()
        || DRAFT_MARK.matcher(line).matches();
  }
}
