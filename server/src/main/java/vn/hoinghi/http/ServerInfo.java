package vn.hoinghi.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.hoinghi.app.DemoSeed;

/**
 * {@code GET /api/info} (docs/api.md): what this server is, for the login page before anyone logs in. The demo's
 * logins are listed only when this start seeded the demo conference, the same moment the console prints them: a
 * server with real data never advertises passwords.
 */
public final class ServerInfo {
  private final JsonObject body;

  public ServerInfo(String version, DemoSeed.Result demo) {
    JsonObject b = new JsonObject().put("product", "hoinghi").put("version", version)
        .put("demo", demo.conferenceId() != null);
    if (demo.conferenceId() != null) {
      JsonArray logins = new JsonArray();
      for (DemoSeed.Login l : demo.logins()) {
        logins.add(new JsonObject().put("username", l.username()).put("displayName", l.displayName()).put("role", l.role()));
      }
      b.put("demoConferenceId", demo.conferenceId()).put("demoPassword", DemoSeed.PASSWORD).put("demoLogins", logins);
    }
    this.body = b;
  }

  void handle(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
