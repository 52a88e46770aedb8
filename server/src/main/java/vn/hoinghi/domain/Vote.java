package vn.hoinghi.domain;

import java.time.Instant;
import java.util.List;

/** A vote on one or more articles of the draft version that was current when it opened. */
public record Vote(String id, String title, List<String> articleIds, VoteMode mode, int draftVersion, VoteStatus status,
    Instant openedAt, Instant closedAt, int reopenCount) {

  public Vote {
    articleIds = List.copyOf(articleIds);
  }
}
