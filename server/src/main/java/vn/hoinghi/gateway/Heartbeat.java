package vn.hoinghi.gateway;

/**
 * When to ping a connection and when to give up on it, decided at each sweep ({@link Gateway}). Until authenticated
 * every connection is watched closely; then only organizers, hosts and moderators stay so, the others relaxed.
 */
final class Heartbeat {
  enum Step { NONE, PING, TIMED_OUT }

  private long lastInboundMs;
  private long lastPingMs;
  private boolean fast = true;

  Heartbeat(long nowMs) {
    this.lastInboundMs = nowMs;
  }

  /** Anything from the client (a message, a pong) shows it is there. */
  void heard(long nowMs) {
    lastInboundMs = nowMs;
  }

  void watchClosely(boolean fast) {
    this.fast = fast;
  }

  boolean watchedClosely() {
    return fast;
  }

  /**
   * The step at this sweep. A lagging sweep (the event loop is behind, pongs may sit unread) only pushes the last
   * sign of life forward, so a client is never closed for the server's own delay.
   */
  Step at(long nowMs, boolean lagging) {
    long interval = fast ? Gateway.PING_INTERVAL_MS : Gateway.RELAXED_PING_INTERVAL_MS;
    long timeout = fast ? Gateway.HEARTBEAT_TIMEOUT_MS : Gateway.RELAXED_HEARTBEAT_TIMEOUT_MS;
    if (lagging) {
      lastInboundMs = Math.max(lastInboundMs, nowMs - interval);
    } else if (nowMs - lastInboundMs > timeout) {
      return Step.TIMED_OUT;
    } else if (nowMs - lastInboundMs >= interval && nowMs - lastPingMs >= interval) {
      lastPingMs = nowMs;
      return Step.PING;
    }
    return Step.NONE;
  }
}
