package vn.hoinghi.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/** Counters shared by the fuzz workers, and the first problems they found (checked by the test at the end). */
final class FuzzStats {
  final Map<String, LongAdder> kinds = new ConcurrentHashMap<>();
  final Map<String, LongAdder> codes = new ConcurrentHashMap<>();
  final Map<String, LongAdder> closes = new ConcurrentHashMap<>();
  final Map<String, LongAdder> other = new ConcurrentHashMap<>();
  final Queue<String> problems = new ConcurrentLinkedQueue<>();
  final LongAdder cases = new LongAdder();

  static void inc(Map<String, LongAdder> m, String key) {
    m.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  void kind(String k) {
    inc(kinds, k);
    cases.increment();
  }

  void code(String c) {
    inc(codes, c);
  }

  void close(int code) {
    inc(closes, Integer.toString(code));
  }

  void count(String what) {
    inc(other, what);
  }

  void add(String what, long n) {
    other.computeIfAbsent(what, k -> new LongAdder()).add(n);
  }

  long get(Map<String, LongAdder> m, String key) {
    LongAdder a = m.get(key);
    return a == null ? 0 : a.sum();
  }

  long total(Map<String, LongAdder> m) {
    return m.values().stream().mapToLong(LongAdder::sum).sum();
  }

  void problem(String p) {
    if (problems.size() < 30) problems.add(p.length() > 400 ? p.substring(0, 400) + "…" : p);
  }

  static JsonObject json(Map<String, LongAdder> m) {
    JsonObject o = new JsonObject();
    new TreeMap<>(m).forEach((k, v) -> o.put(k, v.sum()));
    return o;
  }

  /** The error codes a client's bad input may earn (docs/protocol.md, docs/api.md); not INTERNAL or store failures. */
  static final Set<String> CLIENT_FAULT_CODES = Set.of("MALFORMED_JSON", "INVALID_MESSAGE", "UNKNOWN_TYPE",
      "UNKNOWN_COMMAND", "UNSUPPORTED", "NOT_AUTHENTICATED", "ALREADY_AUTHENTICATED", "INVALID_TOKEN", "RATE_LIMITED",
      "INVALID", "LIMIT", "FORBIDDEN", "NOT_FOUND", "WRONG_STATE", "CONFLICT", "LOGIN_FAILED", "THROTTLED", "TOO_LARGE",
      "UNSUPPORTED_MEDIA_TYPE", "SESSION_ENDED", "PASSWORD_CHANGE_REQUIRED", "NO_CONFERENCE");

  static JsonArray list(Queue<String> q) {
    return new JsonArray(java.util.List.copyOf(q));
  }
}
