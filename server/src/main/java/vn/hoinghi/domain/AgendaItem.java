package vn.hoinghi.domain;

import java.time.Instant;
import java.util.List;

/**
 * An agenda item. {@code nodeIds} name the chapters or articles it discusses. Elapsed time is derivable:
 * {@code spentMillis} accumulated over earlier runs plus, while CURRENT, the time since {@code startedAt}.
 */
public record AgendaItem(String id, String title, AgendaItemKind kind, int plannedMinutes, List<String> nodeIds,
    AgendaItemStatus status, @Nullable Instant startedAt, long spentMillis) {

  public AgendaItem {
    nodeIds = List.copyOf(nodeIds);
  }

  public long elapsedMillis(Instant now) {
    return spentMillis + (status == AgendaItemStatus.CURRENT && startedAt != null
        ? Math.max(0, now.toEpochMilli() - startedAt.toEpochMilli()) : 0);
  }
}
