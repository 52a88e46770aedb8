package vn.hoinghi.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.hoinghi.auth.AuthError;
import vn.hoinghi.auth.Passwords;

/**
 * {@code POST /api/password}: the old password and a new one. The way out of a required change (the first organizer's
 * generated password), and an ordinary password change for any account. Proven by the old password, not a token, and
 * throttled as a login is, with the same keys: guessing here is guessing a login.
 */
final class PasswordChange {
  private final Gateway gateway;

  PasswordChange(Gateway gateway) {
    this.gateway = gateway;
  }

  void handle(RoutingContext ctx) {
    JsonObject body = RestApi.jsonBody(ctx);
    if (body == null) return;
    String username = body.getValue("username") instanceof String s ? s : null;
    String password = body.getValue("password") instanceof String s ? s : null;
    String newPassword = body.getValue("newPassword") instanceof String s ? s : null;
    if (username == null || password == null || newPassword == null || username.length() > 64
        || password.length() > 200 || newPassword.length() > 200) {
      RestApi.json(ctx, 400, Replies.error(null, "INVALID", "username, password and newPassword are required strings"));
      return;
    }
    RestApi.withPassword(ctx, gateway, username, password, account -> {
      String problem = newPassword.equals(password) ? "the new password must differ from the old one"
          : Passwords.problem(newPassword);
      if (problem != null) {
        RestApi.json(ctx, 400, Replies.error(null, "INVALID", problem));
        return;
      }
      gateway.accounts().changePassword(account.id(), newPassword).onComplete(done -> {
        if (done.succeeded()) {
          RestApi.json(ctx, 200, new JsonObject().put("changed", true));
        } else if (done.cause() instanceof AuthError a) {
          RestApi.json(ctx, RestApi.statusFor(a.code()), Replies.error(null, a.code(), a.getMessage()));
        } else {
          RestApi.json(ctx, 500, Replies.error(null, "INTERNAL", null));
        }
      });
    });
  }
}
