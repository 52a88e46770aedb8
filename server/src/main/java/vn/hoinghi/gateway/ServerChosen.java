package vn.hoinghi.gateway;

import java.security.SecureRandom;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.InviteRules;

/**
 * What the server chooses for a client's command, on every path a command comes in by (WebSocket, REST): the code of
 * a new invite, drawn here because the domain core has no randomness. The schema refuses a code sent by a client.
 */
final class ServerChosen {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ServerChosen() {}

  static Command fill(Command c) {
    return c instanceof Command.IssueInvite i ? i.withCode(InviteRules.draw(RANDOM)) : c;
  }
}
