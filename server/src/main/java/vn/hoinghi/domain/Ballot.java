package vn.hoinghi.domain;

/**
 * One delegate's choice on one article in one vote. {@code voter} is the participant id in a named vote and the voter
 * key in an anonymous one ({@code secret} true), so the state, like the log, never pairs a person with a secret
 * choice. {@code endpointId} is the voter's endpoint when the ballot was cast; it feeds the per-endpoint tally.
 * {@code alternativeId} is the chosen alternative (with {@link Choice#AGREE}) when the target has alternatives, else
 * null.
 */
public record Ballot(String voteId, String articleId, String voter, boolean secret, @Nullable String endpointId,
    Choice choice, @Nullable String text, @Nullable String alternativeId) {

  public Ballot(String voteId, String articleId, String voter, boolean secret, String endpointId, Choice choice,
      String text) {
    this(voteId, articleId, voter, secret, endpointId, choice, text, null);
  }
}
