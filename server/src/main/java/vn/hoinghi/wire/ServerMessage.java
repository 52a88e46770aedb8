package vn.hoinghi.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.hoinghi.domain.ConferenceView;
import vn.hoinghi.domain.Nullable;
import vn.hoinghi.domain.Role;
import vn.hoinghi.domain.VoteStatus;

/**
 * Every message the server sends on the WebSocket, one record each, encoded by {@link Codec} with its {@code type}
 * first. The protocol schema's definitions of them ({@code ServerMessage} and each record's simple name) are generated
 * from these records by {@link ProtocolSchema}; docs/protocol.md describes them. Components are in wire order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public sealed interface ServerMessage permits ServerMessage.ServerGreeting, ServerMessage.WelcomeMessage,
    ServerMessage.SnapshotMessage, ServerMessage.EventsMessage, ServerMessage.TallyMessage,
    ServerMessage.PresenceMessage, ServerMessage.AckMessage, ServerMessage.ErrorMessage, ServerMessage.PongMessage,
    ServerMessage.TokenAcceptedMessage {

  /** The first frame on every connection, before any authentication: who answers. */
  @JsonTypeName("server")
  record ServerGreeting(String server, String version, String store, String protocol) implements ServerMessage {}

  /** The hello was accepted; {@code participant} is absent for the organizer's console. */
  @JsonTypeName("welcome")
  record WelcomeMessage(String conferenceId, boolean organizer, Instant serverTime, Instant tokenExpiresAt,
      @JsonUnwrapped @Nullable Welcomed participant, List<Role> roles) implements ServerMessage {}

  /** The participant fields of a welcome; a participant of no hall gets {@code "endpointId": null}. */
  record Welcomed(String participantId, String name,
      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String endpointId) {}

  /** The state a client starts (or resumes too far behind) from. */
  @JsonTypeName("snapshot")
  record SnapshotMessage(long upTo, Instant serverTime, ConferenceView state) implements ServerMessage {}

  /** Events of the client's feed, each encoded once when committed, and how far the client is caught up. */
  @JsonTypeName("events")
  record EventsMessage(long upTo, List<Encoded<EventFrame>> events) implements ServerMessage {}

  /** A vote's live counts, sent on a clock; {@code byEndpoint} only to the moderators. */
  @JsonTypeName("tally")
  record TallyMessage(String voteId, VoteStatus status, long asOf, List<ArticleTally> articles)
      implements ServerMessage {}

  /** One target's counts in a tally message; {@code alternatives} when it has alternative wordings. */
  record ArticleTally(String articleId, int agree, int disagree, int other, int total,
      @Nullable Map<String, Integer> alternatives, @Nullable Map<String, TallyCounts> byEndpoint) {}

  /** One hall's counts of one target. */
  record TallyCounts(int agree, int disagree, int other, int total, boolean collective,
      @Nullable Map<String, Integer> alternatives) {}

  /** Who is connected: a summary for everyone; {@code endpoints} and {@code participantsOnline} for moderators and hosts. */
  @JsonTypeName("presence")
  record PresenceMessage(Instant at, int endpointsOnline, int endpointsTotal, int connections,
      @Nullable List<EndpointPresence> endpoints, @Nullable List<String> participantsOnline) implements ServerMessage {}

  record EndpointPresence(String endpointId, boolean online, int connections, int participants) {}

  /** A command was committed as events {@code firstSeq..lastSeq} (or had been: {@code duplicate}). */
  @JsonTypeName("ack")
  record AckMessage(String id, long firstSeq, long lastSeq, boolean duplicate) implements ServerMessage {}

  /** A typed error; {@code id} names the command it answers, when it answers one. */
  @JsonTypeName("error")
  record ErrorMessage(@Nullable String id, ErrorCode code, BilingualText message, @Nullable List<String> details)
      implements ServerMessage {}

  record BilingualText(String vi, String en) {}

  /** The answer to a ping: the server's clock, and the client's {@code t} echoed when it sent one. */
  @JsonTypeName("pong")
  record PongMessage(Instant serverTime, @Nullable Double t) implements ServerMessage {}

  @JsonTypeName("tokenAccepted")
  record TokenAcceptedMessage(Instant tokenExpiresAt) implements ServerMessage {}
}
