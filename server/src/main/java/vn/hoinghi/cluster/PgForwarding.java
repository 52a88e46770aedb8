package vn.hoinghi.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.domain.Actor;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.Rejection;
import vn.hoinghi.domain.RejectionCode;
import vn.hoinghi.live.Cluster.Inbox;
import vn.hoinghi.live.Failures;
import vn.hoinghi.live.Outcome;
import vn.hoinghi.wire.Codec;

/**
 * Commands a follower hands to the conference's writer node, and their outcomes back, through two unlogged tables.
 * Rows are written in batches (one statement in flight per conference, or per origin node, at a time) and each
 * statement notifies in the same transaction; a node takes its rows with one {@code DELETE … RETURNING} per
 * notification, at most one such read in flight. A forwarded command unanswered after {@link #TIMEOUT_MS} is
 * answered {@code NO_WRITER}; the client sends it again with the same id, which the writer decides once.
 */
final class PgForwarding {
  private static final Logger LOG = LoggerFactory.getLogger(PgForwarding.class);
  /** Under the 10 s in which every command gets its answer, even while no node can take the writer's lock. */
  static final long TIMEOUT_MS = 8_000;

  private record Request(String requestId, String envelope) {}
  private record Reply(String requestId, String outcome) {}

  private final Vertx vertx;
  private final Pool pool;
  private final String nodeId;
  private final Function<String, Inbox> leading;
  private final Map<String, Promise<Outcome>> pending = new ConcurrentHashMap<>();
  private final Batches<Request> requests;
  private final Batches<Reply> replies;
  private final Set<String> draining = ConcurrentHashMap.newKeySet();
  /** Keys signalled while their read was running: that read may not have seen the new rows. */
  private final Set<String> signalledWhileDraining = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicBoolean outboxDraining = new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicBoolean outboxSignalled = new java.util.concurrent.atomic.AtomicBoolean();

  PgForwarding(Vertx vertx, Pool pool, String nodeId, Function<String, Inbox> leading) {
    this.vertx = vertx;
    this.pool = pool;
    this.nodeId = nodeId;
    this.leading = leading;
    this.requests = new Batches<>(this::insertRequests);
    this.replies = new Batches<>(this::insertReplies);
  }

  Future<Outcome> forward(String conferenceId, CommandEnvelope env, String submitter) {
    String requestId = UUID.randomUUID().toString();
    Promise<Outcome> promise = Promise.promise();
    pending.put(requestId, promise);
    long timer = vertx.setTimer(TIMEOUT_MS, t -> {
      if (pending.remove(requestId) != null) promise.tryComplete(Failures.NO_WRITER);
    });
    promise.future().onComplete(ar -> vertx.cancelTimer(timer));
    ObjectNode envelope = Codec.mapper().createObjectNode()
        .put("commandId", env.commandId())
        .put("actorKind", env.actor().kind().name())
        .put("actorId", env.actor().id())
        .put("submitter", submitter)
        .put("type", Codec.typeOf(env.command()));
    envelope.set("command", Codec.mapper().valueToTree(env.command()));
    requests.add(conferenceId, new Request(requestId, envelope.toString()));
    return promise.future();
  }

  private Future<?> insertRequests(String conferenceId, List<Request> batch) {
    String[] ids = new String[batch.size()];
    String[] envelopes = new String[batch.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = batch.get(i).requestId();
      envelopes[i] = batch.get(i).envelope();
    }
    return pool.preparedQuery("WITH ins AS (INSERT INTO command_inbox(conference_id, origin_node, request_id, envelope) "
            + "SELECT $1, $2, r, e FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS t(r, e, n) ORDER BY n) "
            + "SELECT pg_notify('" + PgCluster.INBOX + "', $1)")
        .execute(Tuple.of(conferenceId, nodeId, ids, envelopes))
        .onFailure(e -> {
          LOG.warn("cannot forward {} commands: {}", ids.length, e.getMessage());
          for (String id : ids) {
            Promise<Outcome> p = pending.remove(id);
            if (p != null) p.tryComplete(new Outcome.Failed("STORE_UNAVAILABLE",
                "the event store is unavailable; nothing was saved, try again"));
          }
        });
  }

  /** A notification on the inbox channel: read the conference's rows if this node writes it. */
  void onInbox(String conferenceId) {
    if (leading.apply(conferenceId) != null) drainInbox(conferenceId);
  }

  /** Takes the conference's forwarded commands, decides them in order, and posts each outcome back. */
  void drainInbox(String conferenceId) {
    Inbox handler = leading.apply(conferenceId);
    if (handler == null) return;
    // Marked before trying: if a drain is running, its DELETE may have taken its snapshot before this row committed,
    // and it drains once more when it ends (it clears the mark after releasing `draining`, so the mark is never lost).
    signalledWhileDraining.add(conferenceId);
    if (!draining.add(conferenceId)) return;
    signalledWhileDraining.remove(conferenceId);
    pool.preparedQuery("DELETE FROM command_inbox WHERE id IN (SELECT id FROM command_inbox WHERE conference_id = $1 "
            + "ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED) RETURNING id, origin_node, request_id, envelope")
        .execute(Tuple.of(conferenceId))
        .onComplete(ar -> {
          draining.remove(conferenceId);
          if (ar.failed()) {
            LOG.warn("cannot read the command inbox: {}", ar.cause().getMessage());
            if (signalledWhileDraining.remove(conferenceId)) drainInbox(conferenceId);
            return;
          }
          List<Row> rows = new ArrayList<>();
          ar.result().forEach(rows::add);
          rows.sort((a, b) -> Long.compare(a.getLong(0), b.getLong(0)));
          for (Row r : rows) decide(handler, r.getString(1), r.getString(2), r.getString(3));
          if (rows.size() == 500 || signalledWhileDraining.remove(conferenceId)) drainInbox(conferenceId);
        });
  }

  private void decide(Inbox handler, String origin, String requestId, String envelope) {
    Future<Outcome> outcome;
    try {
      JsonNode e = Codec.mapper().readTree(envelope);
      Actor actor = new Actor(e.path("actorId").asText(null), Actor.Kind.valueOf(e.path("actorKind").asText()));
      CommandEnvelope env = new CommandEnvelope(e.path("commandId").asText(null), actor,
          Codec.decodeForwardedCommand(e.path("type").asText(null), e.get("command")));
      outcome = handler.submit(env, e.path("submitter").asText(null));
    } catch (Exception ex) {
      outcome = Future.succeededFuture(new Outcome.Failed("INVALID_MESSAGE", "unreadable forwarded command"));
    }
    outcome.onComplete(o -> reply(origin, requestId, o.succeeded() ? o.result()
        : new Outcome.Failed("INTERNAL", "the writer could not handle this command")));
  }

  private void reply(String origin, String requestId, Outcome outcome) {
    if (origin.equals(nodeId)) {
      Promise<Outcome> p = pending.remove(requestId);
      if (p != null) p.tryComplete(outcome);
      return;
    }
    replies.add(origin, new Reply(requestId, encode(outcome)));
  }

  private Future<?> insertReplies(String origin, List<Reply> batch) {
    String[] ids = new String[batch.size()];
    String[] outcomes = new String[batch.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = batch.get(i).requestId();
      outcomes[i] = batch.get(i).outcome();
    }
    return pool.preparedQuery("WITH ins AS (INSERT INTO command_outbox(origin_node, request_id, outcome) "
            + "SELECT $1, r, o FROM unnest($2::text[], $3::text[]) AS t(r, o) ON CONFLICT DO NOTHING) "
            + "SELECT pg_notify('" + PgCluster.OUTBOX + "', $1)")
        .execute(Tuple.of(origin, ids, outcomes))
        .onFailure(e -> LOG.warn("cannot post {} outcomes: {}", ids.length, e.getMessage()));
  }

  /** A notification on the outbox channel: read this node's outcomes if they are for it. */
  void onOutbox(String origin) {
    if (nodeId.equals(origin)) drainOutbox();
  }

  void drainOutbox() {
    outboxSignalled.set(true);
    if (!outboxDraining.compareAndSet(false, true)) return;
    outboxSignalled.set(false);
    pool.preparedQuery("DELETE FROM command_outbox WHERE origin_node = $1 RETURNING request_id, outcome")
        .execute(Tuple.of(nodeId))
        .onComplete(ar -> {
          outboxDraining.set(false);
          if (ar.succeeded()) {
            for (Row r : ar.result()) {
              Promise<Outcome> p = pending.remove(r.getString(0));
              if (p != null) p.tryComplete(decode(r.getString(1)));
            }
          } else {
            LOG.warn("cannot read the command outbox: {}", ar.cause().getMessage());
          }
          if (outboxSignalled.getAndSet(false)) drainOutbox();
        });
  }

  /** Answers every command still waiting for its writer (the node is stopping). */
  void close() {
    pending.forEach((id, p) -> p.tryComplete(Failures.STOPPING));
    pending.clear();
  }

  /** An outcome as JSON text for the outbox (the events in their stored shape, read back through the upcasters). */
  static String encode(Outcome o) {
    ObjectNode out = Codec.mapper().createObjectNode();
    if (o instanceof Outcome.Acked a) {
      out.put("kind", "acked").put("firstSeq", a.firstSeq()).put("lastSeq", a.lastSeq()).put("duplicate", a.duplicate());
      ArrayNode evs = out.putArray("events");
      for (Event e : a.events()) {
        evs.addObject().put("type", Codec.typeOf(e)).set("data", Codec.mapper().valueToTree(e));
      }
    } else if (o instanceof Outcome.Refused r) {
      Rejection j = r.rejection();
      out.put("kind", "refused").put("code", j.code().name()).put("vi", j.messageVi()).put("en", j.messageEn());
      ArrayNode details = out.putArray("details");
      j.details().forEach(details::add);
    } else {
      Outcome.Failed f = (Outcome.Failed) o;
      out.put("kind", "failed").put("code", f.code()).put("message", f.message());
    }
    return out.toString();
  }

  static Outcome decode(String text) {
    JsonNode o;
    try {
      o = Codec.mapper().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return new Outcome.Failed("INTERNAL", "unreadable outcome from the writer");
    }
    switch (o.path("kind").asText()) {
      case "acked": {
        List<Event> evs = new ArrayList<>();
        for (JsonNode e : o.path("events")) evs.add(Codec.decodeEvent(e.path("type").asText(), e.get("data").toString()));
        return new Outcome.Acked(o.path("firstSeq").asLong(), o.path("lastSeq").asLong(), o.path("duplicate").asBoolean(),
            evs);
      }
      case "refused": {
        List<String> details = new ArrayList<>();
        o.path("details").forEach(d -> details.add(d.asText()));
        return new Outcome.Refused(new Rejection(RejectionCode.valueOf(o.path("code").asText()),
            o.path("vi").asText(null), o.path("en").asText(null), details));
      }
      default:
        return new Outcome.Failed(o.path("code").asText(null), o.path("message").asText(null));
    }
  }
}
