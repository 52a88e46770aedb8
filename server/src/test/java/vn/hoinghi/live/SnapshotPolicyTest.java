package vn.hoinghi.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Snapshots wait for a pause in the flow, within a bound")
class SnapshotPolicyTest {

  @Test
  @DisplayName("not before 5,000 events; then at the first second without commits; at 20,000 events whatever the flow")
  void policy() {
    assertThat(SnapshotTaker.snapshotDue(4_999, 60_000)).isFalse();
    assertThat(SnapshotTaker.snapshotDue(5_000, 999)).as("a burst is going on").isFalse();
    assertThat(SnapshotTaker.snapshotDue(5_000, 1_000)).isTrue();
    assertThat(SnapshotTaker.snapshotDue(19_999, 10)).isFalse();
    assertThat(SnapshotTaker.snapshotDue(20_000, 10)).as("a flow that never pauses").isTrue();
  }
}
