package vn.hoinghi.domain;

import static vn.hoinghi.domain.ConferenceStatus.LIVE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.hoinghi.domain.Command.AddAgendaItem;
import vn.hoinghi.domain.Command.CompleteAgendaItem;
import vn.hoinghi.domain.Command.MoveAgendaItem;
import vn.hoinghi.domain.Command.RemoveAgendaItem;
import vn.hoinghi.domain.Command.StartAgendaItem;
import vn.hoinghi.domain.Command.UpdateAgendaItem;
import vn.hoinghi.domain.Event.AgendaItemAdded;
import vn.hoinghi.domain.Event.AgendaItemCompleted;
import vn.hoinghi.domain.Event.AgendaItemMoved;
import vn.hoinghi.domain.Event.AgendaItemRemoved;
import vn.hoinghi.domain.Event.AgendaItemStarted;
import vn.hoinghi.domain.Event.AgendaItemUpdated;

/** The ordered agenda (chương trình); at most one item is current, and its start time is state. */
final class Agenda {

  private final Conference conf;
  final List<AgendaItem> items = new ArrayList<>();

  Agenda(Conference conf) {
    this.conf = conf;
  }

  void register(Tables t) {
    t.handlers()
        .handle(AddAgendaItem.class, this::add)
        .handle(UpdateAgendaItem.class, this::update)
        .handle(MoveAgendaItem.class, this::move)
        .handle(RemoveAgendaItem.class, this::remove)
        .handle(StartAgendaItem.class, this::start)
        .handle(CompleteAgendaItem.class, this::complete);
    t.folds()
        .fold(AgendaItemAdded.class, e -> items.add(e.position(), new AgendaItem(e.itemId(), e.title(), e.kind(),
            e.plannedMinutes(), e.nodeIds(), AgendaItemStatus.PENDING, null, 0)))
        .fold(AgendaItemUpdated.class, e -> replace(e.itemId(), x -> new AgendaItem(x.id(), e.title(), e.kind(),
            e.plannedMinutes(), e.nodeIds(), x.status(), x.startedAt(), x.spentMillis())))
        .fold(AgendaItemMoved.class, e -> {
          AgendaItem x = items.remove(indexOf(e.itemId()));
          items.add(e.position(), x);
        })
        .fold(AgendaItemRemoved.class, e -> items.remove(indexOf(e.itemId())))
        .fold(AgendaItemStarted.class, e -> replace(e.itemId(), x -> new AgendaItem(x.id(), x.title(), x.kind(),
            x.plannedMinutes(), x.nodeIds(), AgendaItemStatus.CURRENT, e.at(), x.spentMillis())))
        .fold(AgendaItemCompleted.class, e -> replace(e.itemId(), x -> new AgendaItem(x.id(), x.title(), x.kind(),
            x.plannedMinutes(), x.nodeIds(), AgendaItemStatus.DONE, x.startedAt(),
            x.spentMillis() + Math.max(0, e.at().toEpochMilli() - x.startedAt().toEpochMilli()))));
    t.audiences()
        .map(AgendaItemAdded.class, e -> Audience.EVERYONE)
        .map(AgendaItemUpdated.class, e -> Audience.EVERYONE)
        .map(AgendaItemMoved.class, e -> Audience.EVERYONE)
        .map(AgendaItemRemoved.class, e -> Audience.EVERYONE)
        .map(AgendaItemStarted.class, e -> Audience.EVERYONE)
        .map(AgendaItemCompleted.class, e -> Audience.EVERYONE);
  }

  Optional<AgendaItem> current() {
    return items.stream().filter(i -> i.status() == AgendaItemStatus.CURRENT).findFirst();
  }

  /** Used when the live session ends. */
  void completeCurrent(Decide d) {
    current().ifPresent(i -> d.emit(new AgendaItemCompleted(i.id(), d.now)));
  }

  private void add(AddAgendaItem c, Decide d) {
    String title = Check.text(c.title(), Check.TITLE, Limits.TITLE, true, false);
    AgendaItemKind kind = Check.required(c.kind(), "loại nội dung", "item kind");
    int minutes = Check.range(c.plannedMinutes(), 0, Limits.PLANNED_MINUTES, "thời lượng dự kiến (phút)", "planned minutes");
    List<String> nodes = nodeIds(c.nodeIds());
    conf.lifecycle.requireNotClosed();
    int position = c.position() == null ? items.size() : c.position();
    if (position < 0 || position > items.size()) {
      throw Reject.invalid("Vị trí phải từ 0 đến " + items.size(), "The position must be between 0 and " + items.size());
    }
    if (items.size() >= Limits.AGENDA_ITEMS) {
      throw Reject.limit("Chương trình đã có tối đa " + Limits.AGENDA_ITEMS + " nội dung",
          "The agenda already has the maximum of " + Limits.AGENDA_ITEMS + " items");
    }
    d.emit(new AgendaItemAdded(d.nextId("ag"), title, kind, minutes, nodes, position));
  }

  private void update(UpdateAgendaItem c, Decide d) {
    String title = Check.text(c.title(), Check.TITLE, Limits.TITLE, true, false);
    AgendaItemKind kind = Check.required(c.kind(), "loại nội dung", "item kind");
    int minutes = Check.range(c.plannedMinutes(), 0, Limits.PLANNED_MINUTES, "thời lượng dự kiến (phút)", "planned minutes");
    List<String> nodes = nodeIds(c.nodeIds());
    AgendaItem item = item(c.itemId());
    conf.lifecycle.requireNotClosed();
    d.emit(new AgendaItemUpdated(item.id(), title, kind, minutes, nodes));
  }

  private void move(MoveAgendaItem c, Decide d) {
    AgendaItem item = item(c.itemId());
    conf.lifecycle.requireNotClosed();
    if (c.position() < 0 || c.position() >= items.size()) {
      throw Reject.invalid("Vị trí phải từ 0 đến " + (items.size() - 1), "The position must be between 0 and " + (items.size() - 1));
    }
    d.emit(new AgendaItemMoved(item.id(), c.position()));
  }

  private void remove(RemoveAgendaItem c, Decide d) {
    AgendaItem item = item(c.itemId());
    conf.lifecycle.requireNotClosed();
    if (item.status() == AgendaItemStatus.CURRENT) {
      throw Reject.wrongState("Không thể xóa nội dung đang diễn ra", "The current item cannot be removed");
    }
    d.emit(new AgendaItemRemoved(item.id()));
  }

  private void start(StartAgendaItem c, Decide d) {
    AgendaItem item = item(c.itemId());
    conf.lifecycle.require(LIVE);
    if (item.status() == AgendaItemStatus.CURRENT) {
      throw Reject.wrongState("Nội dung này đang diễn ra", "This item is already current");
    }
    completeCurrent(d);
    d.emit(new AgendaItemStarted(item.id(), d.now));
  }

  private void complete(CompleteAgendaItem c, Decide d) {
    conf.lifecycle.require(LIVE);
    if (current().isEmpty()) {
      throw Reject.wrongState("Không có nội dung nào đang diễn ra", "No agenda item is current");
    }
    completeCurrent(d);
  }

  private List<String> nodeIds(List<String> requested) {
    List<String> ids = requested == null ? List.of() : requested;
    if (ids.size() > Limits.AGENDA_NODES) {
      throw Reject.limit("Một nội dung gắn với tối đa " + Limits.AGENDA_NODES + " phần của dự thảo",
          "An item refers to at most " + Limits.AGENDA_NODES + " parts of the draft");
    }
    for (String id : ids) {
      conf.drafts.currentNode(id);
    }
    return List.copyOf(ids);
  }

  private AgendaItem item(String id) {
    int i = id == null ? -1 : indexOf(id);
    if (i < 0) {
      throw Reject.notFound("Không tìm thấy nội dung " + id + " trong chương trình", "Agenda item " + id + " not found");
    }
    return items.get(i);
  }

  private int indexOf(String id) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private void replace(String id, java.util.function.UnaryOperator<AgendaItem> f) {
    int i = indexOf(id);
    items.set(i, f.apply(items.get(i)));
  }
}
