package vn.hoinghi.config;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The validated configuration. Every key is documented in docs/configuration.md; {@link #KEYS}
 * is the list of keys accepted from the file and the command line, so a typo is an error.
 */
public record ServerConfig(
    String httpHost,
    int httpPort,
    int httpInstances,
    Store store,
    Path dataDir,
    Jwt jwt,
    String ballotSecret,
    String logLevel,
    boolean demoSeed,
    Organizer organizer,
    int shutdownGraceSeconds,
    RateLimit wsRate,
    int idleUnloadSeconds) {

  public static final Set<String> KEYS = Set.of(
      "http.host", "http.port", "http.instances", "store", "postgres.schema", "postgres.pool.size", "data.dir",
      "jwt.algorithm", "jwt.secret", "jwt.private.key.file", "jwt.public.key.file",
      "jwt.access.ttl.seconds", "jwt.refresh.ttl.seconds", "ballot.secret", "log.level", "demo.seed",
      "organizer.username", "organizer.password.file", "shutdown.grace.seconds", "ws.rate.per.second", "ws.rate.burst",
      "conferences.idle.unload.seconds");

  /** The longest quiet period before an idle conference is unloaded: 30 days. */
  public static final int IDLE_UNLOAD_MAX_SECONDS = 30 * 86_400;

  /** Where events are kept: the embedded SQLite file, or a PostgreSQL database. */
  public sealed interface Store {
    record Embedded() implements Store {}

    record Postgres(String url, String schema, int poolSize) implements Store {}
  }

  /**
   * The first organizer account, created on a store without accounts when the demo is not seeded ({@code username}
   * empty: none); its password is read from {@code passwordFile}, or generated and printed once, and must be changed
   * at the first login.
   */
  public record Organizer(String username, String passwordFile) {}

  /** Inbound WebSocket messages per connection: a sustained rate with bursts (token bucket). */
  public record RateLimit(int perSecond, int burst) {}

  /** Token signing: HS256 with a shared secret, or RS256 with PEM key files. */
  public record Jwt(String algorithm, String secret, String privateKeyFile, String publicKeyFile,
                    int accessTtlSeconds, int refreshTtlSeconds) {}

  /** Validates the merged layers; the first problem found is thrown as a one-line {@link ConfigError}. */
  public static ServerConfig from(JsonObject c) {
    for (String key : c.fieldNames()) {
      if (!KEYS.contains(key)) throw new ConfigError("unknown configuration key \"" + key + "\"");
    }
    String host = string(c, "http.host");
    if (host.isBlank()) throw new ConfigError("http.host must not be empty");
    int port = integer(c, "http.port", 0, 65535);
    Store store = store(c);
    String dataDir = string(c, "data.dir");
    if (dataDir.isBlank()) throw new ConfigError("data.dir must not be empty");
    String alg = string(c, "jwt.algorithm").toUpperCase(Locale.ROOT);
    if (!alg.equals("HS256") && !alg.equals("RS256")) {
      throw new ConfigError("jwt.algorithm must be HS256 or RS256, got \"" + alg + "\"");
    }
    Jwt jwt = new Jwt(alg, string(c, "jwt.secret"), string(c, "jwt.private.key.file"),
        string(c, "jwt.public.key.file"), integer(c, "jwt.access.ttl.seconds", 30, 86_400),
        integer(c, "jwt.refresh.ttl.seconds", 60, 30 * 86_400));
    boolean postgres = store instanceof Store.Postgres;
    if (alg.equals("HS256")) SecretPolicy.check("jwt.secret", "HOINGHI_JWT_SECRET", jwt.secret(), postgres);
    if (alg.equals("RS256") && (jwt.privateKeyFile().isEmpty() || jwt.publicKeyFile().isEmpty())) {
      throw new ConfigError("jwt.algorithm RS256 needs jwt.private.key.file and jwt.public.key.file");
    }
    String level = string(c, "log.level").toUpperCase(Locale.ROOT);
    if (!Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF").contains(level)) {
      throw new ConfigError("log.level must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF; got \"" + level + "\"");
    }
    String ballot = string(c, "ballot.secret");
    SecretPolicy.check("ballot.secret", "HOINGHI_BALLOT_SECRET", ballot, postgres);
    int instances = integer(c, "http.instances", 0, 64);
    String organizer = string(c, "organizer.username").trim();
    String problem = organizer.isEmpty() ? null : vn.hoinghi.domain.Usernames.problem(organizer);
    if (problem != null) throw new ConfigError("organizer.username: " + problem);
    // "auto": the demo (with its published passwords) only on the embedded store, a trial on one machine.
    boolean demo = string(c, "demo.seed").trim().equalsIgnoreCase("auto") ? !postgres : bool(c, "demo.seed");
    return new ServerConfig(host, port, instances, store, Path.of(dataDir), jwt, ballot, level, demo,
        new Organizer(vn.hoinghi.domain.Usernames.normalize(organizer), string(c, "organizer.password.file").trim()),
        integer(c, "shutdown.grace.seconds", 0, 600),
        new RateLimit(integer(c, "ws.rate.per.second", 1, 1_000_000), integer(c, "ws.rate.burst", 1, 1_000_000)),
        integer(c, "conferences.idle.unload.seconds", 0, IDLE_UNLOAD_MAX_SECONDS));
  }

  private static Store store(JsonObject c) {
    String s = string(c, "store").trim();
    if (s.equalsIgnoreCase("embedded")) return new Store.Embedded();
    if (s.startsWith("postgresql://") || s.startsWith("postgres://")) {
      URI uri;
      try {
        uri = URI.create(s);
      } catch (IllegalArgumentException e) {
        throw new ConfigError("store is not a valid PostgreSQL URL: " + e.getMessage());
      }
      if (uri.getHost() == null) throw new ConfigError("store URL has no host: " + redact(s));
      String schema = string(c, "postgres.schema");
      if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
        throw new ConfigError("postgres.schema must be a lower-case SQL identifier, got \"" + schema + "\"");
      }
      return new Store.Postgres(s, schema, integer(c, "postgres.pool.size", 1, 200));
    }
    throw new ConfigError("store must be \"embedded\" or a postgresql:// URL, got \"" + redact(s) + "\"");
  }

  /** Hides a password in a URL so it never reaches a log line. */
  public static String redact(String url) {
    return url.replaceAll("://([^:/@]+):[^@]*@", "://$1:***@");
  }

  private static String string(JsonObject c, String key) {
    Object v = c.getValue(key);
    if (v == null) throw new ConfigError(key + " is missing");
    if (v instanceof JsonObject || v instanceof io.vertx.core.json.JsonArray) {
      throw new ConfigError(key + " must be a single value");
    }
    return String.valueOf(v);
  }

  private static int integer(JsonObject c, String key, int min, int max) {
    String raw = string(c, key).trim();
    long v;
    try {
      v = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new ConfigError(key + " must be an integer from " + min + " to " + max + ", got \"" + raw + "\"");
    }
    if (v < min || v > max) {
      throw new ConfigError(key + " must be an integer from " + min + " to " + max + ", got " + v);
    }
    return (int) v;
  }

  private static boolean bool(JsonObject c, String key) {
    String raw = string(c, key).trim().toLowerCase(Locale.ROOT);
    return switch (raw) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new ConfigError(key + " must be true or false, got \"" + raw + "\"");
    };
  }
}
