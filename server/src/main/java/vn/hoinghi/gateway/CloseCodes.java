package vn.hoinghi.gateway;

/** WebSocket close codes the server uses; listed with their meaning in docs/protocol.md. */
public final class CloseCodes {
  /** Server shutting down or restarting: reconnect and resume. */
  public static final short GOING_AWAY = 1001;
  /** The client kept sending invalid or abusive input. */
  public static final short POLICY = 1008;
  /** A text message whose bytes are not valid UTF-8 (RFC 6455 §8.1). */
  public static final short INVALID_DATA = 1007;
  /** A message over the size limit (sent by Vert.x itself). */
  public static final short TOO_BIG = 1009;
  /** No valid hello within the time limit. */
  public static final short AUTH_REQUIRED = 4001;
  /** The token is not (or no longer) for a participant of this conference. */
  public static final short FORBIDDEN = 4003;
  /**
   * The participant signed in on another device, or a host or moderator ended their sessions: this token's session is
   * over. Do not reconnect with it; sign in again (the personal code or the hall's link).
   */
  public static final short SESSION_ENDED = 4009;
  /** The conference does not exist. */
  public static final short NOT_FOUND = 4004;
  /** The client reads too slowly: its outbound queue overflowed. Reconnect and resume. */
  public static final short TOO_SLOW = 4008;
  /** Too many messages for too long. */
  public static final short RATE_LIMIT = 4029;
  /** No ping answer: the link is considered dead. */
  public static final short HEARTBEAT_TIMEOUT = 4000;
  /** The token expired and no fresh one was sent in time: log in or refresh, then reconnect. */
  public static final short TOKEN_EXPIRED = 4401;

  private CloseCodes() {}
}
