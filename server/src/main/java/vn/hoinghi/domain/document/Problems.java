package vn.hoinghi.domain.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The problems of one import, with the messages shared by its readers. */
final class Problems {

  final List<ImportProblem> list = new ArrayList<>();

  void add(int line, String vi, String en) {
    list.add(new ImportProblem(line, vi, en));
  }

  static String vi(NodeKind k) {
    return switch (k) {
      case PART -> "Phần";
      case CHAPTER -> "Chương";
      case SECTION -> "Mục";
      case SUBSECTION -> "Tiểu mục";
      case ARTICLE -> "Điều";
      case CLAUSE -> "Khoản";
      case POINT -> "Điểm";
      case ALTERNATIVE -> "Phương án";
      case APPENDIX -> "Phụ lục";
    };
  }

  static String en(NodeKind k) {
    return k.name().toLowerCase(Locale.ROOT);
  }

  /** Reports a number out of sequence; returns the new last ordinal. */
  static int checkOrder(Problems problems, NodeKind kind, int last, int ordinal, String number, int no) {
    int expected = last + 1;
    if (ordinal != expected) {
      String want = vi(kind) + " " + Numbering.display(kind, expected);
      String got = vi(kind) + " " + number;
      String why = ordinal <= last ? (ordinal == last ? "trùng số" : "sai thứ tự") : "bỏ sót số";
      String whyEn = ordinal <= last ? (ordinal == last ? "duplicated number" : "out of order") : "skipped number";
      problems.add(no, "Số thứ tự không liên tục (" + why + "): cần " + want + ", gặp " + got,
          "Numbers out of sequence (" + whyEn + "): expected " + en(kind) + " " + Numbering.display(kind, expected)
              + ", found " + en(kind) + " " + number);
    }
    return Math.max(last, ordinal);
  }

  /**
   * Like {@link #checkOrder}, for numbers that may carry a letter: "Điều 2a" (inserted by an amendment) must follow
   * Điều 2 (or 2a…), and does not move the count on: the next plain number is still 3.
   */
  static int checkInsertedOrder(Problems problems, NodeKind kind, int last, int[] num, String number, int no) {
    if (num[1] == 0) {
      return checkOrder(problems, kind, last, num[0], number, no);
    }
    if (num[0] != last) {
      problems.add(no, vi(kind) + " " + number + " là số chèn thêm nên phải đứng ngay sau " + vi(kind) + " " + num[0]
              + " (đang ở sau " + vi(kind) + " " + last + ")",
          en(kind) + " " + number + " is an inserted number, so it must follow " + en(kind) + " " + num[0]
              + " (it follows " + en(kind) + " " + last + ")");
    }
    return last;
  }
}
