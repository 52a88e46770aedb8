package vn.hoinghi.http;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import vn.hoinghi.wire.Codec;
import vn.hoinghi.wire.RestBody.DemoLogin;
import vn.hoinghi.wire.RestBody.ServerInfoBody;

/**
 * {@code GET /api/info} (docs/api.md): what this server is, for the login page before anyone logs in. The demo's
 * logins are listed only when this start seeded the demo conference, the same moment the console prints them: a
 * server with real data never advertises passwords.
 */
public final class ServerInfo {
  private final String body;

  /** The demo this start seeded: its conference (null: none seeded), the shared password and the logins. */
  public record Demo(String conferenceId, String password, List<Login> logins) {
    public static Demo none() {
      return new Demo(null, null, List.of());
    }
  }

  public record Login(String username, String displayName, String role) {}

  public ServerInfo(String version, Demo demo) {
    boolean seeded = demo.conferenceId() != null;
    this.body = Codec.encode(new ServerInfoBody("hoinghi", version, seeded, demo.conferenceId(),
        seeded ? demo.password() : null,
        seeded ? demo.logins().stream().map(l -> new DemoLogin(l.username(), l.displayName(), l.role())).toList() : null));
  }

  void handle(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
        .end(body);
  }
}
