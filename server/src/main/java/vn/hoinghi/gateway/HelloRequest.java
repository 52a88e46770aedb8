package vn.hoinghi.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import vn.hoinghi.wire.WireError;

/**
 * A hello's fields, checked: the token (in the message, or else from the {@code bearer.} subprotocol), the conference
 * asked for (null: the participant token's own) and the sequence to resume after (null: a fresh snapshot).
 */
record HelloRequest(String token, String conferenceId, Long resumeAfter) {

  /** Reads a hello that passed {@link InboundCheck}; a wrong one is an {@code INVALID_MESSAGE} {@link WireError}. */
  static HelloRequest read(JsonNode msg, String headerToken) {
    String problem = InboundCheck.onlyFields(msg, "type", "token", "conferenceId", "resumeAfter", "client");
    JsonNode resume = msg.get("resumeAfter");
    if (problem == null && resume != null && !resume.isNull() && !(resume.canConvertToLong() && resume.isIntegralNumber()
        && resume.asLong() >= 0)) {
      problem = "resumeAfter must be a non-negative integer";
    }
    String token = msg.path("token").isTextual() ? msg.get("token").asText() : headerToken;
    if (problem == null && token == null) problem = "hello needs a token (or the bearer subprotocol)";
    if (problem != null) throw new WireError("INVALID_MESSAGE", problem);
    Long resumeAfter = resume == null || resume.isNull() ? null : resume.asLong();
    String conferenceId = msg.path("conferenceId").isTextual() ? msg.get("conferenceId").asText() : null;
    return new HelloRequest(token, conferenceId, resumeAfter);
  }
}
