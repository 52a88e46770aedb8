package vn.hoinghi.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.live.Cluster;
import vn.hoinghi.live.Outcome;
import vn.hoinghi.store.postgres.PgEventStore;
import vn.hoinghi.testing.TestPostgres;

/** Two cluster members on one real PostgreSQL schema: commands forwarded by one are decided by the other, in order. */
@DisplayName("Forwarding through PostgreSQL (real server)")
class PgForwardingTest {
  private Vertx vertx;
  private String schema;
  private PgEventStore store;
  private PgCluster writer;
  private PgCluster follower;

  @BeforeEach
  void start() throws Exception {
    TestPostgres.assumeReachable();
    vertx = Vertx.vertx();
    schema = TestPostgres.newSchemaName();
    store = PgEventStore.open(vertx, TestPostgres.URL, schema, 8);
    writer = PgCluster.start(vertx, store.options(), store.pool()).await(10, TimeUnit.SECONDS);
    follower = PgCluster.start(vertx, store.options(), store.pool()).await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    if (writer != null) writer.close().await(10, TimeUnit.SECONDS);
    if (follower != null) follower.close().await(10, TimeUnit.SECONDS);
    if (vertx != null) vertx.close().await(10, TimeUnit.SECONDS);
    if (schema != null) TestPostgres.dropSchema(schema);
  }

  @Test
  @DisplayName("a burst of 2,000 forwarded commands: each answered once with its own outcome, decided in sending order")
  void burstInOrder() throws Exception {
    List<String> decided = Collections.synchronizedList(new ArrayList<>());
    Cluster.Inbox inbox = (env, submitter) -> {
      decided.add(env.commandId());
      long seq = decided.size();
      return Future.succeededFuture(new Outcome.Acked(seq, seq, false, List.of()));
    };
    assertThat(writer.tryLead("conf-1", inbox).await(10, TimeUnit.SECONDS)).isTrue();
    List<Future<Outcome>> answers = new ArrayList<>();
    vertx.runOnContext(v -> {
      for (int i = 0; i < 2_000; i++) {
        answers.add(follower.forward("conf-1", new CommandEnvelope("cmd-" + i, new Actor("p-" + i,
            Actor.Kind.PARTICIPANT), new Command.RevokeInvite("code-" + i)), "p-" + i));
      }
    });
    TestPostgresWait.until(() -> answers.size() == 2_000);
    Future.all(answers).await(30, TimeUnit.SECONDS);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) expected.add("cmd-" + i);
    assertThat(decided).containsExactlyElementsOf(expected);
    for (int i = 0; i < 2_000; i++) {
      assertThat(answers.get(i).result()).isInstanceOf(Outcome.Acked.class);
      assertThat(((Outcome.Acked) answers.get(i).result()).firstSeq()).isEqualTo(i + 1);
    }
    try (var c = TestPostgres.jdbc(); var st = c.createStatement()) {
      ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM " + schema + ".command_inbox) + "
          + "(SELECT count(*) FROM " + schema + ".command_outbox)");
      rs.next();
      assertThat(rs.getLong(1)).as("rows left behind in the inbox and outbox").isZero();
    }
  }

  @Test
  @DisplayName("the forwarding and presence tables are unlogged: messages between live nodes cost no WAL")
  void unlogged() throws Exception {
    try (var c = TestPostgres.jdbc(); var st = c.createStatement()) {
      ResultSet rs = st.executeQuery("SELECT c.relname, c.relpersistence FROM pg_class c JOIN pg_namespace n "
          + "ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' AND c.relname IN "
          + "('command_inbox', 'command_outbox', 'presence', 'events') ORDER BY c.relname");
      List<String> rows = new ArrayList<>();
      while (rs.next()) rows.add(rs.getString(1) + "=" + rs.getString(2));
      assertThat(rows).containsExactly("command_inbox=u", "command_outbox=u", "events=p", "presence=u");
    }
  }

  @Test
  @DisplayName("outcomes travel whole: events with their nulls, refusals with their details, failures with their code")
  void outcomesRoundTrip() {
    Outcome acked = new Outcome.Acked(4, 5, true, List.of(new vn.hoinghi.domain.Event.SettingsUpdated(
        vn.hoinghi.domain.VoteMode.NAMED, 180), new vn.hoinghi.domain.Event.EndpointUpdated("e1", "Hà Nội", null)));
    Outcome refused = new Outcome.Refused(new vn.hoinghi.domain.Rejection(vn.hoinghi.domain.RejectionCode.FORBIDDEN,
        "Không được phép", "Not allowed", List.of("role", "endpoint")));
    Outcome failed = new Outcome.Failed("STORE_UNAVAILABLE", "try again");
    for (Outcome o : List.of(acked, refused, failed)) {
      assertThat(PgForwarding.decode(PgForwarding.encode(o))).isEqualTo(o);
    }
    assertThat(PgForwarding.decode("{not json")).isEqualTo(
        new Outcome.Failed("INTERNAL", "unreadable outcome from the writer"));
  }

  /** Polls a condition (the commands are sent on a Vert.x context). */
  private static final class TestPostgresWait {
    static void until(java.util.function.BooleanSupplier ok) throws InterruptedException {
      long deadline = System.currentTimeMillis() + 10_000;
      while (!ok.getAsBoolean() && System.currentTimeMillis() < deadline) Thread.sleep(10);
      assertThat(ok.getAsBoolean()).isTrue();
    }
  }
}
