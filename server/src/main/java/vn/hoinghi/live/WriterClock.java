package vn.hoinghi.live;

import java.time.Clock;
import java.time.Instant;

/**
 * The writer's one source of time. {@link #instant()} is domain time: the timestamps of events and the decisions taken
 * at them (feedback deadline, presence frames), always the injected {@link Clock}. {@link #ticks()} is elapsed time in
 * milliseconds for the writer's own pacing (tally and presence intervals, store stall detection, replica waits, the
 * snapshot's quiet period): in production a monotonic reading ({@code System.nanoTime}), so a test that freezes or
 * moves the domain clock does not freeze the pacing; a unit test drives both from one controllable clock
 * ({@link #manual}).
 */
interface WriterClock {
  /** A tick long past: "never happened" for a last-time field, with no overflow when subtracted from a real tick. */
  long NEVER = Long.MIN_VALUE / 4;

  /** Domain time: when things happen in the conference. */
  Instant instant();

  /** Elapsed milliseconds, for intervals only (not comparable with {@link #instant()}). */
  long ticks();

  /** Production: domain time from {@code domain}, pacing from the monotonic clock. */
  static WriterClock of(Clock domain) {
    return new WriterClock() {
      @Override
      public Instant instant() {
        return domain.instant();
      }

      @Override
      public long ticks() {
        return System.nanoTime() / 1_000_000L;
      }
    };
  }

  /** Tests: domain time and pacing both read from {@code clock}, so moving it moves everything. */
  static WriterClock manual(Clock clock) {
    return new WriterClock() {
      @Override
      public Instant instant() {
        return clock.instant();
      }

      @Override
      public long ticks() {
        return clock.millis();
      }
    };
  }
}
