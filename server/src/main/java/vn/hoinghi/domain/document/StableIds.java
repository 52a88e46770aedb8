package vn.hoinghi.domain.document;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gives the nodes of a new draft version the ids of the previous version's nodes they continue, so that votes and
 * annotations stay attached where the text is unchanged, even when an inserted article renumbers everything after it.
 *
 * <p>A new node takes, in this order: the id of an unclaimed old node of the same kind with the same normalized text
 * (preferring one under the same parent); else the id of the old node at the same structural position (same kind and
 * number, same parent) when the texts are similar; else the id of the most similar old node of that kind when the
 * texts are nearly the same (an article both renumbered and lightly edited); else a new id that no version has used.
 */
public final class StableIds {

  /** Word-overlap (Dice) needed to keep the id of the node at the same position. */
  static final double SAME_POSITION_SIMILARITY = 0.5;
  /** Word-overlap needed to keep the id of a node found elsewhere: only light edits. */
  static final double MOVED_SIMILARITY = 0.8;
  /** Beyond this many comparisons the moved-node pass is skipped: a rewrite that large gets new ids. */
  static final long MAX_COMPARISONS = 1_000_000L;

  private StableIds() {}

  /**
   * The document {@code next} (as parsed, with structural ids) with ids carried over from {@code previous}.
   *
   * @param previous the previous version, or null for a first version
   * @param usedIds every id used by any earlier version; a new node never reuses one
   */
  public static DraftDocument assign(DraftDocument next, DraftDocument previous, Set<String> usedIds) {
    List<Slot> slots = new ArrayList<>();
    flatten(next.nodes(), -1, slots);
    String[] assigned = new String[slots.size()];
    if (previous != null) {
      match(slots, assigned, previous);
    }
    Set<String> taken = new HashSet<>(usedIds);
    Map<String, Integer> nextSuffix = new HashMap<>();
    for (String id : assigned) {
      if (id != null) {
        taken.add(id);
      }
    }
    for (int i = 0; i < slots.size(); i++) {
      if (assigned[i] == null) {
        Slot s = slots.get(i);
        String parentId = s.parent < 0 ? null : assigned[s.parent];
        int ordinal = Numbering.ordinal(s.node.kind(), s.node.number());
        assigned[i] = unique(structural(parentId, s.node.kind(), s.node.number(), ordinal), taken, nextSuffix);
        taken.add(assigned[i]);
      }
    }
    int[] cursor = {0};
    return next.withNodes(rebuild(next.nodes(), assigned, cursor));
  }

  /** The id a node gets from its place in the structure: p1, c2, c2.m1, d5, d5.k2, d5.k2.a (đ is written dd). */
  static String structural(String parentId, NodeKind kind, String number, int ordinal) {
    String n = ordinal > 0 ? Integer.toString(ordinal) : number.replaceAll("[^A-Za-z0-9]", "");
    return switch (kind) {
      case PART -> "p" + n;
      case CHAPTER -> "c" + n;
      case SECTION -> (parentId == null ? "" : parentId + ".") + "m" + n;
      case SUBSECTION -> (parentId == null ? "" : parentId + ".") + "tm" + n;
      case ARTICLE -> "d" + n;
      case CLAUSE -> (parentId == null ? "" : parentId + ".") + "k" + n;
      case POINT -> (parentId == null ? "" : parentId + ".") + ("đ".equals(number) ? "dd" : number.replaceAll("[^a-z]", ""));
      case ALTERNATIVE -> (parentId == null ? "" : parentId + ".") + "pa" + n;
      case APPENDIX -> "pl" + n;
    };
  }

  /**
   * {@code id}, or the first {@code id-k} (k ≥ 2) nobody has taken. {@code nextSuffix} remembers where the search for
   * each id stopped, so a document repeating one number many times costs linear time, not quadratic (ids are only
   * ever added to {@code taken}, so every suffix below the remembered one is still taken).
   */
  static String unique(String id, Set<String> taken, Map<String, Integer> nextSuffix) {
    if (!taken.contains(id)) {
      return id;
    }
    int k = nextSuffix.getOrDefault(id, 2);
    while (taken.contains(id + "-" + k)) {
      k++;
    }
    nextSuffix.put(id, k + 1);
    return id + "-" + k;
  }

  /** Text compared between versions: case, spacing and Unicode form do not count as a change. */
  static String normalized(DraftNode n) {
    String s = switch (n.kind()) {
      case CLAUSE, POINT -> n.text();
      default -> n.title() + "\n" + n.text();
    };
    return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  static double similarity(Map<String, Integer> a, Map<String, Integer> b) {
    int sizeA = a.values().stream().mapToInt(Integer::intValue).sum();
    int sizeB = b.values().stream().mapToInt(Integer::intValue).sum();
    if (sizeA + sizeB == 0) {
      return 1.0;
    }
    int common = 0;
    for (Map.Entry<String, Integer> e : a.entrySet()) {
      common += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
    }
    return 2.0 * common / (sizeA + sizeB);
  }

  static Map<String, Integer> words(String normalized) {
    Map<String, Integer> bag = new HashMap<>();
    for (String w : normalized.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        bag.merge(w, 1, Integer::sum);
      }
    }
    return bag;
  }

  private record Slot(DraftNode node, int parent, String key) {}

  private record Old(DraftNode node, String parentId, String key) {}

  private static void flatten(List<DraftNode> level, int parent, List<Slot> out) {
    for (DraftNode n : level) {
      int index = out.size();
      out.add(new Slot(n, parent, normalized(n)));
      flatten(n.children(), index, out);
    }
  }

  private static void flattenOld(List<DraftNode> level, String parentId, Map<String, Old> out) {
    for (DraftNode n : level) {
      out.put(n.id(), new Old(n, parentId, normalized(n)));
      flattenOld(n.children(), n.id(), out);
    }
  }

  private static void match(List<Slot> slots, String[] assigned, DraftDocument previous) {
    Map<String, Old> old = new LinkedHashMap<>();
    flattenOld(previous.nodes(), null, old);
    Set<String> claimed = new HashSet<>();
    Map<NodeKind, Map<String, Deque<Old>>> byText = new EnumMap<>(NodeKind.class);
    for (Old o : old.values()) {
      byText.computeIfAbsent(o.node.kind(), k -> new HashMap<>()).computeIfAbsent(o.key, k -> new ArrayDeque<>()).add(o);
    }
    // 1. Same text: the common case, and the one that survives renumbering.
    for (int i = 0; i < slots.size(); i++) {
      Slot s = slots.get(i);
      Deque<Old> candidates = byText.getOrDefault(s.node.kind(), Map.of()).get(s.key);
      if (candidates == null) {
        continue;
      }
      String parentId = s.parent < 0 ? null : assigned[s.parent];
      Old pick = null;
      for (Old o : candidates) {
        if (claimed.contains(o.node.id())) {
          continue;
        }
        if (parentId != null && parentId.equals(o.parentId)) {
          pick = o;
          break;
        }
        if (pick == null) {
          pick = o;
        }
      }
      if (pick != null) {
        claimed.add(pick.node.id());
        assigned[i] = pick.node.id();
      }
    }
    // 2. Same position, similar text: a reworded clause keeps its id.
    Map<String, Map<String, Integer>> newBags = new HashMap<>();
    Map<String, Map<String, Integer>> oldBags = new HashMap<>();
    for (int i = 0; i < slots.size(); i++) {
      if (assigned[i] != null) {
        continue;
      }
      Slot s = slots.get(i);
      String parentId = s.parent < 0 ? null : assigned[s.parent];
      boolean globallyNumbered = switch (s.node.kind()) {
        case PART, CHAPTER, ARTICLE -> true;
        default -> false;
      };
      for (Old o : old.values()) {
        if (o.node.kind() == s.node.kind() && o.node.number().equals(s.node.number()) && !claimed.contains(o.node.id())
            && (globallyNumbered || (parentId != null && parentId.equals(o.parentId)))
            && similarity(bag(newBags, Integer.toString(i), s.key), bag(oldBags, o.node.id(), o.key)) >= SAME_POSITION_SIMILARITY) {
          claimed.add(o.node.id());
          assigned[i] = o.node.id();
          break;
        }
      }
    }
    // 3. Moved and lightly edited: the most similar unclaimed node of the same kind, if nearly the same.
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      if (assigned[i] == null) {
        open.add(i);
      }
    }
    Collection<Old> free = old.values().stream().filter(o -> !claimed.contains(o.node.id())).toList();
    if ((long) open.size() * free.size() > MAX_COMPARISONS) {
      return;
    }
    for (int i : open) {
      Slot s = slots.get(i);
      Old best = null;
      double bestScore = MOVED_SIMILARITY;
      for (Old o : free) {
        if (o.node.kind() != s.node.kind() || claimed.contains(o.node.id())) {
          continue;
        }
        double score = similarity(bag(newBags, Integer.toString(i), s.key), bag(oldBags, o.node.id(), o.key));
        if (score >= bestScore && (best == null || score > bestScore)) {
          best = o;
          bestScore = score;
        }
      }
      if (best != null) {
        claimed.add(best.node.id());
        assigned[i] = best.node.id();
      }
    }
  }

  private static Map<String, Integer> bag(Map<String, Map<String, Integer>> cache, String key, String text) {
    return cache.computeIfAbsent(key, k -> words(text));
  }

  private static List<DraftNode> rebuild(List<DraftNode> level, String[] assigned, int[] cursor) {
    List<DraftNode> out = new ArrayList<>();
    for (DraftNode n : level) {
      String id = assigned[cursor[0]++];
      out.add(n.withId(id, rebuild(n.children(), assigned, cursor)));
    }
    return out;
  }
}
