package vn.hoinghi.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies of the per-target alternative maps that keep the order of the draft (Map.copyOf would not). */
final class Alternatives {
  private Alternatives() {}

  static Map<String, List<Alternative>> copy(Map<String, List<Alternative>> in) {
    if (in == null || in.isEmpty()) return Map.of();
    Map<String, List<Alternative>> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }

  /** Counts per alternative id, in order; null stays null (the target has no alternatives). */
  static Map<String, Integer> counts(Map<String, Integer> in) {
    return in == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(in));
  }
}
