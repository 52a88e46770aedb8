package vn.hoinghi.domain;

import java.util.Map;

/**
 * One endpoint's part of a tally. The counted numbers are the hall's collective result when one is recorded
 * ({@code collective} true), otherwise the sum of its delegates' individual ballots; {@code individual} always shows
 * the individual ballots, so they stay visible without being counted twice. {@code alternatives}: the counted numbers
 * per alternative, as in {@link Tally#alternatives()}.
 */
public record EndpointTally(int agree, int disagree, int other, int total, boolean collective, Counts individual,
    @Nullable Map<String, Integer> alternatives) {

  public EndpointTally {
    alternatives = Alternatives.counts(alternatives);
  }

  public EndpointTally(int agree, int disagree, int other, int total, boolean collective, Counts individual) {
    this(agree, disagree, other, total, collective, individual, null);
  }
}
