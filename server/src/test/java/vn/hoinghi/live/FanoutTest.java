package vn.hoinghi.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoinghi.domain.Audience;
import vn.hoinghi.domain.Viewer;
import vn.hoinghi.report.PlayedSession;

/**
 * Fan-out on its own: a replica of the played story, subscribers that record what they are sent, on two event loops.
 * No writer, no sockets.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Fan-out (subscriber indexes and delivery)")
class FanoutTest {
  private final PlayedSession story = PlayedSession.story();
  private Context writer;
  private Replica replica;
  private Fanout fanout;

  /** A connection that records the frames it is given. */
  private record Recording(Context context, Viewer viewer, List<Buffer> frames) implements Subscriber {
    Recording(Context context, Viewer viewer) {
      this(context, viewer, Collections.synchronizedList(new ArrayList<>()));
    }

    @Override
    public void deliver(Buffer frame) {
      frames.add(frame);
    }
  }

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    writer = vertx.getOrCreateContext();
    replica = StoryReplica.load(story, writer);
    fanout = new Fanout(replica, WriterClock.manual(WriterFixtures.clock()));
  }

  private void attach(Recording... subscribers) throws Exception {
    WriterFixtures.on(writer, () -> {
      for (Recording s : subscribers) {
        fanout.add(s);
        fanout.start(s, List.of());
      }
      return Future.succeededFuture(null);
    });
  }

  private Viewer viewer(String username) {
    return new Viewer(story.id(username), false);
  }

  @Test
  @DisplayName("a public event is encoded once and shared by the delegates on every event loop; an event for one"
      + " participant reaches that participant (and the moderators when its audience says so), no one else")
  void audiences(Vertx vertx) throws Exception {
    List<Entry> window = new ArrayList<>();
    replica.window().forEach(window::add);
    Entry everyone = window.stream().filter(e -> e.audience() instanceof Audience.Everyone).findFirst().orElseThrow();
    Entry own = window.stream().filter(e -> e.audience() instanceof Audience.ParticipantAndModerators
        || e.audience() instanceof Audience.Participant).findFirst().orElseThrow();
    String ownerId = own.audience() instanceof Audience.Participant p ? p.participantId()
        : ((Audience.ParticipantAndModerators) own.audience()).participantId();
    boolean moderatorsToo = own.audience() instanceof Audience.ParticipantAndModerators;
    String otherId = List.of("daibieu1", "daibieu2", "daibieu3").stream().map(story::id)
        .filter(id -> !id.equals(ownerId)).findFirst().orElseThrow();
    String otherId2 = List.of("daibieu4", "daibieu5").stream().map(story::id)
        .filter(id -> !id.equals(ownerId)).findFirst().orElseThrow();

    Context loopA = vertx.getOrCreateContext();
    Context loopB = vertx.getOrCreateContext();
    Recording chair = new Recording(loopA, viewer("chutri"));
    Recording owner = new Recording(loopA, new Viewer(ownerId, false));
    Recording other = new Recording(loopA, new Viewer(otherId, false));
    Recording otherElsewhere = new Recording(loopB, new Viewer(otherId2, false));
    attach(chair, owner, other, otherElsewhere);

    WriterFixtures.on(writer, () -> {
      fanout.publish(List.of(everyone, own));
      return Future.succeededFuture(null);
    });
    TestWait.until(() -> List.of(chair, owner, other, otherElsewhere).stream().allMatch(r -> r.frames().size() == 1),
        "one frame each");
    assertThat(other.frames().get(0)).as("the same buffer on both event loops").isSameAs(otherElsewhere.frames().get(0));
    assertThat(events(other)).isEqualTo(1);
    assertThat(events(owner)).isEqualTo(2);
    assertThat(events(chair)).isEqualTo(moderatorsToo ? 2 : 1);
    for (Recording r : List.of(chair, owner, other, otherElsewhere)) {
      assertThat(new JsonObject(r.frames().get(0)).getLong("upTo")).as("each is told how far it is caught up")
          .isEqualTo(own.seq());
    }
  }

  private static int events(Recording r) {
    return new JsonObject(r.frames().get(0)).getJsonArray("events").size();
  }

  @Test
  @DisplayName("catch-up: from the recent window the events after the client's position it may see; a fresh start a"
      + " snapshot")
  void catchUp() throws Exception {
    long committed = replica.committed();
    List<Buffer> resumed = WriterFixtures.on(writer,
        () -> Future.succeededFuture(fanout.catchUp(viewer("daibieu1"), committed - 10)));
    JsonObject last = new JsonObject(resumed.get(resumed.size() - 1));
    assertThat(last.getString("type")).isEqualTo("events");
    assertThat(last.getLong("upTo")).isEqualTo(committed);
    int seen = 0;
    for (Buffer b : resumed) seen += new JsonObject(b).getJsonArray("events").size();
    assertThat(seen).isBetween(1, 10);

    List<Buffer> fresh = WriterFixtures.on(writer, () -> Future.succeededFuture(fanout.catchUp(viewer("daibieu1"), null)));
    assertThat(fresh).hasSize(1);
    assertThat(new JsonObject(fresh.get(0)).getString("type")).isEqualTo("snapshot");
    assertThat(new JsonObject(fresh.get(0)).getLong("upTo")).isEqualTo(committed);
  }
}
