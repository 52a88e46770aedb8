package vn.hoinghi.gateway;

import io.vertx.core.Vertx;

/**
 * The timer that ends a live connection when its access token expires; a fresh token ({@code token} message) moves
 * it. The session decides what expiry means (it closes with 4001 only while live).
 */
final class TokenExpiry {
  private final Vertx vertx;
  private final Runnable expired;
  private long expiresAtMs;
  private long timer = -1;

  TokenExpiry(Vertx vertx, Runnable expired) {
    this.vertx = vertx;
    this.expired = expired;
  }

  /** (Re)arms the timer for a token that expires at {@code expiresAtSeconds} (the JWT's {@code exp}). */
  void until(long expiresAtSeconds) {
    expiresAtMs = expiresAtSeconds * 1000;
    if (timer >= 0) vertx.cancelTimer(timer);
    long delay = Math.max(1, expiresAtMs - System.currentTimeMillis());
    timer = vertx.setTimer(delay, t -> {
      if (System.currentTimeMillis() >= expiresAtMs) expired.run();
    });
  }

  void cancel() {
    if (timer >= 0) vertx.cancelTimer(timer);
  }
}
