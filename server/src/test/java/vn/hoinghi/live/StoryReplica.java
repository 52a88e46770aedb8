package vn.hoinghi.live;

import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.List;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.report.PlayedSession;
import vn.hoinghi.store.NewEvent;
import vn.hoinghi.wire.Codec;

/** A replica loaded, on {@code ctx}, from the log of the played story session written to an in-memory store. */
final class StoryReplica {
  private StoryReplica() {}

  static Replica load(PlayedSession story, Context ctx) throws Exception {
    FakeEventStore store = new FakeEventStore();
    List<NewEvent> events = new ArrayList<>();
    for (RecordedEvent re : story.log) {
      events.add(new NewEvent(Codec.typeOf(re.event()), Codec.encode(re.event()), re.actor(), re.commandId(), re.at()));
    }
    String id = story.conf.conferenceId();
    store.appendNow(id, 0, events);
    Replica replica = new Replica(id, store, PlayedSession.SEALER);
    WriterFixtures.on(ctx, replica::load);
    return replica;
  }
}
