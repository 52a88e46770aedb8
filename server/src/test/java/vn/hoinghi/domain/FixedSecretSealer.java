package vn.hoinghi.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An HMAC sealer like the server's, with a fixed test secret. */
final class FixedSecretSealer implements BallotSealer {

  static final FixedSecretSealer INSTANCE = new FixedSecretSealer();

  @Override
  public String voterKey(String conferenceId, String voteId, String participantId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec("test-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] h = mac.doFinal((conferenceId + "\n" + voteId + "\n" + participantId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
