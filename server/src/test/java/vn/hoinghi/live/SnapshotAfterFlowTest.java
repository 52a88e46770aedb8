package vn.hoinghi.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.store.Snapshot;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/** The writer saves a snapshot once 5,000 events have passed and the flow pauses, encoded off its event loop. */
@DisplayName("Snapshots of a live conference")
class SnapshotAfterFlowTest {

  @Test
  @DisplayName("after 5,000 events and a pause a snapshot of that state is saved")
  void savedAfterThePause() throws Exception {
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true))) {
      ConferenceWriter w = s.app.conferences().writer("demo").await(30, TimeUnit.SECONDS);
      String endpointId = w.query(c -> c.snapshot().endpoints().get(0).id()).await(10, TimeUnit.SECONDS);
      // The chair may check halls in and update their head counts.
      String chairId = w.query(c -> c.snapshot().participants().stream()
          .filter(p -> p.roles().contains(vn.hoinghi.domain.Role.CHAIR)).findFirst().orElseThrow().id())
          .await(10, TimeUnit.SECONDS);
      Actor organizer = Actor.participant(chairId);
      Outcome in = w.submit(new CommandEnvelope("snap-in", organizer, new Command.CheckInEndpoint(endpointId, 1)), null)
          .await(10, TimeUnit.SECONDS);
      assertThat(in).isInstanceOf(Outcome.Acked.class);
      long start = w.query(c -> c.version()).await(10, TimeUnit.SECONDS);
      List<Future<Outcome>> all = new ArrayList<>();
      for (int i = 0; i < SnapshotTaker.SNAPSHOT_EVERY + 100; i++) {
        all.add(w.submit(new CommandEnvelope("snap-" + i, organizer, new Command.UpdateHeadCount(endpointId, 2 + i % 2)),
            null));
      }
      for (Future<Outcome> f : all) assertThat(f.await(60, TimeUnit.SECONDS)).isInstanceOf(Outcome.Acked.class);
      long end = w.query(c -> c.version()).await(10, TimeUnit.SECONDS);
      assertThat(end - start).isGreaterThanOrEqualTo(SnapshotTaker.SNAPSHOT_EVERY);

      // The flow has stopped: within a second or two the snapshot is encoded off the writer and saved.
      TestClient.waitFor(() -> savedUpTo(s) >= start + SnapshotTaker.SNAPSHOT_EVERY, "a snapshot after the flow");
      Optional<Snapshot> snap = s.app.store().latestSnapshot("demo").await(5, TimeUnit.SECONDS);
      assertThat(snap).isPresent();
      assertThat(snap.get().seq()).isLessThanOrEqualTo(end);
      var saved = vn.hoinghi.wire.Codec.mapper().readValue(snap.get().payload(), vn.hoinghi.domain.ConferenceSnapshot.class);
      assertThat(saved.version()).isEqualTo(snap.get().seq());
      assertThat(saved.endpoints()).anyMatch(e -> e.id().equals(endpointId));
    }
  }

  private static long savedUpTo(TestServer s) {
    try {
      return s.app.store().latestSnapshot("demo").await(5, TimeUnit.SECONDS).map(Snapshot::seq).orElse(0L);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
