package vn.hoinghi.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.live.ConferenceWriter;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestPostgres;
import vn.hoinghi.testing.TestServer;

/**
 * Two deployments in two schemas of one PostgreSQL database, each with a conference "demo": each writes its own.
 * Advisory locks are per database, so the writer's lock is named by schema and conference (docs/architecture.md).
 */
@DisplayName("Deployments in different schemas of one database each write their own conferences")
class SchemasApartTest {
  @Test
  @DisplayName("two servers on two schemas both lead their conference 'demo' and acknowledge commands")
  void eachSchemaHasItsWriter() {
    TestPostgres.assumeReachable();
    String first = TestPostgres.newSchemaName();
    String second = TestPostgres.newSchemaName();
    JsonObject shared = new JsonObject().put("jwt.secret", ThreeNodesTest.SECRET).put("ballot.secret", ThreeNodesTest.BALLOT)
        .put("demo.seed", true);
    try (TestServer a = TestServer.node(first, shared.copy()); TestServer b = TestServer.node(second, shared.copy())) {
      for (TestServer s : new TestServer[] {a, b}) {
        ConferenceWriter w = Await.of(s.app.conferences().existing("demo"));
        TestClient.waitFor(w::leads, "the writer of 'demo' in " + s.port());
        TestClient chair = TestClient.demo(s, "chutri");
        assertThat(chair.command("schemas-" + s.port(), TestClient.cmd("StartConference")).getString("type"))
            .isEqualTo("ack");
      }
    } finally {
      TestPostgres.dropSchema(first);
      TestPostgres.dropSchema(second);
    }
  }
}
