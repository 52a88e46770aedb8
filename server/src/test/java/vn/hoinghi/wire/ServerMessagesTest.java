package vn.hoinghi.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Role;
import vn.hoinghi.domain.VoteStatus;
import vn.hoinghi.wire.ServerMessage.AckMessage;
import vn.hoinghi.wire.ServerMessage.ArticleTally;
import vn.hoinghi.wire.ServerMessage.BilingualText;
import vn.hoinghi.wire.ServerMessage.EndpointPresence;
import vn.hoinghi.wire.ServerMessage.ErrorMessage;
import vn.hoinghi.wire.ServerMessage.EventsMessage;
import vn.hoinghi.wire.ServerMessage.PongMessage;
import vn.hoinghi.wire.ServerMessage.PresenceMessage;
import vn.hoinghi.wire.ServerMessage.ServerGreeting;
import vn.hoinghi.wire.ServerMessage.SnapshotMessage;
import vn.hoinghi.wire.ServerMessage.TallyCounts;
import vn.hoinghi.wire.ServerMessage.TallyMessage;
import vn.hoinghi.wire.ServerMessage.TokenAcceptedMessage;
import vn.hoinghi.wire.ServerMessage.WelcomeMessage;
import vn.hoinghi.wire.ServerMessage.Welcomed;

/**
 * The server's messages are records encoded by the one codec; these golden strings are the frames the hand-built JSON
 * gave before the records existed (docs/protocol.md), byte for byte: field names, order, and which fields are omitted
 * and which are written as null. Each golden frame also passes its schema definition.
 */
@DisplayName("Server messages encode to the protocol's frames, byte for byte")
class ServerMessagesTest {
  private static final Instant T = Instant.parse("2026-12-05T07:00:00.123Z");
  private static final Instant EXPIRES = Instant.parse("2026-12-05T19:00:00Z");

  private static void golden(ServerMessage m, String json) {
    assertThat(Codec.encode(m)).isEqualTo(json);
    assertThat(new String(Codec.encodeBytes(m), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(json);
    MessageValidator.check(m.getClass().getSimpleName(), Codec.parse(json));
  }

  @Test
  @DisplayName("the greeting names the server, its version, its store and the subprotocol")
  void greeting() {
    golden(new ServerGreeting("hoinghi", "1.4.0", "postgres", "hoinghi.v1"),
        "{\"type\":\"server\",\"server\":\"hoinghi\",\"version\":\"1.4.0\",\"store\":\"postgres\",\"protocol\":\"hoinghi.v1\"}");
  }

  @Test
  @DisplayName("a participant's welcome has its fields, endpointId null when of no hall; the organizer's has none")
  void welcome() {
    golden(new WelcomeMessage("c-1", false, T, EXPIRES, new Welcomed("p-1", "Nguyễn Văn An", "e-1"),
        List.of(Role.DELEGATE, Role.HOST)),
        "{\"type\":\"welcome\",\"conferenceId\":\"c-1\",\"organizer\":false,\"serverTime\":\"2026-12-05T07:00:00.123Z\","
            + "\"tokenExpiresAt\":\"2026-12-05T19:00:00Z\",\"participantId\":\"p-1\",\"name\":\"Nguyễn Văn An\","
            + "\"endpointId\":\"e-1\",\"roles\":[\"DELEGATE\",\"HOST\"]}");
    golden(new WelcomeMessage("c-1", false, T, EXPIRES, new Welcomed("p-2", "Trần Bình", null), List.of(Role.CHAIR)),
        "{\"type\":\"welcome\",\"conferenceId\":\"c-1\",\"organizer\":false,\"serverTime\":\"2026-12-05T07:00:00.123Z\","
            + "\"tokenExpiresAt\":\"2026-12-05T19:00:00Z\",\"participantId\":\"p-2\",\"name\":\"Trần Bình\","
            + "\"endpointId\":null,\"roles\":[\"CHAIR\"]}");
    golden(new WelcomeMessage("c-1", true, T, EXPIRES, null, List.of()),
        "{\"type\":\"welcome\",\"conferenceId\":\"c-1\",\"organizer\":true,\"serverTime\":\"2026-12-05T07:00:00.123Z\","
            + "\"tokenExpiresAt\":\"2026-12-05T19:00:00Z\",\"roles\":[]}");
  }

  @Test
  @DisplayName("a snapshot is the envelope around the view's own JSON")
  void snapshot() {
    var view = vn.hoinghi.domain.Conference.empty("c-1", new vn.hoinghi.live.HmacBallotSealer("x".repeat(40)))
        .views().viewFor(vn.hoinghi.domain.Viewer.publicScreen(), T);
    golden(new SnapshotMessage(0, T, view),
        "{\"type\":\"snapshot\",\"upTo\":0,\"serverTime\":\"2026-12-05T07:00:00.123Z\",\"state\":" + Codec.encode(view) + "}");
  }

  @Test
  @DisplayName("an events frame holds each event frame as it was encoded once, and says how far it catches up")
  void events() {
    String data = "{\"voteId\":\"v-1\",\"at\":\"2026-12-05T07:00:00.123Z\"}";
    Encoded<EventFrame> frame = new Encoded<>(Codec.encode(new EventFrame(6, "VoteClosed", T, new Encoded<>(data))));
    assertThat(frame.json()).isEqualTo("{\"seq\":6,\"type\":\"VoteClosed\",\"at\":\"2026-12-05T07:00:00.123Z\",\"data\":"
        + data + "}");
    golden(new EventsMessage(7, List.of(frame, frame)),
        "{\"type\":\"events\",\"upTo\":7,\"events\":[" + frame.json() + "," + frame.json() + "]}");
    golden(new EventsMessage(9, List.of()), "{\"type\":\"events\",\"upTo\":9,\"events\":[]}");
  }

  @Test
  @DisplayName("a tally has counts per target; alternatives when it has them; per-hall detail for moderators only")
  void tally() {
    Map<String, Integer> alternatives = new LinkedHashMap<>();
    alternatives.put("a2", 2);
    alternatives.put("a1", 1);
    Map<String, TallyCounts> byEndpoint = new LinkedHashMap<>();
    byEndpoint.put("e-1", new TallyCounts(3, 1, 0, 4, false, Map.of("a2", 2)));
    byEndpoint.put("e-2", new TallyCounts(0, 0, 1, 1, true, null));
    golden(new TallyMessage("v-1", VoteStatus.OPEN, 12, List.of(
        new ArticleTally("d1", 3, 1, 1, 5, alternatives, byEndpoint),
        new ArticleTally("d2", 0, 0, 0, 0, null, Map.of()))),
        "{\"type\":\"tally\",\"voteId\":\"v-1\",\"status\":\"OPEN\",\"asOf\":12,\"articles\":["
            + "{\"articleId\":\"d1\",\"agree\":3,\"disagree\":1,\"other\":1,\"total\":5,\"alternatives\":{\"a2\":2,\"a1\":1},"
            + "\"byEndpoint\":{\"e-1\":{\"agree\":3,\"disagree\":1,\"other\":0,\"total\":4,\"collective\":false,"
            + "\"alternatives\":{\"a2\":2}},\"e-2\":{\"agree\":0,\"disagree\":0,\"other\":1,\"total\":1,\"collective\":true}}},"
            + "{\"articleId\":\"d2\",\"agree\":0,\"disagree\":0,\"other\":0,\"total\":0,\"byEndpoint\":{}}]}");
    golden(new TallyMessage("v-1", VoteStatus.CLOSED, 13, List.of(new ArticleTally("d1", 3, 1, 1, 5, null, null))),
        "{\"type\":\"tally\",\"voteId\":\"v-1\",\"status\":\"CLOSED\",\"asOf\":13,\"articles\":["
            + "{\"articleId\":\"d1\",\"agree\":3,\"disagree\":1,\"other\":1,\"total\":5}]}");
  }

  @Test
  @DisplayName("presence: the summary for everyone, and the halls and people online for moderators and hosts")
  void presence() {
    golden(new PresenceMessage(T, 1, 2, 3, null, null),
        "{\"type\":\"presence\",\"at\":\"2026-12-05T07:00:00.123Z\",\"endpointsOnline\":1,\"endpointsTotal\":2,"
            + "\"connections\":3}");
    golden(new PresenceMessage(T, 1, 2, 3, List.of(new EndpointPresence("e-1", true, 2, 1),
        new EndpointPresence("e-2", false, 0, 0)), List.of("p-1")),
        "{\"type\":\"presence\",\"at\":\"2026-12-05T07:00:00.123Z\",\"endpointsOnline\":1,\"endpointsTotal\":2,"
            + "\"connections\":3,\"endpoints\":[{\"endpointId\":\"e-1\",\"online\":true,\"connections\":2,\"participants\":1},"
            + "{\"endpointId\":\"e-2\",\"online\":false,\"connections\":0,\"participants\":0}],\"participantsOnline\":[\"p-1\"]}");
  }

  @Test
  @DisplayName("ack, error (with and without id and details), pong (with and without t), token accepted")
  void replies() {
    golden(new AckMessage("c-9", 4, 5, false),
        "{\"type\":\"ack\",\"id\":\"c-9\",\"firstSeq\":4,\"lastSeq\":5,\"duplicate\":false}");
    golden(new ErrorMessage("c-9", ErrorCode.WRONG_STATE, new BilingualText("Phiếu đã đóng.", "The vote is closed."),
        List.of("vote v-1 is CLOSED")),
        "{\"type\":\"error\",\"id\":\"c-9\",\"code\":\"WRONG_STATE\",\"message\":{\"vi\":\"Phiếu đã đóng.\","
            + "\"en\":\"The vote is closed.\"},\"details\":[\"vote v-1 is CLOSED\"]}");
    golden(new ErrorMessage(null, ErrorCode.RATE_LIMITED, new BilingualText("chậm lại", "slow down"), null),
        "{\"type\":\"error\",\"code\":\"RATE_LIMITED\",\"message\":{\"vi\":\"chậm lại\",\"en\":\"slow down\"}}");
    golden(new PongMessage(T, 1733.5), "{\"type\":\"pong\",\"serverTime\":\"2026-12-05T07:00:00.123Z\",\"t\":1733.5}");
    golden(new PongMessage(T, 12.0), "{\"type\":\"pong\",\"serverTime\":\"2026-12-05T07:00:00.123Z\",\"t\":12.0}");
    golden(new PongMessage(T, null), "{\"type\":\"pong\",\"serverTime\":\"2026-12-05T07:00:00.123Z\"}");
    golden(new TokenAcceptedMessage(EXPIRES), "{\"type\":\"tokenAccepted\",\"tokenExpiresAt\":\"2026-12-05T19:00:00Z\"}");
  }

  @Test
  @DisplayName("every server message has a golden frame here and a definition of its own name in the schema")
  void everyMessageCovered() {
    Set<String> names = Arrays.stream(ServerMessage.class.getPermittedSubclasses()).map(Class::getSimpleName)
        .collect(Collectors.toSet());
    assertThat(names).containsExactlyInAnyOrder("ServerGreeting", "WelcomeMessage", "SnapshotMessage", "EventsMessage",
        "TallyMessage", "PresenceMessage", "AckMessage", "ErrorMessage", "PongMessage", "TokenAcceptedMessage");
    names.forEach(n -> assertThat(MessageValidator.defines(n)).as(n).isTrue());
  }
}
