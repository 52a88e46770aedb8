package vn.hoinghi.live;

import io.vertx.core.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import vn.hoinghi.domain.CommandEnvelope;

/** What a conference writer needs to know about the other nodes. */
public interface Cluster {

  /** Decides forwarded commands on the writer node: (envelope, submitter) → outcome. */
  interface Inbox {
    Future<Outcome> submit(CommandEnvelope envelope, String submitter);
  }

  String nodeId();

  /** True when this node may write the conference now (it holds its lock); never blocks. */
  Future<Boolean> tryLead(String conferenceId, Inbox inbox);

  /** Gives up writing the conference (shutdown). */
  Future<Void> release(String conferenceId);

  /** Tells the other nodes that the conference's log now ends at {@code seq}. */
  void committed(String conferenceId, long seq);

  /** Called with (conferenceId, seq) when another node committed; and with seq −1 after a lost connection. */
  void onCommitted(BiConsumer<String, Long> handler);

  /** Called with a conference id when this node lost the lock of conferences it was writing. */
  void onLeadershipLost(Consumer<String> handler);

  /** Hands a command to the conference's writer node; completes with its outcome. */
  Future<Outcome> forward(String conferenceId, CommandEnvelope envelope, String submitter);

  Future<Void> close();

  /** Shares this node's connections to a conference (JSON) with the other nodes. */
  default void publishPresence(String conferenceId, String payload) {
  }

  /** Reads the other nodes' fresh presence of a conference: node id → payload. */
  default Future<java.util.Map<String, String>> remotePresence(String conferenceId) {
    return Future.succeededFuture(java.util.Map.of());
  }

  /** Called with a conference id when another node's presence for it changed. */
  default void onPresence(Consumer<String> handler) {
  }

  /** Whether other nodes may exist (then presence is shared through the database). */
  default boolean shared() {
    return false;
  }

  /** One node, always the writer: the embedded store. */
  static Cluster single() {
    return new Cluster() {
      @Override public String nodeId() { return "single"; }
      @Override public Future<Boolean> tryLead(String c, Inbox inbox) { return Future.succeededFuture(true); }
      @Override public Future<Void> release(String c) { return Future.succeededFuture(); }
      @Override public void committed(String c, long seq) { }
      @Override public void onCommitted(BiConsumer<String, Long> handler) { }
      @Override public void onLeadershipLost(Consumer<String> handler) { }
      @Override public Future<Outcome> forward(String c, CommandEnvelope e, String s) {
        return Future.failedFuture(new IllegalStateException("a single node always writes"));
      }
      @Override public Future<Void> close() { return Future.succeededFuture(); }
    };
  }
}
