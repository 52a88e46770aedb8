package vn.hoinghi.auth;

import io.vertx.core.Vertx;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import vn.hoinghi.config.ConfigError;
import vn.hoinghi.config.ServerConfig;

/**
 * Builds the JWT provider from configuration. HS256 without a configured secret generates one on
 * first start and keeps it in the data directory (owner-readable only), so tokens survive a
 * restart; several nodes must be given the same secret or RS256 keys explicitly.
 */
public final class SigningKeys {
  static final String SECRET_FILE = "jwt-hs256.secret";

  private SigningKeys() {}

  public static JWTAuth provider(Vertx vertx, ServerConfig.Jwt jwt, Path dataDir) {
    JWTAuthOptions options = new JWTAuthOptions();
    if (jwt.algorithm().equals("RS256")) {
      options.addPubSecKey(new PubSecKeyOptions().setAlgorithm("RS256").setBuffer(read(jwt.privateKeyFile())));
      options.addPubSecKey(new PubSecKeyOptions().setAlgorithm("RS256").setBuffer(read(jwt.publicKeyFile())));
    } else {
      String secret = jwt.secret().isEmpty() ? generatedSecret(dataDir, SECRET_FILE) : jwt.secret();
      options.addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret));
    }
    try {
      return JWTAuth.create(vertx, options);
    } catch (RuntimeException e) {
      throw new ConfigError("cannot load JWT keys: " + e.getMessage());
    }
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new ConfigError("cannot read JWT key file " + file + ": " + e.getMessage());
    }
  }

  /** Reads a generated secret from {@code dataDir/name}, creating it on first start. */
  public static String generatedSecret(Path dataDir, String name) {
    Path file = dataDir.resolve(name);
    try {
      if (Files.exists(file)) {
        String s = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (s.length() >= 32) return s;
        throw new ConfigError("generated secret in " + file + " is too short; delete it to regenerate");
      }
      Files.createDirectories(dataDir);
      byte[] bytes = new byte[48];
      new SecureRandom().nextBytes(bytes);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Files.writeString(file, secret, StandardCharsets.US_ASCII);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      return secret;
    } catch (IOException e) {
      throw new ConfigError("cannot create secret " + name + " in " + dataDir + ": " + e.getMessage());
    }
  }
}
