package vn.hoinghi.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.domain.BallotSealer;
import vn.hoinghi.domain.Event;
import vn.hoinghi.store.EventStore;
import vn.hoinghi.wire.Codec;

/**
 * The writers of this node, one per conference, started on first use. Each writer is a worker
 * verticle: its context runs one task at a time, so the conference has exactly one writer here.
 * A writer idle for the quiet period ({@code conferences.idle.unload.seconds}) is unloaded: undeployed,
 * then forgotten; a request for the conference meanwhile waits for the unload to end and loads it again
 * (see {@link Residency}). Stream ids starting with "_" (accounts) are not conferences.
 */
public final class Conferences implements Residency.Host {
  private static final Logger LOG = LoggerFactory.getLogger(Conferences.class);
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,47}");
  private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

  private final Vertx vertx;
  private final EventStore store;
  private final BallotSealer sealer;
  private final Clock clock;
  private final Cluster cluster;
  private final Map<String, Future<ConferenceWriter>> writers = new ConcurrentHashMap<>();
  /** Conferences being unloaded: completes once the writer is gone (then a new one may load it). */
  private final Map<String, Future<Void>> unloading = new ConcurrentHashMap<>();
  private final long idleUnloadMs;
  /** Where writers are deployed from (created with this object, outside any deployment). */
  private final Context home;
  private final ResidencyMetrics metrics;
  private final SecureRandom random = new SecureRandom();
  private volatile boolean closing;

  public Conferences(Vertx vertx, EventStore store, BallotSealer sealer, Clock clock) {
    this(vertx, store, sealer, clock, Cluster.single());
  }

  public Conferences(Vertx vertx, EventStore store, BallotSealer sealer, Clock clock, Cluster cluster) {
    this(vertx, store, sealer, clock, cluster, Duration.ZERO, null);
  }

  /**
   * {@code idleUnload}: how long a conference must be quiet before it is unloaded (zero: never); {@code registry}: where
   * the counts go (null: nowhere).
   */
  public Conferences(Vertx vertx, EventStore store, BallotSealer sealer, Clock clock, Cluster cluster,
      Duration idleUnload, MeterRegistry registry) {
    this.vertx = vertx;
    this.home = vertx.getOrCreateContext();
    this.idleUnloadMs = idleUnload.toMillis();
    this.metrics = new ResidencyMetrics(registry, writers);
    this.store = store;
    this.sealer = sealer;
    this.clock = clock;
    this.cluster = cluster;
    // With unloading on, conferences come back from snapshots: build that path once, off the event loops.
    if (idleUnloadMs > 0) vertx.executeBlocking(() -> {
      Replica.warmUp(sealer);
      return null;
    }, false);
    cluster.onCommitted((conferenceId, seq) -> {
      if (conferenceId == null) {
        writers.values().forEach(f -> f.onSuccess(w -> w.followLog(-1)));
      } else {
        Future<ConferenceWriter> f = writers.get(conferenceId);
        if (f != null) f.onSuccess(w -> w.followLog(seq));
      }
    });
    cluster.onPresence(conferenceId -> {
      Future<ConferenceWriter> f = writers.get(conferenceId);
      if (f != null) f.onSuccess(ConferenceWriter::readRemotePresence);
    });
    cluster.onLeadershipLost(conferenceId -> {
      Future<ConferenceWriter> f = writers.get(conferenceId);
      if (f != null) f.onSuccess(ConferenceWriter::stepDown);
    });
  }

  public Cluster cluster() {
    return cluster;
  }

  public static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  public BallotSealer sealer() {
    return sealer;
  }

  /** The writer of an existing conference; fails with {@link NoSuchConference} when it has no events. */
  public Future<ConferenceWriter> existing(String id) {
    if (!validId(id)) return Future.failedFuture(new NoSuchConference(id));
    Future<Void> gone = unloading.get(id);
    if (gone != null) return gone.compose(v -> existing(id));
    Future<ConferenceWriter> running = writers.get(id);
    if (running != null) return running;
    return store.latestSeq(id).compose(seq -> seq == 0
        ? Future.failedFuture(new NoSuchConference(id))
        : writer(id));
  }

  /**
   * The writer of an existing conference once this node's replica holds every event committed before the call (see
   * {@link ConferenceWriter#caughtUp}): a read through any node shows what any node acknowledged before it.
   */
  public Future<ConferenceWriter> caughtUp(String id) {
    return existing(id).compose(w -> w.caughtUp().map(w));
  }

  /** The writer of a conference, started if needed, whether or not it has events yet. */
  public Future<ConferenceWriter> writer(String id) {
    if (closing) return Future.failedFuture(new IllegalStateException("server is stopping"));
    if (!validId(id)) return Future.failedFuture(new NoSuchConference(id));
    Future<Void> gone = unloading.get(id);
    if (gone != null) return gone.compose(v -> writer(id));
    return writers.computeIfAbsent(id, k -> {
      long start = System.nanoTime();
      ConferenceWriter w = new ConferenceWriter(k, store, sealer, WriterClock.of(clock), cluster, this, idleUnloadMs);
      // Deployed from this class's own context, never from the caller's: a writer loaded again on behalf of one being
      // unloaded would otherwise become a child of that deployment, and be refused or undeployed with it.
      Promise<ConferenceWriter> deployed = Promise.promise();
      home.runOnContext(v -> vertx.deployVerticle(w, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
          .map(dep -> w).onComplete(deployed));
      Future<ConferenceWriter> f = deployed.future();
      f.onSuccess(x -> metrics.loaded(start)).onFailure(e -> writers.remove(k));
      return f;
    });
  }

  /** Conferences held in memory on this node now. */
  public int loaded() {
    return writers.size();
  }

  /** Conferences unloaded as idle since this node started. */
  public long unloadedCount() {
    return metrics.unloadedCount();
  }

  /**
   * A writer found itself idle (on its context; it hands whatever reaches it from now on to {@link #successor}): it is
   * undeployed — it saves a snapshot and gives up its lock first — and then forgotten. Whoever asks for the conference
   * meanwhile waits for that and loads it again.
   */
  @Override
  public void idle(ConferenceWriter w) {
    String id = w.conferenceId();
    Promise<Void> gone = Promise.promise();
    unloading.put(id, gone.future());
    vertx.undeploy(w.deploymentID()).onComplete(ar -> {
      if (ar.failed()) LOG.warn("unloading conference {} did not finish cleanly: {}", id, ar.cause().getMessage());
      writers.computeIfPresent(id, (k, f) -> f.succeeded() && f.result() == w ? null : f);
      unloading.remove(id);
      metrics.unloaded();
      LOG.debug("conference {} unloaded", id);
      gone.complete();
    });
  }

  @Override
  public Future<ConferenceWriter> successor(String conferenceId) {
    return writer(conferenceId);
  }

  /** A fresh, unguessable conference id ("hn-" and 8 characters). */
  public String newId() {
    StringBuilder sb = new StringBuilder("hn-");
    for (int i = 0; i < 8; i++) sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    return sb.toString();
  }

  /**
   * The events a committed command produced: the ack's own, or for a duplicate (whose ack carries none) read back from
   * the log, so a retried request can answer what the first one created (an invite's code, a participant's id).
   */
  public Future<List<Event>> produced(String conferenceId, String commandId, Outcome.Acked ack) {
    if (!ack.duplicate()) return Future.succeededFuture(ack.events());
    int count = (int) Math.min(1000, ack.lastSeq() - ack.firstSeq() + 1);
    return store.read(conferenceId, ack.firstSeq() - 1, count).map(stored -> stored.stream()
        .filter(e -> commandId.equals(e.commandId()))
        .map(e -> Codec.decodeEvent(e.type(), e.payload()))
        .toList());
  }

  /** Conference ids in the store. */
  public Future<List<String>> ids() {
    return store.conferences().map(all -> {
      List<String> out = new ArrayList<>();
      for (String id : all) if (!id.startsWith("_")) out.add(id);
      return out;
    });
  }

  /** Writers finish their round in flight and answer what is queued; called at shutdown. */
  public Future<Void> close() {
    closing = true;
    List<Future<?>> all = new ArrayList<>();
    for (Future<ConferenceWriter> f : writers.values()) {
      all.add(f.compose(w -> w.deploymentID() == null ? Future.succeededFuture() : vertx.undeploy(w.deploymentID()))
          .recover(e -> Future.succeededFuture()));
    }
    // Forgotten once stopped: nothing of a stopped server's conferences stays reachable through this object.
    return Future.join(all).onComplete(x -> writers.clear()).mapEmpty();
  }

  /** No conference with that id exists. */
  public static final class NoSuchConference extends RuntimeException {
    public NoSuchConference(String id) {
      super("no conference " + (id == null ? "null" : id.length() > 64 ? id.substring(0, 64) : id), null, false, false);
    }
  }
}
