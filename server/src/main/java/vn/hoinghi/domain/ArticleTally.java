package vn.hoinghi.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running counts of one target (article or clause) in one vote. Slots 0–2 are {@link Choice#ordinal()}; on a
 * target with alternatives, slot 3 + i counts alternative i (such a ballot also counts as AGREE, so the three choices
 * still add up to the total). Kept up to date on every fold, in constant time: a changed ballot moves one count.
 */
final class ArticleTally {
  private final List<String> alternativeIds;
  final int[] counted;
  final Map<String, int[]> individual = new LinkedHashMap<>();
  final Map<String, HallResult> collective = new LinkedHashMap<>();

  ArticleTally(List<String> alternativeIds) {
    this.alternativeIds = List.copyOf(alternativeIds);
    this.counted = new int[3 + alternativeIds.size()];
  }

  void count(String endpointId, Choice choice, String alternativeId, int delta) {
    int alt = alternativeId == null ? -1 : alternativeIds.indexOf(alternativeId);
    int[] mine = individual.computeIfAbsent(endpointId, k -> new int[counted.length]);
    mine[choice.ordinal()] += delta;
    if (alt >= 0) mine[3 + alt] += delta;
    if (!collective.containsKey(endpointId)) {
      counted[choice.ordinal()] += delta;
      if (alt >= 0) counted[3 + alt] += delta;
    }
  }

  void setCollective(HallResult r) {
    HallResult old = collective.put(r.endpointId(), r);
    add(old == null ? individual.getOrDefault(r.endpointId(), new int[counted.length]) : counts(old), -1);
    add(counts(r), +1);
  }

  void clearCollective(String endpointId) {
    HallResult old = collective.remove(endpointId);
    if (old != null) {
      add(counts(old), -1);
      add(individual.getOrDefault(endpointId, new int[counted.length]), +1);
    }
  }

  private void add(int[] c, int sign) {
    for (int i = 0; i < counted.length; i++) {
      counted[i] += sign * c[i];
    }
  }

  int[] counts(HallResult r) {
    int[] c = new int[counted.length];
    c[0] = r.agree();
    c[1] = r.disagree();
    c[2] = r.other();
    if (r.alternatives() != null) {
      for (int i = 0; i < alternativeIds.size(); i++) {
        c[3 + i] = r.alternatives().getOrDefault(alternativeIds.get(i), 0);
      }
    }
    return c;
  }

  /** Counts per alternative id from slots 3…, or null on a target without alternatives. */
  Map<String, Integer> alternatives(int[] c) {
    if (alternativeIds.isEmpty()) return null;
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < alternativeIds.size(); i++) {
      out.put(alternativeIds.get(i), c[3 + i]);
    }
    return out;
  }

  Tally tally() {
    Map<String, EndpointTally> byEndpoint = new LinkedHashMap<>();
    for (Map.Entry<String, int[]> e : individual.entrySet()) {
      int[] c = e.getValue();
      if (c[0] + c[1] + c[2] > 0 && !collective.containsKey(e.getKey())) {
        byEndpoint.put(e.getKey(), new EndpointTally(c[0], c[1], c[2], c[0] + c[1] + c[2], false,
            Counts.of(c[0], c[1], c[2]), alternatives(c)));
      }
    }
    for (HallResult r : collective.values()) {
      int[] c = individual.getOrDefault(r.endpointId(), new int[counted.length]);
      byEndpoint.put(r.endpointId(), new EndpointTally(r.agree(), r.disagree(), r.other(), r.total(), true,
          Counts.of(c[0], c[1], c[2]), alternatives(counts(r))));
    }
    int[] c = counted;
    return new Tally(c[0], c[1], c[2], c[0] + c[1] + c[2], byEndpoint, alternatives(c));
  }
}
