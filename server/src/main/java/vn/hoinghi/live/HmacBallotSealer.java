package vn.hoinghi.live;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.hoinghi.domain.BallotSealer;

/**
 * Voter keys for anonymous votes: HMAC-SHA256 of conference, vote and participant under a server
 * secret that is not in the log. Whoever reads the log (or an export) sees a key per voter per
 * vote, stable enough to replace a changed ballot, and cannot tell whose it is without the secret.
 */
public final class HmacBallotSealer implements BallotSealer {
  private final SecretKeySpec key;

  public HmacBallotSealer(String secret) {
    if (secret == null || secret.length() < 32) throw new IllegalArgumentException("ballot secret must have 32+ characters");
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  @Override
  public String voterKey(String conferenceId, String voteId, String participantId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal((conferenceId + '\u0000' + voteId + '\u0000' + participantId)
          .getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
