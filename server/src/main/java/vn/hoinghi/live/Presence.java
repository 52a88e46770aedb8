package vn.hoinghi.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.Participant;
import vn.hoinghi.domain.Viewer;
import vn.hoinghi.wire.ServerMessage.EndpointPresence;
import vn.hoinghi.wire.ServerMessage.PresenceMessage;

/**
 * Who is connected, counted by the writer as subscribers attach and detach. It is not in the log:
 * it describes connections, not the conference. Sent on a clock (at most once a second, only when
 * it changed): the moderators get every endpoint and participant online; everyone else a summary,
 * so presence never costs a message per connection per connection.
 */
final class Presence {
  private final Map<String, Integer> connectionsByParticipant = new HashMap<>();
  private int screens;
  private boolean dirty;
  /** Bumped on every local connect or disconnect: tells the writer when to share its counts with other nodes. */
  private long localVersion;
  /** The other nodes' counts (several nodes on PostgreSQL): participant → connections, and screens. */
  private Map<String, Integer> remoteByParticipant = Map.of();
  private int remoteScreens;

  /** The summary for everyone, the full picture for moderators, and each hall's own slice for its hosts. */
  record Frames(Buffer everyone, Buffer moderators, Map<String, Buffer> hostsByEndpoint) {}

  void connected(Viewer v, Conference c) {
    localVersion++;
    if (v.participantId() == null) screens++;
    else connectionsByParticipant.merge(v.participantId(), 1, Integer::sum);
    dirty = true;
  }

  void disconnected(Viewer v, Conference c) {
    localVersion++;
    if (v.participantId() == null) screens = Math.max(0, screens - 1);
    else connectionsByParticipant.computeIfPresent(v.participantId(), (k, n) -> n <= 1 ? null : n - 1);
    dirty = true;
  }

  boolean dirty() {
    return dirty;
  }

  long localVersion() {
    return localVersion;
  }

  /** This node's counts as JSON, for the other nodes. */
  String localPayload() {
    JsonObject participants = new JsonObject();
    connectionsByParticipant.forEach(participants::put);
    return new JsonObject().put("screens", screens).put("participants", participants).encode();
  }

  /** Replaces the other nodes' counts with the fresh ones read from the database. */
  void setRemote(Map<String, String> payloadsByNode) {
    Map<String, Integer> merged = new HashMap<>();
    int s = 0;
    for (String payload : payloadsByNode.values()) {
      JsonObject o = new JsonObject(payload);
      s += o.getInteger("screens", 0);
      JsonObject p = o.getJsonObject("participants", new JsonObject());
      for (String pid : p.fieldNames()) merged.merge(pid, p.getInteger(pid), Integer::sum);
    }
    if (!merged.equals(remoteByParticipant) || s != remoteScreens) {
      remoteByParticipant = merged;
      remoteScreens = s;
      dirty = true;
    }
  }

  /** The summary for everyone is still owed (it goes out less often than the moderators' picture). */
  void markDirty() {
    dirty = true;
  }

  /** Connected to this node or, as last shared, to another one. */
  boolean onlineAnywhere(String participantId) {
    return connectionsByParticipant.containsKey(participantId) || remoteByParticipant.getOrDefault(participantId, 0) > 0;
  }

  Frames frames(Conference c, Instant now) {
    dirty = false;
    Map<String, int[]> byEndpoint = new TreeMap<>();
    c.endpoints().forEach(e -> byEndpoint.put(e.id(), new int[2]));
    List<String> participants = new ArrayList<>();
    int connections = screens + remoteScreens;
    Map<String, Integer> all = connectionsByParticipant;
    if (!remoteByParticipant.isEmpty()) {
      all = new HashMap<>(connectionsByParticipant);
      for (Map.Entry<String, Integer> r : remoteByParticipant.entrySet()) all.merge(r.getKey(), r.getValue(), Integer::sum);
    }
    for (Map.Entry<String, Integer> e : all.entrySet()) {
      connections += e.getValue();
      participants.add(e.getKey());
      Participant p = c.participant(e.getKey()).orElse(null);
      if (p != null && p.endpointId() != null) {
        int[] n = byEndpoint.get(p.endpointId());
        if (n != null) {
          n[0] += e.getValue();
          n[1]++;
        }
      }
    }
    List<EndpointPresence> endpoints = new ArrayList<>(byEndpoint.size());
    int online = 0;
    for (Map.Entry<String, int[]> e : byEndpoint.entrySet()) {
      EndpointPresence ep = endpointPresence(e.getKey(), e.getValue());
      if (ep.online()) online++;
      endpoints.add(ep);
    }
    PresenceMessage summary = new PresenceMessage(now, online, byEndpoint.size(), connections, null, null);
    PresenceMessage full = new PresenceMessage(now, online, byEndpoint.size(), connections, endpoints, participants);
    // A host sees which of the hall's own people are connected, nothing of the other halls.
    Map<String, List<String>> byHall = new HashMap<>();
    for (String pid : all.keySet()) {
      Participant p = c.participant(pid).orElse(null);
      if (p != null && p.endpointId() != null) byHall.computeIfAbsent(p.endpointId(), k -> new ArrayList<>()).add(pid);
    }
    Map<String, Buffer> hosts = new HashMap<>();
    for (Map.Entry<String, int[]> e : byEndpoint.entrySet()) {
      PresenceMessage slice = new PresenceMessage(now, online, byEndpoint.size(), connections,
          List.of(endpointPresence(e.getKey(), e.getValue())), byHall.getOrDefault(e.getKey(), List.of()));
      hosts.put(e.getKey(), vn.hoinghi.live.Frames.message(slice));
    }
    return new Frames(vn.hoinghi.live.Frames.message(summary), vn.hoinghi.live.Frames.message(full), hosts);
  }

  /** {@code counts}: connections, participants. */
  private static EndpointPresence endpointPresence(String endpointId, int[] counts) {
    return new EndpointPresence(endpointId, counts[0] > 0, counts[0], counts[1]);
  }
}
