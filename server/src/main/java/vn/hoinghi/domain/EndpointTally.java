package vn.hoinghi.domain;

/**
 * One endpoint's part of a tally. The counted numbers are the hall's collective result when one is recorded
 * ({@code collective} true), otherwise the sum of its delegates' individual ballots; {@code individual} always shows
 * the individual ballots, so they stay visible without being counted twice.
 */
public record EndpointTally(int agree, int disagree, int other, int total, boolean collective, Counts individual) {}
