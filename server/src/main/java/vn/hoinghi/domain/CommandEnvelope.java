package vn.hoinghi.domain;

import java.util.Objects;

/** A command with its client-generated id (for idempotency) and the actor the gateway verified. */
public record CommandEnvelope(String commandId, Actor actor, Command command) {

  public CommandEnvelope {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(command, "command");
  }
}
