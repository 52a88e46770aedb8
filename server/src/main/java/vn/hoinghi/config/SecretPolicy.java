package vn.hoinghi.config;

import java.util.Locale;
import java.util.Set;

/**
 * Refuses secrets anybody who has read the repository knows. A JWT secret forges organizer tokens and a ballot secret
 * unmasks secret ballots, so a published one is as good as none: it stops start-up with a line saying what to set.
 * An empty secret is generated into {@code data.dir}, which serves one node; PostgreSQL means nodes share a database
 * and must share the secrets too, so there they must be set.
 */
public final class SecretPolicy {
  public static final int MIN_LENGTH = 32;
  /** Distinct characters below which a secret is a placeholder ("aaaa…", "0000…"), not a random string. */
  static final int MIN_DISTINCT = 10;
  /** Every secret literal the repository has published (docker-compose.yml before it required them, docs). */
  public static final Set<String> PUBLISHED = Set.of(
      "change-me-change-me-change-me-change-me",
      "change-me-too-change-me-too-change-me-too",
      "hoinghi-dev-only",
      "hoinghi-demo");

  private SecretPolicy() {}

  /** {@code key} the configuration key, {@code env} its variable; throws {@link ConfigError} on a refused secret. */
  public static void check(String key, String env, String secret, boolean required) {
    String how = "set " + env + " (or --" + key + ") to " + MIN_LENGTH + "+ random characters, e.g. $(openssl rand -hex 32)";
    if (secret.isEmpty()) {
      if (required) throw new ConfigError(key + " is required on PostgreSQL, the same on every node: " + how);
      return;
    }
    if (secret.length() < MIN_LENGTH) throw new ConfigError(key + " must be at least " + MIN_LENGTH + " characters: " + how);
    String lower = secret.toLowerCase(Locale.ROOT);
    if (PUBLISHED.stream().anyMatch(lower::contains) || lower.contains("change-me") || lower.contains("changeme")
        || secret.chars().distinct().count() < MIN_DISTINCT) {
      throw new ConfigError(key + " is a published or placeholder value that anybody can use: " + how);
    }
  }
}
