package vn.hoinghi.domain;

import java.time.Instant;

/**
 * The turn in progress. Elapsed time is derived from event times only: {@code spentMillis} accumulated before the
 * last pause plus, while running, the time since {@code runningSince} (null while paused). {@code limitSeconds} 0
 * means no limit; the limit is advisory (screens show overrun, the chair ends the turn).
 */
public record Speech(String requestId, String participantId, Instant startedAt, int limitSeconds, long spentMillis,
    @Nullable Instant runningSince) {

  public boolean paused() {
    return runningSince == null;
  }

  public long elapsedMillis(Instant now) {
    return spentMillis + (runningSince == null ? 0 : Math.max(0, now.toEpochMilli() - runningSince.toEpochMilli()));
  }
}
