package vn.hoinghi.document.docx;

import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** A list counter written as Word writes it: 5, 05, e, E, v, V. Formats without a rule here fall back to decimal. */
final class Counter {
  private static final int[] ROMAN_VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
  private static final String[] ROMAN_DIGITS = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};

  private Counter() {}

  static String format(int value, STNumberFormat.Enum fmt) {
    int f = fmt == null ? STNumberFormat.INT_DECIMAL : fmt.intValue();
    return switch (f) {
      case STNumberFormat.INT_DECIMAL_ZERO -> value >= 0 && value < 10 ? "0" + value : Integer.toString(value);
      case STNumberFormat.INT_LOWER_LETTER -> letters(value).toLowerCase();
      case STNumberFormat.INT_UPPER_LETTER -> letters(value);
      case STNumberFormat.INT_LOWER_ROMAN -> roman(value).toLowerCase();
      case STNumberFormat.INT_UPPER_ROMAN -> roman(value);
      default -> Integer.toString(value);
    };
  }

  /** Word's letters: A…Z, then AA…ZZ, AAA…: the letter repeated, not a base-26 number. */
  static String letters(int value) {
    if (value <= 0) return Integer.toString(value);
    char c = (char) ('A' + (value - 1) % 26);
    return String.valueOf(c).repeat((value - 1) / 26 + 1);
  }

  static String roman(int value) {
    if (value <= 0 || value >= 4000) return Integer.toString(value);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < ROMAN_VALUES.length; i++) {
      while (value >= ROMAN_VALUES[i]) {
        s.append(ROMAN_DIGITS[i]);
        value -= ROMAN_VALUES[i];
      }
    }
    return s.toString();
  }
}
