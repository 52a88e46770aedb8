package vn.hoinghi.domain.document;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How each level is numbered: Roman chapters, "thứ nhất" parts, Arabic articles and clauses, lettered points. */
final class Numbering {

  /** Points use the Vietnamese alphabet, which has đ after d and no f, j, w, z. */
  static final List<String> POINT_LETTERS = List.of(
      "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y");

  private static final Map<String, Integer> PART_ORDINALS = Map.ofEntries(
      Map.entry("nhất", 1), Map.entry("hai", 2), Map.entry("ba", 3), Map.entry("tư", 4), Map.entry("năm", 5),
      Map.entry("sáu", 6), Map.entry("bảy", 7), Map.entry("tám", 8), Map.entry("chín", 9), Map.entry("mười", 10));

  private Numbering() {}

  /** The 1-based ordinal a number stands for at its level, or -1 if it is not a valid number for that level. */
  static int ordinal(NodeKind kind, String number) {
    return switch (kind) {
      case PART -> partOrdinal(number);
      case CHAPTER -> roman(number);
      case SECTION, SUBSECTION, APPENDIX -> number.chars().allMatch(Character::isDigit) ? arabic(number) : roman(number);
      case ARTICLE, CLAUSE, ALTERNATIVE -> arabic(number);
      case POINT -> POINT_LETTERS.indexOf(number) + 1 == 0 ? -1 : POINT_LETTERS.indexOf(number) + 1;
    };
  }

  /** "2a" → {2, 1}, "2b" → {2, 2}, "2" → {2, 0}: an inserted article or clause and the one it follows. */
  static int[] inserted(String number) {
    char last = number.charAt(number.length() - 1);
    if (Character.isDigit(last)) {
      return new int[] {arabic(number), 0};
    }
    return new int[] {arabic(number.substring(0, number.length() - 1)), POINT_LETTERS.indexOf(String.valueOf(last)) + 1};
  }

  static int partOrdinal(String number) {
    String n = number.toLowerCase(Locale.ROOT).trim();
    if (n.startsWith("thứ")) {
      Integer v = PART_ORDINALS.get(n.substring(3).trim());
      return v == null ? -1 : v;
    }
    return n.chars().allMatch(Character::isDigit) ? arabic(n) : roman(number);
  }

  static int arabic(String s) {
    if (s.isEmpty() || s.length() > 6 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Integer.parseInt(s);
  }

  /** Canonical upper-case Roman numerals only: "IIII" or "IC" are refused rather than guessed. */
  static int roman(String s) {
    if (s.isEmpty() || s.length() > 12) {
      return -1;
    }
    int total = 0;
    for (int i = 0; i < s.length(); i++) {
      int v = romanDigit(s.charAt(i));
      if (v < 0) {
        return -1;
      }
      int next = i + 1 < s.length() ? romanDigit(s.charAt(i + 1)) : 0;
      total += v < next ? -v : v;
    }
    return total > 0 && toRoman(total).equals(s) ? total : -1;
  }

  static String toRoman(int n) {
    int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      while (n >= values[i]) {
        sb.append(symbols[i]);
        n -= values[i];
      }
    }
    return sb.toString();
  }

  /** The number as a reader expects it at a given ordinal, for messages ("expected Chương III"). */
  static String display(NodeKind kind, int ordinal) {
    return switch (kind) {
      case CHAPTER -> toRoman(ordinal);
      case POINT -> ordinal >= 1 && ordinal <= POINT_LETTERS.size() ? POINT_LETTERS.get(ordinal - 1) : "?";
      default -> Integer.toString(ordinal);
    };
  }

  private static int romanDigit(char c) {
    return switch (c) {
      case 'I' -> 1;
      case 'V' -> 5;
      case 'X' -> 10;
      case 'L' -> 50;
      case 'C' -> 100;
      case 'D' -> 500;
      case 'M' -> 1000;
      default -> -1;
    };
  }
}
