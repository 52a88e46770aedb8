package vn.hoinghi.live;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.cmd;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.VoteMode;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.store.NewEvent;
import vn.hoinghi.testing.TestClient;
import vn.hoinghi.testing.TestServer;
import vn.hoinghi.wire.Codec;

/**
 * Another appender (as another node would) writes to the conference's log behind the writer's back: the writer's
 * next append meets a conflict. That is not the domain refusing anything, so it has its own, retryable code.
 */
@DisplayName("A store append conflict")
class StoreConflictTest {

  @Test
  @DisplayName("answers STORE_CONFLICT, saves nothing, and the same command sent again with the same id is applied once")
  void retryableConflict() throws Exception {
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true))) {
      TestClient chair = TestClient.demo(s, "chutri");
      TestClient delegate = TestClient.demo(s, "daibieu4");
      chair.ok(cmd("StartConference"));
      chair.ok(cmd("OpenVote").put("title", "Điều 3").put("nodeIds", new JsonArray().add("d3")).put("mode", "NAMED"));
      String voteId = delegate.awaitEvent("VoteOpened", d -> true).getJsonObject("data").getString("voteId");

      appendBehindTheWritersBack(s.app.store(), "demo");
      JsonObject ballot = cmd("CastBallot").put("voteId", voteId).put("articleId", "d3").put("choice", "AGREE");
      JsonObject first = delegate.command("ballot-1", ballot);

      assertThat(first.getString("type")).isEqualTo("error");
      assertThat(first.getString("code")).isEqualTo("STORE_CONFLICT");
      assertThat(first.getJsonObject("message").getString("en")).contains("send it again with the same id");
      assertThat(first.getJsonObject("message").getString("vi")).contains("gửi lại lệnh với cùng mã");
      delegate.replies.remove("ballot-1");
      JsonObject again = delegate.command("ballot-1", ballot);
      assertThat(again.getString("type")).as(again.encode()).isEqualTo("ack");
      assertThat(again.getBoolean("duplicate")).as("the conflicting round saved nothing").isFalse();
      delegate.replies.remove("ballot-1");
      assertThat(delegate.command("ballot-1", ballot).getBoolean("duplicate")).isTrue();
    }
  }

  /** One harmless event at the end of the log, as a second writer would append it. */
  private static void appendBehindTheWritersBack(EventStore store, String conferenceId) throws Exception {
    long last = store.latestSeq(conferenceId).await(5, TimeUnit.SECONDS);
    Event e = new Event.SettingsUpdated(VoteMode.NAMED, 300);
    store.append(conferenceId, last, List.of(new NewEvent(Codec.typeOf(e), Codec.encode(e), "system", "other-node-1",
        Instant.now().truncatedTo(ChronoUnit.MICROS)))).await(5, TimeUnit.SECONDS);
  }
}
