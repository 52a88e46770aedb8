package vn.hoinghi.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The real PostgreSQL the tests use: {@code HOINGHI_TEST_PG_URL}, default
 * {@code postgresql://postgres@127.0.0.1:5432/test}. Each caller gets a fresh schema that it drops
 * afterwards. Unreachable → the test is skipped with the reason, unless {@code REQUIRE_POSTGRES=1},
 * which makes it a failure (CI sets it).
 */
public final class TestPostgres {
  public static final String URL = System.getenv().getOrDefault(
      "HOINGHI_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test");
  private static final AtomicReference<String> UNREACHABLE = new AtomicReference<>();
  private static volatile boolean probed;

  private TestPostgres() {}

  public static boolean required() {
    return "1".equals(System.getenv("REQUIRE_POSTGRES"));
  }

  /** Skips (or fails, when required) the calling test when PostgreSQL cannot be reached. */
  public static void assumeReachable() {
    if (!probed) {
      synchronized (TestPostgres.class) {
        if (!probed) {
          try (Connection c = jdbc()) {
            c.createStatement().execute("SELECT 1");
          } catch (Exception e) {
            UNREACHABLE.set(e.getMessage());
          }
          probed = true;
        }
      }
    }
    String why = UNREACHABLE.get();
    if (why == null) return;
    String message = "PostgreSQL not reachable at " + URL + ": " + why;
    if (required()) throw new AssertionError(message + " (REQUIRE_POSTGRES=1)");
    Assumptions.abort(message);
  }

  public static String newSchemaName() {
    return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
  }

  public static void dropSchema(String schema) {
    try (Connection c = jdbc(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (Exception e) {
      throw new IllegalStateException("could not drop test schema " + schema, e);
    }
  }

  public static Connection jdbc() throws Exception {
    PgConnectOptions o = PgConnectOptions.fromUri(URL);
    java.util.Properties p = new java.util.Properties();
    if (o.getUser() != null) p.setProperty("user", o.getUser());
    if (o.getPassword() != null) p.setProperty("password", o.getPassword());
    p.setProperty("connectTimeout", "3");
    return DriverManager.getConnection(
        "jdbc:postgresql://" + o.getHost() + ":" + o.getPort() + "/" + o.getDatabase(), p);
  }
}
