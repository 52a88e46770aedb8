package vn.hoinghi.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Input checks shared by the handlers; each failure is an INVALID or LIMIT rejection naming the field in both languages. */
final class Check {

  static final Pattern COMMAND_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + Limits.COMMAND_ID + "}");
  static final Pattern ENDPOINT_CODE = Pattern.compile("[A-Z0-9]{2,10}");

  private Check() {}

  /** A field's name for messages. */
  record Field(String vi, String en) {}

  static final Field TITLE = new Field("tiêu đề", "title");
  static final Field DESCRIPTION = new Field("mô tả", "description");
  static final Field NAME = new Field("tên", "name");
  static final Field REGION = new Field("vùng", "region");
  static final Field NOTE = new Field("ghi chú", "note");
  static final Field REASON = new Field("lý do", "reason");
  static final Field BODY = new Field("nội dung", "body");
  static final Field REPLACEMENT = new Field("đề xuất sửa thành", "replacement text");
  static final Field TEXT = new Field("nội dung ý kiến", "text");

  /**
   * A text field: stripped; null stays null unless required; control characters refused (line breaks and tabs only
   * in multi-line fields); longer than {@code max} characters is a LIMIT.
   */
  static String text(String value, Field f, int max, boolean required, boolean multiline) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw Reject.invalid("Thiếu " + f.vi(), "The " + f.en() + " is missing");
      }
      return null;
    }
    String s = value.strip();
    if (s.length() > max) {
      throw Reject.limit(capitalize(f.vi()) + " dài quá " + max + " ký tự",
          capitalize(f.en()) + " is longer than " + max + " characters");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean allowed = !Character.isISOControl(c) || (multiline && (c == '\n' || c == '\t' || c == '\r'));
      if (!allowed) {
        throw Reject.invalid(capitalize(f.vi()) + " chứa ký tự điều khiển", capitalize(f.en()) + " contains control characters");
      }
    }
    if (!wellFormed(s)) {
      throw Reject.invalid(capitalize(f.vi()) + " chứa ký tự không hợp lệ", capitalize(f.en()) + " contains an unpaired surrogate");
    }
    return s;
  }

  /**
   * No unpaired UTF-16 surrogate (a JSON "\ud800" escape): such text has no UTF-8 form, so a store would keep
   * something else than what was acknowledged.
   */
  static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  static <T> T required(T value, String vi, String en) {
    if (value == null) {
      throw Reject.invalid("Thiếu " + vi, "The " + en + " is missing");
    }
    return value;
  }

  static int range(int value, int min, int max, String vi, String en) {
    if (value < min) {
      throw Reject.invalid(capitalize(vi) + " phải từ " + min + " trở lên", capitalize(en) + " must be at least " + min);
    }
    if (value > max) {
      throw Reject.limit(capitalize(vi) + " không được vượt quá " + max, capitalize(en) + " must not exceed " + max);
    }
    return value;
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
