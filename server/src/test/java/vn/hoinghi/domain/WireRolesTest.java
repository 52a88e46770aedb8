package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.hoinghi.auth.Tokens;
import vn.hoinghi.domain.RolesTableTest.Cell;
import vn.hoinghi.domain.RolesTableTest.Column;
import vn.hoinghi.domain.RolesTableTest.Row;
import vn.hoinghi.domain.RolesTableTest.Spec;
import vn.hoinghi.store.NewEvent;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.MutableClock;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.wire.Codec;

/**
 * docs/roles.md enforced over the wire: every cell's situation is built in memory (as the domain
 * test does), loaded into a running server as a conference's log, and the command is sent by a
 * client authenticated as that role, over a real WebSocket (the anonymous join over REST).
 */
@DisplayName("docs/roles.md, checked cell by cell over the WebSocket")
class WireRolesTest {
  static TestServer server;
  static MutableClock clock;
  static final AtomicInteger conferences = new AtomicInteger();

  @BeforeAll
  static void start() {
    clock = new MutableClock(Harness.START);
    server = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject(), clock);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @TestFactory
  Stream<DynamicTest> everyCellOverTheWire() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Row row : RolesTableTest.rows()) {
      Spec spec = RolesTableTest.SPECS.get(row.command());
      boolean scoped = Permissions.table().entrySet().stream().anyMatch(e -> e.getKey().getSimpleName()
          .equals(row.command()) && e.getValue().scope() == Permissions.Scope.ENDPOINT);
      for (Map.Entry<Column, String> cell : row.cells().entrySet()) {
        Column column = cell.getKey();
        // SYSTEM commands come only from the server's own timers: no wire path produces that actor.
        if (column == Column.SYSTEM) continue;
        boolean endpointBound = scoped && RolesTableTest.role(column) != null;
        for (boolean own : endpointBound ? new boolean[] {true, false} : new boolean[] {true}) {
          boolean accept = cell.getValue().equals("✓") || (cell.getValue().equals("own") && own);
          String name = row.command() + " as " + column + (endpointBound ? (own ? " for own endpoint" : " for another endpoint") : "")
              + " → " + (accept ? "accepted" : "refused");
          tests.add(DynamicTest.dynamicTest(name, () -> check(spec, column, own, accept)));
        }
      }
    }
    return tests.stream();
  }

  private static void check(Spec spec, Column column, boolean own, boolean accept) {
    World w = RolesTableTest.world(spec.base());
    String target = w.central == null ? null : RolesTableTest.endpoint(w, column, own);
    Cell cell = new Cell(w, column, RolesTableTest.actor(w, column), RolesTableTest.participant(w, column), target);
    Command command = spec.command().apply(cell);
    String conf = "wire-" + conferences.incrementAndGet();
    load(conf, w);
    clock.set(w.h.now);
    JsonObject json = new JsonObject(Codec.encode(command)).put("type", Codec.typeOf(command));
    // The server draws an invite's code; a client may not send one (docs/protocol.md).
    if (command instanceof Command.IssueInvite) json.remove("code");
    JsonObject reply;
    if (w.central == null) {
      reply = create(column, json);
    } else if (column == Column.ANONYMOUS) {
      reply = anonymous(conf, command, json);
    } else {
      TestClient c = TestClient.withToken(server.baseUrl(), column.name(), token(w, column, conf));
      c.connect(null, column == Column.ORGANIZER ? conf : null);
      reply = c.command(json);
      c.close();
    }
    if (accept) {
      assertThat(reply.getString("type")).as(reply.encode()).isEqualTo("ack");
    } else {
      assertThat(reply.getString("type")).as(reply.encode()).isEqualTo("error");
      assertThat(reply.getString("code")).isIn("FORBIDDEN", "NOT_AUTHENTICATED");
    }
  }

  /** Nothing exists yet: creating a conference is POST /api/conferences, for organizers only. */
  private static JsonObject create(Column column, JsonObject json) {
    Tokens tokens = server.app.gateway().tokens();
    String token = switch (column) {
      case ORGANIZER -> tokens.issue(Tokens.Claims.of(World.ORGANIZER.id(), Tokens.Kind.ORGANIZER, null,
          Tokens.Type.ACCESS, Set.of("ORGANIZER"), null, "Ban tổ chức"));
      case ANONYMOUS -> null;
      default -> tokens.issue(Tokens.Claims.of("p-1", Tokens.Kind.PARTICIPANT, "wire-other", Tokens.Type.ACCESS,
          Set.of(column.name()), null, "p-1"));
    };
    json.remove("type");
    JsonObject r = TestClient.post(server.baseUrl(), "/api/conferences", json, token);
    return r.getInteger("_status") == 201 ? new JsonObject().put("type", "ack")
        : r.put("type", "error").put("code", r.getInteger("_status") == 401 ? "NOT_AUTHENTICATED" : r.getString("code"));
  }

  /** An anonymous caller: the only way in is /api/join; any other command is refused before hello. */
  private static JsonObject anonymous(String conf, Command command, JsonObject json) {
    if (command instanceof Command.JoinWithInvite j) {
      JsonObject r = TestClient.post(server.baseUrl(), "/api/join", new JsonObject().put("conferenceId", conf)
          .put("code", j.code()).put("displayName", j.displayName()), null);
      // A hall's shared link answers 202 with a request for the host: accepted as well.
      return r.getInteger("_status") == 201 || r.getInteger("_status") == 202 ? new JsonObject().put("type", "ack")
          : r.put("type", "error");
    }
    TestClient raw = TestClient.withToken(server.baseUrl(), "anon", null);
    vn.hoinghi.testing.WsProbe ws = vn.hoinghi.testing.WsProbe.connect(server.baseUrl().replace("http", "ws") + "/ws");
    ws.next();
    ws.send(new JsonObject().put("type", "command").put("id", "anon-1").put("command", json).encode());
    JsonObject r = new JsonObject(ws.next());
    ws.close();
    return r;
  }

  private static String token(World w, Column column, String conf) {
    Tokens tokens = server.app.gateway().tokens();
    if (column == Column.ORGANIZER) {
      return tokens.issue(Tokens.Claims.of(World.ORGANIZER.id(), Tokens.Kind.ORGANIZER, null, Tokens.Type.ACCESS,
          Set.of("ORGANIZER"), null, "Ban tổ chức"));
    }
    String pid = RolesTableTest.participant(w, column);
    Set<String> roles = new TreeSet<>();
    w.conf().participant(pid).orElseThrow().roles().forEach(r -> roles.add(r.name()));
    return tokens.issue(Tokens.Claims.of(pid, Tokens.Kind.PARTICIPANT, conf, Tokens.Type.ACCESS, roles, null, pid));
  }

  /** The world's log becomes the conference's log in the server's store. */
  private static void load(String conf, World w) {
    List<NewEvent> batch = new ArrayList<>();
    long seq = 0;
    for (RecordedEvent e : w.h.log) {
      batch.add(new NewEvent(Codec.typeOf(e.event()), Codec.encode(e.event()), e.actor(), e.commandId(), e.at()));
      if (batch.size() == 500) {
        Await.of(server.app.store().append(conf, seq, batch));
        seq += batch.size();
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) Await.of(server.app.store().append(conf, seq, batch));
  }
}
