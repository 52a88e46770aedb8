package vn.hoinghi.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * Password hashing with bcrypt (cost 12, a maintained library). Hashing and verifying take tens
 * to hundreds of milliseconds on purpose: callers run them off the event loop.
 */
public final class Passwords {
  public static final int COST = 12;
  public static final int MIN_LENGTH = 8;
  /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
  public static final int MAX_BYTES = 72;

  private Passwords() {}

  /** A lower cost is only for tests and demo seeding speed; production uses {@link #COST}. */
  public static String hash(String password, int cost) {
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  public static boolean verify(String password, String hash) {
    if (password == null || hash == null) return false;
    return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.US_ASCII))
        .verified;
  }

  /** Null when acceptable, otherwise why not. */
  public static String problem(String password) {
    if (password == null || password.length() < MIN_LENGTH) return "password must have at least " + MIN_LENGTH + " characters";
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) return "password must be at most 72 bytes";
    return null;
  }
}
