package vn.hoinghi.gateway;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import vn.hoinghi.auth.Accounts;
import vn.hoinghi.auth.Passwords;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Decision;
import vn.hoinghi.domain.Event;
import vn.hoinghi.live.ConferenceWriter;
import vn.hoinghi.live.Outcome;

/**
 * {@code POST /api/conferences/{id}/participants}: registers a participant and, when a username is given, a login
 * linked to it. The Idempotency-Key is the command id: a retry creates nothing and answers the participant and the
 * login the first request created (a duplicate's ack carries no events, so they are read back from the log).
 */
final class ParticipantRegistration {
  /** What to answer: an HTTP status and its JSON body. */
  record Reply(int status, JsonObject body) {}

  private final Gateway gateway;

  ParticipantRegistration(Gateway gateway) {
    this.gateway = gateway;
  }

  Future<Reply> register(String conferenceId, Actor actor, String commandId, Command.RegisterParticipant command,
      String username, String password) {
    if (username != null) {
      String problem = Accounts.usernameProblem(username);
      if (problem == null) problem = Passwords.problem(password);
      if (problem != null) return Future.succeededFuture(invalid(problem));
    }
    CommandEnvelope env = new CommandEnvelope(commandId, actor, command);
    Optional<Accounts.Account> taken = username == null ? Optional.empty() : gateway.accounts().byUsername(username);
    return gateway.conferences().existing(conferenceId).compose(w -> retried(w, env, taken.isPresent()).compose(retry -> {
      // A taken username is refused unless this is the retry of the request that took it (checked once the id is known).
      if (taken.isPresent() && !retry) return Future.succeededFuture(invalid("username is taken"));
      return w.submit(env, null).compose(o -> {
        if (!(o instanceof Outcome.Acked a)) {
          JsonObject reply = Replies.outcome(commandId, o);
          return Future.succeededFuture(new Reply(RestApi.statusFor(reply.getString("code")), reply));
        }
        return gateway.conferences().produced(conferenceId, commandId, a)
            .compose(events -> answer(conferenceId, commandId, a, events, command, username, password, taken));
      });
    }));
  }

  /** Whether this actor already sent this command id (nothing is decided: the writer's state is only read). */
  private static Future<Boolean> retried(ConferenceWriter w, CommandEnvelope env, boolean needed) {
    if (!needed) return Future.succeededFuture(false);
    return w.query(conf -> conf.decide(env, Instant.now()) instanceof Decision.AlreadyApplied);
  }

  private Future<Reply> answer(String conferenceId, String commandId, Outcome.Acked ack, java.util.List<Event> events,
      Command.RegisterParticipant command, String username, String password, Optional<Accounts.Account> taken) {
    String pid = events.stream().filter(e -> e instanceof Event.ParticipantRegistered)
        .map(e -> ((Event.ParticipantRegistered) e).participantId()).findFirst().orElse(null);
    if (pid == null) {
      return Future.succeededFuture(invalid("this Idempotency-Key was used for another kind of request"));
    }
    JsonObject out = Replies.outcome(commandId, ack).put("participantId", pid);
    if (username == null) return Future.succeededFuture(new Reply(201, out));
    if (taken.isPresent()) {
      Accounts.Account account = taken.get();
      return Future.succeededFuture(pid.equals(account.participantByConference().get(conferenceId))
          ? new Reply(201, out.put("accountId", account.id())) : invalid("username is taken"));
    }
    return gateway.accounts().create(username, command.displayName(), password, false, Passwords.COST)
        .compose(account -> gateway.accounts().link(account.id(), conferenceId, pid)
            .map(v -> new Reply(201, out.put("accountId", account.id()))));
  }

  private static Reply invalid(String detail) {
    return new Reply(400, Replies.error(null, "INVALID", detail));
  }
}
