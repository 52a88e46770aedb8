package vn.hoinghi.gateway;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import vn.hoinghi.domain.JoinRequest;
import vn.hoinghi.wire.RestBody;

/**
 * The waiting side of admission: a person who opened a hall's shared link holds a request key (only its SHA-256 is in
 * the log) and asks {@code GET /api/join/requests/{requestId}} until the hall's host decides. Admitted, the answer
 * carries the participant's tokens; refused, the reason.
 */
final class JoinRequests {
  private static final SecureRandom RANDOM = new SecureRandom();
  static final String KEY_HEADER = "X-Join-Key";

  private final Gateway gateway;
  private final RestApi rest;

  JoinRequests(Gateway gateway, RestApi rest) {
    this.gateway = gateway;
    this.rest = rest;
  }

  /** 32 random bytes, hex: the requester's secret. */
  static String newKey() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  void status(RoutingContext ctx) {
    String conferenceId = ctx.request().getParam("conferenceId");
    String requestId = ctx.pathParam("requestId");
    String key = ctx.request().getHeader(KEY_HEADER);
    if (conferenceId == null || key == null || key.length() != 64) {
      RestApi.fail(ctx, 400, Replies.error(null, "INVALID", "send ?conferenceId=… and the " + KEY_HEADER
          + " header with the requestKey the join answered"));
      return;
    }
    String keyHash = hash(key);
    gateway.conferences().existing(conferenceId)
        .compose(w -> w.query(c -> c.joinRequest(requestId).orElse(null)))
        .onComplete(ar -> {
          if (ar.failed()) {
            RestApi.failCause(ctx, ar.cause());
            return;
          }
          JoinRequest r = ar.result();
          // Same answer for an unknown request and a wrong key: the key is the only proof of being the requester.
          if (r == null || !MessageDigest.isEqual(keyHash.getBytes(StandardCharsets.US_ASCII),
              r.keyHash().getBytes(StandardCharsets.US_ASCII))) {
            RestApi.fail(ctx, 404, Replies.error(null, "NOT_FOUND", "no such join request"));
            return;
          }
          switch (r.status()) {
            case PENDING, REFUSED -> RestApi.json(ctx, 200,
                new RestBody.JoinRequestState(RestBody.Undecided.valueOf(r.status().name()), r.id(),
                    conferenceId, r.reason()));
            case ADMITTED -> rest.signIn().issueParticipantTokens(ctx, conferenceId, r.participantId(), 200, -1,
                tokens -> new RestBody.JoinAdmitted(tokens, RestBody.Admitted.ADMITTED, r.id()));
          }
        });
  }
}
