package vn.hoinghi.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** The rule for account usernames: 3–64 characters of lower-case letters, digits, '.', '_' or '-', case folded. */
public final class Usernames {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

  private Usernames() {}

  public static String normalize(String username) {
    return username.trim().toLowerCase(Locale.ROOT);
  }

  /** Null when the username is acceptable, otherwise why not. */
  public static String problem(String username) {
    if (username == null || !USERNAME.matcher(normalize(username)).matches()) {
      return "username must be 3–64 characters: lower-case letters, digits, '.', '_' or '-'";
    }
    return null;
  }
}
