package vn.hoinghi.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The tally clock: few frames during a burst, the final count right after it")
class TallyClockTest {

  @Test
  @DisplayName("the busy interval grows with the audience: 100 ms for a small one, 1.2 s at 15,000, at most 2 s")
  void busyInterval() {
    assertThat(TallyClock.busyIntervalMs(10)).isEqualTo(100);
    assertThat(TallyClock.busyIntervalMs(1_250)).isEqualTo(100);
    assertThat(TallyClock.busyIntervalMs(15_000)).isEqualTo(1_200);
    assertThat(TallyClock.busyIntervalMs(100_000)).isEqualTo(2_000);
  }

  @Test
  @DisplayName("while ballots keep coming to 15,000 watchers, a tally goes out every 1.2 s, not every tick")
  void duringABurst() {
    long sent = 10_000;
    // A ballot arrived 20 ms ago: the flow goes on.
    assertThat(TallyClock.due(sent + 600, sent, sent + 580, 15_000)).isFalse();
    assertThat(TallyClock.due(sent + 1_199, sent, sent + 1_180, 15_000)).isFalse();
    assertThat(TallyClock.due(sent + 1_200, sent, sent + 1_180, 15_000)).isTrue();
  }

  @Test
  @DisplayName("once ballots stop for 150 ms the tally goes out on the next tick, whatever the audience")
  void afterTheLastBallot() {
    long sent = 10_000;
    assertThat(TallyClock.due(sent + 300, sent, sent + 149, 15_000)).isTrue();
    assertThat(TallyClock.due(sent + 300, sent, sent + 151, 15_000)).isFalse();
  }

  @Test
  @DisplayName("never more than one tally frame per 100 ms")
  void floor() {
    long sent = 10_000;
    assertThat(TallyClock.due(sent + 99, sent, sent - 1_000, 10)).isFalse();
    assertThat(TallyClock.due(sent + 100, sent, sent - 1_000, 10)).isTrue();
  }
}
