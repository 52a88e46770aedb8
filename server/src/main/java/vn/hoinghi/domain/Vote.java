package vn.hoinghi.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A vote on one or more articles (or clauses with alternatives) of the draft version that was current when it opened.
 * {@code alternatives} names, for each target that holds alternative wordings (phương án), the alternatives a ballot
 * chooses between; a target absent from it is voted tán thành / không tán thành / ý kiến khác. Empty for votes of old
 * logs, which had none.
 */
public record Vote(String id, @Nullable String title, List<String> articleIds, VoteMode mode, int draftVersion,
    VoteStatus status, Instant openedAt, @Nullable Instant closedAt, int reopenCount,
    Map<String, List<Alternative>> alternatives) {

  public Vote {
    articleIds = List.copyOf(articleIds);
    alternatives = Alternatives.copy(alternatives);
  }

  public Vote(String id, String title, List<String> articleIds, VoteMode mode, int draftVersion, VoteStatus status,
      Instant openedAt, Instant closedAt, int reopenCount) {
    this(id, title, articleIds, mode, draftVersion, status, openedAt, closedAt, reopenCount, null);
  }

  /** The alternatives of one target, empty when it has none. */
  public List<Alternative> alternativesOf(String targetId) {
    return alternatives.getOrDefault(targetId, List.of());
  }

  Vote withStatus(VoteStatus newStatus, Instant newClosedAt, int newReopenCount) {
    return new Vote(id, title, articleIds, mode, draftVersion, newStatus, openedAt, newClosedAt, newReopenCount,
        alternatives);
  }
}
