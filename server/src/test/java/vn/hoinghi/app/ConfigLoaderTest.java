package vn.hoinghi.app;

import vn.hoinghi.config.ConfigError;
import vn.hoinghi.config.ServerConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.TestServer;

@DisplayName("Configuration layers and validation")
class ConfigLoaderTest {
  private Vertx vertx;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  private ServerConfig load(String[] args, Map<String, String> env) {
    return Await.of(ConfigLoader.load(vertx, ConfigLoader.parseArgs(args), env));
  }

  private static Throwable failure(Runnable r) {
    try {
      r.run();
    } catch (CompletionException e) {
      return e.getCause();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  @DisplayName("with nothing configured: port 8080, embedded store in ./data, demo seeded")
  void defaults() {
    ServerConfig c = load(new String[0], Map.of());
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.httpHost()).isEqualTo("0.0.0.0");
    assertThat(c.store()).isInstanceOf(ServerConfig.Store.Embedded.class);
    assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(c.demoSeed()).isTrue();
    assertThat(c.jwt().algorithm()).isEqualTo("HS256");
    assertThat(c.logLevel()).isEqualTo("INFO");
  }

  @Test
  @DisplayName("file overrides defaults, environment overrides file, flags override environment")
  void layering(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("hoinghi.json");
    Files.writeString(file, new JsonObject().put("http.port", 7001).put("log.level", "debug")
        .put("data.dir", "/var/lib/hoinghi").put("demo.seed", false).encode());
    Map<String, String> env = Map.of("HOINGHI_HTTP_PORT", "7002", "HOINGHI_LOG_LEVEL", "warn");
    ServerConfig fileOnly = load(new String[] {"--config", file.toString()}, Map.of());
    ServerConfig fileEnv = load(new String[] {"--config", file.toString()}, env);
    ServerConfig all = load(new String[] {"--config", file.toString(), "--http.port=7003"}, env);

    assertThat(fileOnly.httpPort()).isEqualTo(7001);
    assertThat(fileOnly.logLevel()).isEqualTo("DEBUG");
    assertThat(fileEnv.httpPort()).isEqualTo(7002);
    assertThat(fileEnv.logLevel()).isEqualTo("WARN");
    assertThat(fileEnv.dataDir()).isEqualTo(Path.of("/var/lib/hoinghi"));
    assertThat(all.httpPort()).isEqualTo(7003);
    assertThat(all.demoSeed()).isFalse();
  }

  @Test
  @DisplayName("HOINGHI_CONFIG names the file when no --config flag is given")
  void configFromEnvironment(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("c.json");
    Files.writeString(file, "{\"http.port\": 9123}");
    assertThat(load(new String[0], Map.of("HOINGHI_CONFIG", file.toString())).httpPort()).isEqualTo(9123);
  }

  @Test
  @DisplayName("a PostgreSQL URL selects the PostgreSQL store with its schema and pool size")
  void postgresStore() {
    ServerConfig c = load(new String[] {"--store", "postgresql://hn:secret@db:5432/hoinghi",
        "--postgres.schema=conf", "--postgres.pool.size=4", "--jwt.secret=" + TestServer.JWT_SECRET,
        "--ballot.secret=" + TestServer.BALLOT_SECRET}, Map.of());
    assertThat(c.store()).isEqualTo(new ServerConfig.Store.Postgres("postgresql://hn:secret@db:5432/hoinghi", "conf", 4));
  }

  @Test
  @DisplayName("conferences.idle.unload.seconds: 600 by default, 0 (never) to 30 days from any layer; anything else"
      + " stops start-up naming the key")
  void idleUnload() {
    assertThat(load(new String[0], Map.of()).idleUnloadSeconds()).isEqualTo(600);
    assertThat(load(new String[0], Map.of("HOINGHI_CONFERENCES_IDLE_UNLOAD_SECONDS", "0")).idleUnloadSeconds()).isZero();
    assertThat(load(new String[] {"--conferences.idle.unload.seconds=1"}, Map.of()).idleUnloadSeconds()).isEqualTo(1);
    assertThat(load(new String[] {"--conferences.idle.unload.seconds", "2592000"}, Map.of()).idleUnloadSeconds())
        .isEqualTo(2_592_000);
    assertThat(failure(() -> load(new String[] {"--conferences.idle.unload.seconds=2592001"}, Map.of())))
        .isInstanceOf(ConfigError.class)
        .hasMessage("conferences.idle.unload.seconds must be an integer from 0 to 2592000, got 2592001");
    assertThat(failure(() -> load(new String[] {"--conferences.idle.unload.seconds=-1"}, Map.of())))
        .isInstanceOf(ConfigError.class).hasMessageContaining("conferences.idle.unload.seconds");
    assertThat(failure(() -> load(new String[0], Map.of("HOINGHI_CONFERENCES_IDLE_UNLOAD_SECONDS", "10m"))))
        .isInstanceOf(ConfigError.class)
        .hasMessage("conferences.idle.unload.seconds must be an integer from 0 to 2592000, got \"10m\"");
  }

  @Test
  @DisplayName("bad values stop start-up with one line naming the key")
  void badValues() {
    assertThat(failure(() -> load(new String[] {"--http.port=abc"}, Map.of())))
        .isInstanceOf(ConfigError.class).hasMessage("http.port must be an integer from 0 to 65535, got \"abc\"");
    assertThat(failure(() -> load(new String[] {"--http.port=70000"}, Map.of())))
        .hasMessageContaining("http.port").hasMessageContaining("70000");
    assertThat(failure(() -> load(new String[] {"--store=mysql://db/x"}, Map.of())))
        .hasMessageStartingWith("store must be \"embedded\" or a postgresql:// URL");
    assertThat(failure(() -> load(new String[] {"--log.level=loud"}, Map.of()))).hasMessageContaining("log.level");
    assertThat(failure(() -> load(new String[] {"--jwt.algorithm=none"}, Map.of()))).hasMessageContaining("jwt.algorithm");
    assertThat(failure(() -> load(new String[] {"--jwt.secret=short"}, Map.of()))).hasMessageContaining("32");
    assertThat(failure(() -> load(new String[] {"--demo.seed=maybe"}, Map.of()))).hasMessageContaining("demo.seed");
    assertThat(failure(() -> load(new String[] {"--store=postgresql://db/x", "--postgres.schema=Bad-Name"}, Map.of())))
        .hasMessageContaining("postgres.schema");
  }

  @Test
  @DisplayName("unknown flags, stray arguments, unknown file keys and missing or broken files are refused")
  void unknownInput(@TempDir Path dir) throws Exception {
    assertThat(failure(() -> ConfigLoader.parseArgs(new String[] {"--prot=1"})))
        .isInstanceOf(ConfigError.class).hasMessage("unknown flag --prot (see --help)");
    assertThat(failure(() -> ConfigLoader.parseArgs(new String[] {"serve"}))).hasMessageContaining("unexpected argument");
    Path typo = dir.resolve("typo.json");
    Files.writeString(typo, "{\"http.prot\": 1}");
    assertThat(failure(() -> load(new String[] {"--config", typo.toString()}, Map.of())))
        .hasMessage("unknown configuration key \"http.prot\"");
    assertThat(failure(() -> load(new String[] {"--config", dir.resolve("nope.json").toString()}, Map.of())))
        .hasMessageContaining("does not exist");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{not json");
    assertThat(failure(() -> load(new String[] {"--config", broken.toString()}, Map.of())))
        .isInstanceOf(ConfigError.class).hasMessageStartingWith("cannot read configuration file");
  }

  @Test
  @DisplayName("passwords in a store URL are never echoed in errors")
  void redaction() {
    assertThat(ServerConfig.redact("postgresql://hn:s3cret@db:5432/x")).isEqualTo("postgresql://hn:***@db:5432/x");
    assertThat(failure(() -> load(new String[] {"--store=postgresql://hn:s3cret@/x"}, Map.of())).getMessage())
        .doesNotContain("s3cret");
  }

  @Test
  @DisplayName("--no-demo turns the demo seeding off; --help is recognised")
  void flags() {
    assertThat(load(new String[] {"--no-demo"}, Map.of()).demoSeed()).isFalse();
    assertThat(ConfigLoader.parseArgs(new String[] {"--help"}).help()).isTrue();
    assertThat(TestServer.defaults().fieldNames()).containsExactlyInAnyOrderElementsOf(ServerConfig.KEYS);
  }
}
