package vn.hoinghi.live;

/** Polls a condition that another thread makes true. */
final class TestWait {
  interface Check {
    boolean holds() throws Exception;
  }

  private TestWait() {}

  static void until(Check check, String what) throws Exception {
    long end = System.nanoTime() + 10_000_000_000L;
    while (!check.holds()) {
      if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(20);
    }
  }
}
