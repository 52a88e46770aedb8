package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Command.*;
import vn.hoinghi.domain.Event.*;

@DisplayName("The agenda")
class AgendaTest extends WorldTest {

  private static final Actor ORG = World.ORGANIZER;

  private String add(String title, Integer position) {
    return w.h.ok(w.as(w.secretary), new AddAgendaItem(title, AgendaItemKind.DISCUSSION, 30, List.of("c1"), position),
        AgendaItemAdded.class).itemId();
  }

  private List<String> titles() {
    return w.conf().agenda().stream().map(AgendaItem::title).toList();
  }

  @Test
  @DisplayName("items are added at the end or at a position, with the chapters they discuss")
  void add() {
    w = World.prepared();
    add("Thảo luận", null);
    add("Khai mạc", 0);
    add("Kết luận", 2);
    assertThat(titles()).containsExactly("Khai mạc", "Thảo luận", "Kết luận");
    assertThat(w.conf().agenda().get(0).nodeIds()).containsExactly("c1");
    assertThat(w.conf().agenda().get(0).status()).isEqualTo(AgendaItemStatus.PENDING);
  }

  @Test
  @DisplayName("refuses bad input, unknown draft nodes, a bad position, a full agenda, other roles")
  void addRefused() {
    w = World.prepared();
    w.h.rejected(ORG, new AddAgendaItem("", AgendaItemKind.OTHER, 1, List.of(), null), RejectionCode.INVALID);
    w.h.rejected(ORG, new AddAgendaItem("A", null, 1, List.of(), null), RejectionCode.INVALID);
    w.h.rejected(ORG, new AddAgendaItem("A", AgendaItemKind.OTHER, -1, List.of(), null), RejectionCode.INVALID);
    w.h.rejected(ORG, new AddAgendaItem("A", AgendaItemKind.OTHER, 24 * 60 + 1, List.of(), null), RejectionCode.LIMIT);
    w.h.rejected(ORG, new AddAgendaItem("A", AgendaItemKind.OTHER, 1, List.of("c9"), null), RejectionCode.NOT_FOUND);
    w.h.rejected(ORG, new AddAgendaItem("A", AgendaItemKind.OTHER, 1, List.of(), 1), RejectionCode.INVALID);
    w.h.rejected(ORG, new AddAgendaItem("A", AgendaItemKind.OTHER, 1, java.util.Collections.nCopies(101, "c1"), null),
        RejectionCode.LIMIT);
    w.h.rejected(w.as(w.hostDtp), new AddAgendaItem("A", AgendaItemKind.OTHER, 1, List.of(), null), RejectionCode.FORBIDDEN);
    for (int i = 0; i < Limits.AGENDA_ITEMS; i++) {
      w.h.ok(ORG, new AddAgendaItem("Mục " + i, AgendaItemKind.OTHER, 1, List.of(), null));
    }
    w.h.rejected(ORG, new AddAgendaItem("Một mục quá nhiều", AgendaItemKind.OTHER, 1, List.of(), null), RejectionCode.LIMIT);
  }

  @Test
  @DisplayName("items are edited, moved and removed")
  void editMoveRemove() {
    w = World.prepared();
    String a = add("A", null);
    String b = add("B", null);
    String c = add("C", null);
    w.h.ok(w.as(w.chair), new UpdateAgendaItem(b, "B2", AgendaItemKind.VOTE, 15, List.of("d1", "d2")));
    w.h.ok(w.as(w.chair), new MoveAgendaItem(c, 0));
    assertThat(titles()).containsExactly("C", "A", "B2");
    w.h.ok(ORG, new RemoveAgendaItem(a));
    assertThat(titles()).containsExactly("C", "B2");
    w.h.rejected(w.as(w.chair), new MoveAgendaItem(c, 2), RejectionCode.INVALID);
    w.h.rejected(w.as(w.chair), new MoveAgendaItem(a, 0), RejectionCode.NOT_FOUND);
    w.h.rejected(w.as(w.chair), new UpdateAgendaItem("ag-404", "X", AgendaItemKind.VOTE, 1, List.of()), RejectionCode.NOT_FOUND);
    w.h.rejected(w.as(w.chair), new RemoveAgendaItem(null), RejectionCode.NOT_FOUND);
    w.h.rejected(w.as(w.delegateDtp), new RemoveAgendaItem(c), RejectionCode.FORBIDDEN);
  }

  @Test
  @DisplayName("the chair takes items up in turn; elapsed time follows from the start times")
  void current() {
    w = World.live();
    String a = add("A", null);
    String b = add("B", null);
    w.h.ok(w.as(w.chair), new StartAgendaItem(a));
    w.h.advance(Duration.ofMinutes(10));
    assertThat(w.conf().currentAgendaItem()).get().extracting(i -> i.elapsedMillis(w.h.now)).isEqualTo(600_000L);
    assertThat(w.h.ok(w.as(w.chair), new StartAgendaItem(b))).map(e -> e.getClass().getSimpleName())
        .containsExactly("AgendaItemCompleted", "AgendaItemStarted");
    assertThat(w.conf().agenda()).extracting(AgendaItem::status)
        .containsExactly(AgendaItemStatus.DONE, AgendaItemStatus.CURRENT);
    assertThat(w.conf().agenda().get(0).spentMillis()).isEqualTo(600_000L);
    w.h.advance(Duration.ofMinutes(1));
    w.h.ok(w.as(w.chair), new StartAgendaItem(a));
    w.h.advance(Duration.ofMinutes(2));
    assertThat(w.conf().agenda().get(0).elapsedMillis(w.h.now)).isEqualTo(720_000L);
    w.h.ok(w.as(w.chair), new CompleteAgendaItem());
    assertThat(w.conf().currentAgendaItem()).isEmpty();
    ConferenceView view = w.conf().views().viewFor(Viewer.publicScreen(), w.h.now);
    assertThat(view.agenda()).extracting(ConferenceView.AgendaEntry::elapsedMillis).containsExactly(720_000L, 60_000L);
  }

  @Test
  @DisplayName("only the chair runs the agenda, only live, and the current item cannot be removed")
  void currentRefused() {
    w = World.scheduled();
    String a = add("A", null);
    w.h.rejected(w.as(w.chair), new StartAgendaItem(a), RejectionCode.WRONG_STATE);
    w.h.ok(w.as(w.chair), new StartConference());
    w.h.rejected(w.as(w.chair), new CompleteAgendaItem(), RejectionCode.WRONG_STATE);
    w.h.rejected(w.as(w.secretary), new StartAgendaItem(a), RejectionCode.FORBIDDEN);
    w.h.rejected(w.as(w.chair), new StartAgendaItem("ag-404"), RejectionCode.NOT_FOUND);
    w.h.ok(w.as(w.chair), new StartAgendaItem(a));
    w.h.rejected(w.as(w.chair), new StartAgendaItem(a), RejectionCode.WRONG_STATE);
    w.h.rejected(w.as(w.secretary), new RemoveAgendaItem(a), RejectionCode.WRONG_STATE);
    w.h.rejected(w.as(w.secretary), new CompleteAgendaItem(), RejectionCode.FORBIDDEN);
  }
}
