package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;

/**
 * Vert.x gives every connection a context of its own (a duplicate of its event loop's). The groups that exist once per
 * event loop — the heartbeat sweep with its timer, the conference's feed that fans a frame out to that loop's
 * connections, the answers of a commit round — must be keyed by the loop, not by the connection: otherwise each
 * connection costs a timer and a cross-thread task per frame, and its group outlives it.
 */
@DisplayName("Per-event-loop groups stay one per loop, however many connections come and go")
class EventLoopGroupingTest {

  @Test
  @DisplayName("24 connections over time: at most one sweep group and one conference feed per event loop, frames still reach everyone")
  void onePerLoop() throws Exception {
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true))) {
      int loops = 2 * Runtime.getRuntime().availableProcessors(); // Vert.x's default event loop pool
      String[] people = {"daibieu1", "daibieu2", "daibieu3", "daibieu4", "daibieu5", "dongthap", "hanoi", "thuky"};
      List<TestClient> open = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (TestClient c : open) c.close();
        open.clear();
        for (String p : people) open.add(TestClient.demo(s, p));
        TestClient.waitFor(() -> s.app.gateway().sessionCount() == people.length, "the round's sessions open");
      }
      assertThat(s.app.gateway().loopGroups()).as("sweep groups").isBetween(1, loops);
      int feeds = s.app.conferences().existing("demo").await().feedCount().await();
      assertThat(feeds).as("conference feeds").isBetween(1, loops);

      // The chair's agenda event still reaches every open connection through those feeds.
      TestClient chair = TestClient.demo(s, "chutri");
      String itemId = chair.state().getJsonObject("state").getJsonArray("agenda").getJsonObject(0)
          .getJsonObject("item").getString("id");
      chair.ok(TestClient.cmd("StartConference"));
      chair.ok(TestClient.cmd("StartAgendaItem").put("itemId", itemId));
      String id = itemId;
      for (TestClient c : open) c.awaitEvent("AgendaItemStarted", d -> id.equals(d.getString("itemId")));
      for (TestClient c : open) c.close();
      chair.close();
    }
  }
}
