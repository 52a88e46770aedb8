package vn.hoinghi.auth;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows repeated failures (logins, invite codes) per key — a username, a client address. After
 * {@link #FREE} failures within the window each further attempt must wait 1, 2, 4 … s (the wait
 * doubles with every further failure, up to {@link #MAX_WAIT_SECONDS}); a success clears the key.
 */
public final class Throttle {
  /** Failures allowed per key before waits begin; per address it is higher, a hall shares one NAT address. */
  public static final int FREE = 5;
  public static final int FREE_PER_ADDRESS = 100;
  public static final long WINDOW_MS = 15 * 60 * 1000L;
  public static final long MAX_WAIT_SECONDS = 300;
  private static final int MAX_KEYS = 100_000;

  private record State(int failures, long firstAt, long blockedUntil) {}

  private final ConcurrentHashMap<String, State> keys = new ConcurrentHashMap<>();
  private final Clock clock;

  public Throttle(Clock clock) {
    this.clock = clock;
  }

  /** Seconds the caller must still wait before trying this key again; 0 when it may try now. */
  public long retryAfterSeconds(String key) {
    State s = keys.get(key);
    if (s == null) return 0;
    long now = clock.millis();
    if (now - s.firstAt() > WINDOW_MS && now >= s.blockedUntil()) {
      keys.remove(key, s);
      return 0;
    }
    return Math.max(0, (s.blockedUntil() - now + 999) / 1000);
  }

  public void failure(String key) {
    failure(key, FREE);
  }

  public void failure(String key, int free) {
    long now = clock.millis();
    if (keys.size() > MAX_KEYS) keys.clear(); // bounded memory under a spray of keys
    keys.compute(key, (k, s) -> {
      if (s == null || now - s.firstAt() > WINDOW_MS) return new State(1, now, 0);
      int n = s.failures() + 1;
      // The free-th failure already starts the wait (1 s), so attempt free + 1 waits whatever its password.
      long wait = n < free ? 0 : Math.min(MAX_WAIT_SECONDS, 1L << Math.min(20, n - free));
      return new State(n, s.firstAt(), now + wait * 1000);
    });
  }

  public void success(String key) {
    keys.remove(key);
  }
}
