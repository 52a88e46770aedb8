package vn.hoinghi.domain;

/** A hall's collective result for one article, recorded by its host; it replaces the hall's individual ballots in the tally. */
public record HallResult(String voteId, String articleId, String endpointId, int agree, int disagree, int other,
    String recordedBy) {

  public int total() {
    return agree + disagree + other;
  }
}
