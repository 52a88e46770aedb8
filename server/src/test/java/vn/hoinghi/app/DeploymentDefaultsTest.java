package vn.hoinghi.app;

import vn.hoinghi.config.ConfigError;
import vn.hoinghi.config.ServerConfig;
import vn.hoinghi.config.SecretPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.Await;

/** No known secret and no demo password out of the box on a deployment; the quick start stays as it is. */
@DisplayName("Deployment defaults: secrets, demo seeding, documented keys")
class DeploymentDefaultsTest {
  private static final String PG = "--store=postgresql://hoinghi@db:5432/hoinghi";
  private static final String JWT = "--jwt.secret=Zq8wJ3vR1mX6tB0yK4nC7pL2sH9dF5gA";
  private static final String BALLOT = "--ballot.secret=uE2rT7yI0oP5aS8dG3hJ6kL1zX4cV9bN";
  private Vertx vertx;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  private ServerConfig load(String... args) {
    return Await.of(ConfigLoader.load(vertx, ConfigLoader.parseArgs(args), Map.of()));
  }

  private Throwable refusal(String... args) {
    try {
      load(args);
    } catch (CompletionException e) {
      return e.getCause();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected a refusal");
  }

  @Test
  @DisplayName("the quick start: embedded store, no secrets set → starts, secrets generated, demo seeded")
  void quickStart() {
    ServerConfig c = load();
    assertThat(c.jwt().secret()).isEmpty();
    assertThat(c.ballotSecret()).isEmpty();
    assertThat(c.demoSeed()).isTrue();
  }

  @Test
  @DisplayName("PostgreSQL without a JWT or ballot secret is refused, with what to set")
  void postgresNeedsSecrets() {
    assertThat(refusal(PG, BALLOT)).isInstanceOf(ConfigError.class)
        .hasMessageStartingWith("jwt.secret is required on PostgreSQL").hasMessageContaining("HOINGHI_JWT_SECRET");
    assertThat(refusal(PG, JWT)).isInstanceOf(ConfigError.class)
        .hasMessageStartingWith("ballot.secret is required on PostgreSQL").hasMessageContaining("HOINGHI_BALLOT_SECRET");
    assertThat(load(PG, JWT, BALLOT).store()).isInstanceOf(ServerConfig.Store.Postgres.class);
    // RS256 signs with key files: no JWT secret then.
    assertThat(load(PG, BALLOT, "--jwt.algorithm=RS256", "--jwt.private.key.file=k.pem", "--jwt.public.key.file=p.pem")
        .jwt().algorithm()).isEqualTo("RS256");
  }

  @Test
  @DisplayName("a published secret (docker-compose.yml's old fallbacks, a change-me, a placeholder) or a short one is refused anywhere")
  void publishedOrShort() {
    for (String published : SecretPolicy.PUBLISHED) {
      String padded = published.length() >= 32 ? published : published + "-" + published + "-" + published;
      assertThat(refusal(PG, BALLOT, "--jwt.secret=" + published)).as(published).isInstanceOf(ConfigError.class);
      assertThat(refusal("--ballot.secret=" + padded)).as(padded).isInstanceOf(ConfigError.class);
    }
    assertThat(refusal(PG, BALLOT, "--jwt.secret=change-me-change-me-change-me-change-me"))
        .hasMessageStartingWith("jwt.secret is a published or placeholder value").hasMessageContaining("HOINGHI_JWT_SECRET");
    assertThat(refusal(PG, JWT, "--ballot.secret=my-own-CHANGEME-ballot-secret-please-123"))
        .hasMessageContaining("published or placeholder");
    assertThat(refusal(PG, BALLOT, "--jwt.secret=" + "ab".repeat(20))).hasMessageContaining("placeholder");
    assertThat(refusal(PG, BALLOT, "--jwt.secret=Zq8wJ3vR1mX6tB0y")).hasMessageStartingWith("jwt.secret must be at least 32");
  }

  @Test
  @DisplayName("the demo, with its published passwords, is seeded on PostgreSQL only when demo.seed=true is set")
  void demoOnlyOnEmbeddedUnlessAsked() {
    assertThat(load(PG, JWT, BALLOT).demoSeed()).isFalse();
    assertThat(load(PG, JWT, BALLOT, "--demo.seed=true").demoSeed()).isTrue();
    assertThat(load(PG, JWT, BALLOT, "--demo.seed=auto").demoSeed()).isFalse();
    assertThat(load("--no-demo").demoSeed()).isFalse();
    assertThat(load().organizer()).isEqualTo(new ServerConfig.Organizer("bantochuc", ""));
    assertThat(refusal("--organizer.username=Bad Name!")).hasMessageStartingWith("organizer.username");
  }

  @Test
  @DisplayName("docs/configuration.md documents exactly the keys the server accepts")
  void everyKeyDocumented() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "configuration.md"), StandardCharsets.UTF_8);
    Set<String> documented = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\| `([a-z][a-z0-9.]*)` \\|").matcher(doc);
    while (m.find()) documented.add(m.group(1));
    assertThat(documented).containsExactlyInAnyOrderElementsOf(ServerConfig.KEYS);
  }
}
