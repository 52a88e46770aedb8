package vn.hoinghi.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Short-lived access tokens and longer refresh tokens (JWT, vertx-auth-jwt). A token carries who
 * (participant or organizer account), the conference, the roles and the endpoint at issue time;
 * the roles are a hint for the client only — every command is authorized again by the domain core
 * against the conference's current state.
 */
public final class Tokens {
  public static final String ISSUER = "hoinghi";

  /** What a verified token says. {@code conferenceId} is null for an organizer token. */
  public record Claims(String subject, Kind kind, String conferenceId, Type type, Set<String> roles,
                       String endpointId, String name, long expiresAt, int session) {
    /** Claims to issue; the expiry is set when signing. */
    public static Claims of(String subject, Kind kind, String conferenceId, Type type, Set<String> roles,
                            String endpointId, String name) {
      return new Claims(subject, kind, conferenceId, type, roles, endpointId, name, 0, 0);
    }

    public Claims(String subject, Kind kind, String conferenceId, Type type, Set<String> roles, String endpointId,
                  String name, long expiresAt) {
      this(subject, kind, conferenceId, type, roles, endpointId, name, expiresAt, 0);
    }

    /** The same claims for the participant's session {@code n} (a sign-in on another device ends earlier ones). */
    public Claims inSession(int n) {
      return new Claims(subject, kind, conferenceId, type, roles, endpointId, name, expiresAt, n);
    }
  }

  public enum Kind { PARTICIPANT, ORGANIZER }

  public enum Type { ACCESS, REFRESH }

  private final JWTAuth jwt;
  private final String algorithm;
  private final int accessTtl;
  private final int refreshTtl;

  public Tokens(JWTAuth jwt, String algorithm, int accessTtlSeconds, int refreshTtlSeconds) {
    this.jwt = jwt;
    this.algorithm = algorithm;
    this.accessTtl = accessTtlSeconds;
    this.refreshTtl = refreshTtlSeconds;
  }

  public int accessTtlSeconds() {
    return accessTtl;
  }

  public String issue(Claims c) {
    JsonObject claims = new JsonObject()
        .put("sub", c.subject())
        .put("kind", c.kind().name().toLowerCase())
        .put("typ", c.type().name().toLowerCase())
        .put("roles", new JsonArray(List.copyOf(c.roles())));
    if (c.conferenceId() != null) claims.put("conf", c.conferenceId());
    if (c.endpointId() != null) claims.put("endpoint", c.endpointId());
    if (c.name() != null) claims.put("name", c.name());
    if (c.session() > 0) claims.put("ses", c.session());
    int ttl = c.type() == Type.ACCESS ? accessTtl : refreshTtl;
    return jwt.generateToken(claims, new JWTOptions().setAlgorithm(algorithm).setIssuer(ISSUER)
        .setExpiresInSeconds(ttl));
  }

  /** The token's expiry (epoch seconds): vertx-auth-jwt keeps "exp" in the user's attributes. */
  private static long expiry(io.vertx.ext.auth.User user) {
    Object exp = user.containsKey("exp") ? user.get("exp") : user.principal().getValue("exp");
    if (exp instanceof Number n) return n.longValue();
    throw new IllegalArgumentException("token without expiry");
  }

  /** Verifies signature, algorithm, issuer and expiry, and that the token is of the expected type. */
  public Future<Claims> verify(String token, Type expected) {
    if (token == null || token.isBlank() || token.length() > 8192) {
      return Future.failedFuture(new AuthError("INVALID_TOKEN", "missing or oversized token"));
    }
    return jwt.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(new AuthError("INVALID_TOKEN", "invalid or expired token")))
        .compose(user -> {
          JsonObject p = user.principal();
          try {
            if (!ISSUER.equals(p.getString("iss"))) throw new IllegalArgumentException("issuer");
            Type type = Type.valueOf(p.getString("typ", "").toUpperCase());
            if (type != expected) throw new IllegalArgumentException("type");
            Kind kind = Kind.valueOf(p.getString("kind", "").toUpperCase());
            Set<String> roles = new LinkedHashSet<>();
            JsonArray r = p.getJsonArray("roles", new JsonArray());
            for (int i = 0; i < r.size(); i++) roles.add(r.getString(i));
            String sub = p.getString("sub");
            if (sub == null || sub.isBlank()) throw new IllegalArgumentException("subject");
            if (kind == Kind.PARTICIPANT && p.getString("conf") == null) throw new IllegalArgumentException("conf");
            Object ses = p.getValue("ses");
            int session = ses == null ? 0 : ses instanceof Integer n && n > 0 ? n : -1;
            if (session < 0) throw new IllegalArgumentException("session");
            return Future.succeededFuture(new Claims(sub, kind, p.getString("conf"), type, roles,
                p.getString("endpoint"), p.getString("name"), expiry(user), session));
          } catch (RuntimeException e) {
            return Future.failedFuture(new AuthError("INVALID_TOKEN", "invalid token"));
          }
        });
  }
}
