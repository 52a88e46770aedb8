package vn.hoinghi.gateway;

/**
 * How long a connection's outbound buffer has stayed full. A full buffer alone is not fatal — a phone on a poor link
 * may take seconds to drain a snapshot — but a client whose buffer stays full for {@link #CONGESTION_MS}, or while
 * {@link #CONGESTION_FRAMES} more frames pile up, is too slow to keep: it would hold memory and never catch up. It
 * resumes on reconnect.
 */
final class CongestionWindow {
  static final long CONGESTION_MS = 10_000;
  static final int CONGESTION_FRAMES = 500;
  private long congestedSince;
  private int framesWhileCongested;

  /**
   * Counts the window from the first time the buffer was seen full: {@code frames} more frames are being added to it
   * now (0 from the heartbeat sweep, which closes a client that stays congested with nothing more sent to it, so
   * that its buffered bytes are not held until the next frame). True when the client is too slow.
   */
  boolean tooSlow(boolean full, long now, int frames) {
    if (!full) {
      congestedSince = 0;
      return false;
    }
    if (congestedSince == 0) {
      congestedSince = now;
      framesWhileCongested = 0;
    }
    framesWhileCongested += frames;
    return framesWhileCongested > CONGESTION_FRAMES || now - congestedSince > CONGESTION_MS;
  }
}
