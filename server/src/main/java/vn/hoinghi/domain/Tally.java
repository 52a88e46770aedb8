package vn.hoinghi.domain;

import java.util.Map;

/**
 * Overall and per-endpoint counts for one article in one vote; the overall numbers are the sum of the endpoints'.
 * When the target has alternatives, {@code alternatives} counts the ballots per alternative id in the draft's order
 * (their sum is {@code agree}: choosing an alternative agrees with that wording); otherwise it is null.
 */
public record Tally(int agree, int disagree, int other, int total, Map<String, EndpointTally> byEndpoint,
    @Nullable Map<String, Integer> alternatives) {

  public Tally {
    byEndpoint = Map.copyOf(byEndpoint);
    alternatives = Alternatives.counts(alternatives);
  }

  public Tally(int agree, int disagree, int other, int total, Map<String, EndpointTally> byEndpoint) {
    this(agree, disagree, other, total, byEndpoint, null);
  }
}
