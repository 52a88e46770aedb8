package vn.hoinghi.domain;

import java.util.Map;

/**
 * A hall's collective result for one article, recorded by its host; it replaces the hall's individual ballots in the
 * tally. On a target with alternatives, {@code alternatives} gives the count per alternative id (summing to
 * {@code agree}); otherwise null.
 */
public record HallResult(String voteId, String articleId, String endpointId, int agree, int disagree, int other,
    String recordedBy, @Nullable Map<String, Integer> alternatives) {

  public HallResult {
    alternatives = Alternatives.counts(alternatives);
  }

  public HallResult(String voteId, String articleId, String endpointId, int agree, int disagree, int other,
      String recordedBy) {
    this(voteId, articleId, endpointId, agree, disagree, other, recordedBy, null);
  }

  public int total() {
    return agree + disagree + other;
  }
}
