package vn.hoinghi.domain;

import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The one rule for invite codes and their defaults, for every path (WebSocket, REST, a log replayed). The server draws
 * each code: {@link #LENGTH} characters of {@link #ALPHABET}, upper-case letters and digits without the look-alikes
 * I, O, 0 and 1, so a person can read it off a hall screen and type it on a phone. Whatever case and spacing is typed,
 * on revoke or join, is folded to upper case without spaces before it is compared.
 */
public final class InviteRules {

  public static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  public static final int LENGTH = 10;
  /** Uses and lifetime of an invite that does not say. */
  public static final int DEFAULT_USES = 500;
  public static final int DEFAULT_DAYS = 7;

  private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern DRAWN = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
  /** What a code given on revoke or join may look like: codes issued before this rule were 6–64 of these. */
  private static final Pattern ENTERED = Pattern.compile("[A-Z0-9_-]{6,64}");

  private InviteRules() {}

  /** A fresh code from {@code random} (the server passes a SecureRandom). */
  public static String draw(RandomGenerator random) {
    StringBuilder sb = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    return sb.toString();
  }

  /**
   * The code as it is stored and compared: without spaces, upper-case. Spaces inside go too, because the invitation
   * cards print a code in groups ("K7P2 QX9M NA") and people type it as printed; no code ever holds a space.
   */
  static String fold(String code) {
    return code == null ? null : WHITESPACE.matcher(code).replaceAll("").toUpperCase(Locale.ROOT);
  }

  /** The code of a new invite, folded; refused unless it has the drawn shape. */
  static String issued(String code) {
    String c = fold(code);
    if (c == null || !DRAWN.matcher(c).matches()) {
      throw Reject.invalid("Mã mời do máy chủ tạo: " + LENGTH + " ký tự trong " + ALPHABET,
          "An invite code is drawn by the server: " + LENGTH + " characters of " + ALPHABET);
    }
    return c;
  }

  /** A code somebody typed to revoke or join with, folded; refused when it cannot be any invite's code. */
  static String entered(String code) {
    String c = fold(code);
    if (c == null || !ENTERED.matcher(c).matches()) {
      throw Reject.invalid("Mã mời không đúng dạng (ví dụ K7P2QX9MNA)", "Not an invite code (e.g. K7P2QX9MNA)");
    }
    return c;
  }
}
