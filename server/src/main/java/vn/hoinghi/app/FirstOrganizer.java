package vn.hoinghi.app;

import vn.hoinghi.config.ConfigError;
import vn.hoinghi.config.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.auth.Accounts;
import vn.hoinghi.auth.AuthError;
import vn.hoinghi.auth.Passwords;

/**
 * The first organizer of a deployment without the demo: a store without accounts has nobody who could log in. The
 * password comes from {@code organizer.password.file} or is generated and shown once on the console; either way it
 * must be changed at the first login, so no password that was ever written down stays in use.
 */
public final class FirstOrganizer {
  private static final Logger LOG = LoggerFactory.getLogger(FirstOrganizer.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  /** {@code generatedPassword} null when none was created or the password came from a file. */
  public record Result(String username, String generatedPassword) {
    public static final Result NONE = new Result(null, null);
  }

  private FirstOrganizer() {}

  static Result createIfNoAccounts(Accounts accounts, ServerConfig.Organizer config) {
    if (config.username().isEmpty() || accounts.size() > 0) return Result.NONE;
    String password;
    boolean generated = config.passwordFile().isEmpty();
    if (generated) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 20; i++) sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
      password = sb.toString();
    } else {
      try {
        password = Files.readString(Path.of(config.passwordFile()), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new ConfigError("organizer.password.file " + config.passwordFile() + " cannot be read: " + e.getMessage());
      }
      String problem = Passwords.problem(password);
      if (problem != null) throw new ConfigError("organizer.password.file: " + problem);
    }
    try {
      accounts.create(config.username(), "Ban Tổ chức", password, true, Passwords.COST, true).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      // Two nodes starting on one empty database: the other one created it.
      if (cause instanceof AuthError a && a.code().equals("CONFLICT")) return Result.NONE;
      throw new ConfigError("cannot create the first organizer account: " + cause.getMessage());
    }
    LOG.info("Created the first organizer account \"{}\"; its password must be changed at the first login",
        config.username());
    return new Result(config.username(), generated ? password : null);
  }

  /** What Main prints once; the only place the generated password ever appears. */
  static String banner(Result r) {
    StringBuilder sb = new StringBuilder("\nTài khoản Ban Tổ chức đầu tiên / first organizer account: ").append(r.username());
    if (r.generatedPassword() != null) {
      sb.append("\nMật khẩu tạm / one-time password: ").append(r.generatedPassword())
          .append("\n(chỉ hiện một lần; phải đổi khi đăng nhập lần đầu / shown once; change it at the first login:")
          .append(" POST /api/password)\n");
    } else {
      sb.append(" (mật khẩu trong organizer.password.file; phải đổi khi đăng nhập lần đầu / password from")
          .append(" organizer.password.file; change it at the first login: POST /api/password)\n");
    }
    return sb.toString();
  }
}
