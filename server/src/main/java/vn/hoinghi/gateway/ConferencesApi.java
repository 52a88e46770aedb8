package vn.hoinghi.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.hoinghi.auth.Tokens;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.live.Conferences;
import vn.hoinghi.live.Outcome;
import vn.hoinghi.wire.Codec;
import vn.hoinghi.wire.RestBody;
import vn.hoinghi.wire.RestBody.ConferenceSummary;
import vn.hoinghi.wire.WireError;

/**
 * Conferences and what happens in them over REST: list and create, read the state, submit any command, register
 * participants, issue and revoke invites, read a tally. Every state change is a command submitted to the writer.
 */
final class ConferencesApi {
  private final Gateway gateway;
  private final RestApi rest;

  ConferencesApi(Gateway gateway, RestApi rest) {
    this.gateway = gateway;
    this.rest = rest;
  }

  void listConferences(RoutingContext ctx) {
    gateway.conferences().ids().compose(ids -> {
      List<Future<ConferenceSummary>> all = new ArrayList<>();
      for (String id : ids) {
        all.add(gateway.conferences().existing(id).compose(w -> w.query(c -> summary(id, c))));
      }
      return Future.join(all).map(cf -> {
        List<ConferenceSummary> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) if (all.get(i).succeeded()) out.add(all.get(i).result());
        return out;
      });
    }).onSuccess(list -> RestApi.json(ctx, 200, new RestBody.ConferenceList(list)))
        .onFailure(e -> RestApi.failCause(ctx, e));
  }

  private static ConferenceSummary summary(String id, Conference c) {
    var info = c.info();
    return info == null ? new ConferenceSummary(id, null, null, null)
        : new ConferenceSummary(id, info.title(), info.status(), info.startsAt());
  }
  void createConference(RoutingContext ctx) {
    rest.caller(ctx).onSuccess(c -> {
      if (c.kind() != Tokens.Kind.ORGANIZER) {
        RestApi.fail(ctx, 403, Replies.error(null, "FORBIDDEN", "only organizers create conferences"));
        return;
      }
      JsonNode body = RestApi.treeBody(ctx);
      if (body == null) return;
      // Defaults for what a form may leave out; the domain checks the rest.
      com.fasterxml.jackson.databind.node.ObjectNode fields = ((com.fasterxml.jackson.databind.node.ObjectNode) body).deepCopy();
      if (!fields.hasNonNull("defaultVoteMode")) fields.put("defaultVoteMode", "NAMED");
      if (!fields.has("speakingLimitSeconds")) fields.put("speakingLimitSeconds", 300);
      Command command;
      try {
        command = Codec.decodeCommand("CreateConference", fields);
      } catch (WireError e) {
        RestApi.fail(ctx, 400, Replies.error(null, e.code(), e.getMessage()));
        return;
      }
      String id = gateway.conferences().newId();
      String commandId = "create-" + id;
      gateway.conferences().writer(id)
          .compose(w -> w.submit(new CommandEnvelope(commandId, RestApi.actorOf(c), command), null))
          .onSuccess(o -> {
            if (o instanceof Outcome.Acked a) {
              RestApi.json(ctx, 201, new RestBody.CreatedConference(id, a.firstSeq(), a.lastSeq()));
            } else {
              RestApi.outcome(ctx, commandId, o, 201);
            }
          })
          .onFailure(e -> RestApi.failCause(ctx, e));
    });
  }

  void state(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    rest.callerFor(ctx, id).onSuccess(c -> gateway.conferences().caughtUp(id)
        .compose(w -> w.query(conf -> new RestBody.ConferenceState(conf.version(),
            conf.views().viewFor(RestApi.viewerOf(c), Instant.now()))))
        .onSuccess(state -> RestApi.json(ctx, 200, state))
        .onFailure(e -> RestApi.failCause(ctx, e)));
  }

  /** The generic path: any command as JSON, exactly as over the WebSocket. */
  void command(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    rest.callerFor(ctx, id).onSuccess(c -> {
      JsonNode body = RestApi.treeBody(ctx);
      if (body == null) return;
      JsonNode idNode = body.get("id");
      String commandId = idNode != null && idNode.isTextual() ? idNode.asText() : null;
      if (commandId == null || !commandId.matches("[A-Za-z0-9._:-]{1,64}") || !body.path("command").isObject()) {
        RestApi.fail(ctx, 400, Replies.error(commandId, "INVALID_MESSAGE", "body is {\"id\": commandId, \"command\": {\"type\": …}}"));
        return;
      }
      // The body's id is the command id here; a key that says otherwise would be silently ignored, so it is refused.
      String key = ctx.request().getHeader("Idempotency-Key");
      if (key != null && !key.equals(commandId)) {
        RestApi.fail(ctx, 400, Replies.error(commandId, "INVALID_MESSAGE", "the Idempotency-Key header, when sent, must equal the body's id"));
        return;
      }
      Command command;
      try {
        JsonNode cmd = body.get("command");
        command = ServerChosen.fill(Codec.decodeCommand(cmd.path("type").isTextual() ? cmd.get("type").asText() : null, cmd));
      } catch (WireError e) {
        RestApi.fail(ctx, 400, Replies.error(commandId, e.code(), e.getMessage()));
        return;
      }
      rest.submit(ctx, id, c, commandId, command, 200);
    });
  }

  void registerParticipant(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    rest.callerFor(ctx, id).onSuccess(c -> {
      JsonObject body = RestApi.jsonBody(ctx);
      if (body == null) return;
      String username = body.getValue("username") instanceof String s ? s : null;
      String password = body.getValue("password") instanceof String s ? s : null;
      JsonObject fields = body.copy();
      fields.remove("username");
      fields.remove("password");
      Command command;
      try {
        command = Codec.decodeCommand("RegisterParticipant", Codec.parse(fields.encode()));
      } catch (WireError e) {
        RestApi.fail(ctx, 400, Replies.error(null, e.code(), e.getMessage()));
        return;
      }
      String commandId = Optional.ofNullable(ctx.request().getHeader("Idempotency-Key")).orElse("reg-" + RestApi.randomCode(12));
      new ParticipantRegistration(gateway).register(id, RestApi.actorOf(c), commandId, (Command.RegisterParticipant) command,
              username, password)
          .onSuccess(r -> RestApi.json(ctx, r.status(), r.body()))
          .onFailure(e -> RestApi.failCause(ctx, e));
    });
  }

  /** A name for an id seen in the feed (delegates' arrivals are not announced to everyone). */
  void participant(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String pid = ctx.pathParam("pid");
    rest.callerFor(ctx, id).onSuccess(c -> gateway.conferences().caughtUp(id)
        .compose(w -> w.query(conf -> conf.participant(pid).orElse(null)))
        .onSuccess(p -> {
          if (p == null) {
            RestApi.fail(ctx, 404, Replies.error(null, "NOT_FOUND", "no participant " + pid));
          } else {
            RestApi.json(ctx, 200, new RestBody.ParticipantInfo(p.id(), p.displayName(), p.endpointId(), p.active(),
                p.roles().stream().sorted(Comparator.comparing(Enum::name)).toList()));
          }
        })
        .onFailure(e -> RestApi.failCause(ctx, e)));
  }

  void issueInvite(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    rest.callerFor(ctx, id).onSuccess(c -> {
      JsonObject body = RestApi.jsonBody(ctx);
      if (body == null) return;
      Command command;
      try {
        // Defaults (uses, expiry) are the domain's, as over the WebSocket; the code is drawn here, never sent.
        command = ServerChosen.fill(Codec.decodeCommand("IssueInvite", Codec.parse(body.encode())));
      } catch (WireError e) {
        RestApi.fail(ctx, 400, Replies.error(null, e.code(), e.getMessage()));
        return;
      }
      String commandId = Optional.ofNullable(ctx.request().getHeader("Idempotency-Key"))
          .orElse("inv-" + ((Command.IssueInvite) command).code());
      gateway.conferences().existing(id)
          .compose(w -> w.submit(new CommandEnvelope(commandId, RestApi.actorOf(c), command), c.kind() == Tokens.Kind.PARTICIPANT ? c.subject() : null))
          .onSuccess(o -> {
            if (!(o instanceof Outcome.Acked a)) {
              RestApi.outcome(ctx, commandId, o, 201);
              return;
            }
            // A retry drew a code of its own that was never issued: answer the code the first request issued.
            gateway.conferences().produced(id, commandId, a).onSuccess(events -> {
              String code = events.stream().filter(e -> e instanceof Event.InviteIssued)
                  .map(e -> ((Event.InviteIssued) e).code()).findFirst().orElse(null);
              if (code == null) {
                RestApi.fail(ctx, 400, Replies.error(null, "INVALID", "this Idempotency-Key was used for another kind of request"));
                return;
              }
              RestApi.json(ctx, 201, new RestBody.IssuedInvite(RestBody.AckType.ACK, commandId, a.firstSeq(),
                  a.lastSeq(), a.duplicate(), code, RestApi.baseUrl(ctx) + "/#/join/" + id + "/" + code));
            }).onFailure(e -> RestApi.failCause(ctx, e));
          })
          .onFailure(e -> RestApi.failCause(ctx, e));
    });
  }

  void revokeInvite(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    rest.callerFor(ctx, id).onSuccess(c -> rest.submit(ctx, id, c, "revoke-" + RestApi.randomCode(10),
        new Command.RevokeInvite(ctx.pathParam("code")), 200));
  }

  void tally(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String voteId = ctx.pathParam("voteId");
    rest.callerFor(ctx, id).onSuccess(c -> gateway.conferences().caughtUp(id)
        .compose(w -> w.query(conf -> {
          var vote = conf.vote(voteId).orElse(null);
          if (vote == null) return null;
          // The per-endpoint breakdown is for moderators only, as on the WebSocket (docs/protocol.md).
          boolean moderator = c.kind() == Tokens.Kind.ORGANIZER
              || conf.participant(c.subject()).map(Participant::moderator).orElse(false);
          JsonArray articles = new JsonArray();
          for (String a : vote.articleIds()) {
            JsonObject t = new JsonObject(Codec.encode(conf.tally(voteId, a))).put("articleId", a);
            if (!moderator) t.remove("byEndpoint");
            articles.add(t);
          }
          return new JsonObject().put("voteId", voteId).put("status", vote.status().name())
              .put("asOf", conf.version()).put("articles", articles);
        }))
        .onSuccess(t -> {
          if (t == null) RestApi.fail(ctx, 404, Replies.error(null, "NOT_FOUND", "no vote " + voteId));
          else RestApi.json(ctx, 200, t);
        })
        .onFailure(e -> RestApi.failCause(ctx, e)));
  }

}
