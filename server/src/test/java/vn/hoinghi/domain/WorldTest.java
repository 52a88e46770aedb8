package vn.hoinghi.domain;

import org.junit.jupiter.api.AfterEach;

/** Base of the per-command tests: after every test, replaying the log and restoring a snapshot equal the live state. */
abstract class WorldTest {

  World w;

  @AfterEach
  void replayEqualsLive() {
    if (w != null) {
      w.h.assertReplayEqualsLive();
    }
  }
}
