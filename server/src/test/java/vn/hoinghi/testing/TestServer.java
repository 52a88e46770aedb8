package vn.hoinghi.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import vn.hoinghi.app.Application;
import vn.hoinghi.config.ServerConfig;

/** Starts a real server for a test, on the embedded store or on a fresh PostgreSQL schema. */
public final class TestServer implements AutoCloseable {
  public enum StoreKind { EMBEDDED, POSTGRES }

  public final Application app;
  public final Path dataDir;
  private final String schema;
  private final boolean ownsSchema;

  private TestServer(Application app, Path dataDir, String schema, boolean ownsSchema) {
    this.app = app;
    this.dataDir = dataDir;
    this.schema = schema;
    this.ownsSchema = ownsSchema;
  }

  /** A node on an existing PostgreSQL schema shared with other nodes; the caller drops the schema. */
  public static TestServer node(String schema, JsonObject overrides) {
    TestPostgres.assumeReachable();
    JsonObject c = new JsonObject().put("store", TestPostgres.URL).put("postgres.schema", schema)
        .put("postgres.pool.size", 8).put("jwt.secret", JWT_SECRET).put("ballot.secret", BALLOT_SECRET).mergeIn(overrides);
    return start(StoreKind.EMBEDDED, c, java.time.Clock.systemUTC(), false);
  }

  /** PostgreSQL needs both secrets set (SecretPolicy); these are the tests', not published defaults. */
  public static final String JWT_SECRET = "test-server-jwt-secret-4f9c2a7e1b8d6053";
  public static final String BALLOT_SECRET = "test-server-ballot-secret-9e3b7c1a5d2f8046";

  public static TestServer start(StoreKind kind) {
    return start(kind, new JsonObject());
  }

  /** {@code overrides} are configuration keys on top of the test defaults. */
  public static TestServer start(StoreKind kind, JsonObject overrides) {
    return start(kind, overrides, java.time.Clock.systemUTC());
  }

  /** With the conference writers' clock under the test's control. */
  public static TestServer start(StoreKind kind, JsonObject overrides, java.time.Clock clock) {
    return start(kind, overrides, clock, true);
  }

  private static TestServer start(StoreKind kind, JsonObject overrides, java.time.Clock clock, boolean ownsSchema) {
    Path dir;
    try {
      dir = Files.createTempDirectory("hoinghi-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String schema = null;
    JsonObject c = defaults()
        .put("http.host", "127.0.0.1")
        .put("http.port", freePort())
        .put("http.instances", 2)
        .put("data.dir", dir.toString())
        .put("demo.seed", false)
        .put("organizer.username", "")
        .put("shutdown.grace.seconds", 5);
    if (kind == StoreKind.POSTGRES) {
      TestPostgres.assumeReachable();
      schema = TestPostgres.newSchemaName();
      c.put("store", TestPostgres.URL).put("postgres.schema", schema).put("postgres.pool.size", 8)
          .put("jwt.secret", JWT_SECRET).put("ballot.secret", BALLOT_SECRET);
    }
    c.mergeIn(overrides);
    Application app = Application.start(Application.newVertx(), ServerConfig.from(c), clock);
    return new TestServer(app, dir, schema, ownsSchema);
  }

  public static JsonObject defaults() {
    try (var in = TestServer.class.getClassLoader().getResourceAsStream("default-config.json")) {
      return new JsonObject(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return app.port();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  public void close() {
    app.stop();
    if (schema != null && ownsSchema) TestPostgres.dropSchema(schema);
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temp dir
    }
  }
}
