package vn.hoinghi.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/info} (docs/api.md): what this server is, for the login page before anyone logs in. The demo's
 * logins are listed only when this start seeded the demo conference, the same moment the console prints them: a
 * server with real data never advertises passwords.
 */
public final class ServerInfo {
  private final JsonObject body;

  /** The demo this start seeded: its conference (null: none seeded), the shared password and the logins. */
  public record Demo(String conferenceId, String password, List<Login> logins) {
    public static Demo none() {
      return new Demo(null, null, List.of());
    }
  }

  public record Login(String username, String displayName, String role) {}

  public ServerInfo(String version, Demo demo) {
    JsonObject b = new JsonObject().put("product", "hoinghi").put("version", version)
        .put("demo", demo.conferenceId() != null);
    if (demo.conferenceId() != null) {
      JsonArray logins = new JsonArray();
      for (Login l : demo.logins()) {
        logins.add(new JsonObject().put("username", l.username()).put("displayName", l.displayName()).put("role", l.role()));
      }
      b.put("demoConferenceId", demo.conferenceId()).put("demoPassword", demo.password()).put("demoLogins", logins);
    }
    this.body = b;
  }

  void handle(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
