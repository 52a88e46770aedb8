package vn.hoinghi.testing;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocking waits for tests, which run on plain threads. */
public final class Await {
  private Await() {}

  public static <T> T of(Future<T> f) {
    return of(f, 30);
  }

  public static <T> T of(Future<T> f, int seconds) {
    try {
      return f.await(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("timed out after " + seconds + " s", e);
    }
  }
}
