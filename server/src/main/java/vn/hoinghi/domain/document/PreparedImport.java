package vn.hoinghi.domain.document;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The costly part of an import done before the command reaches the conference's writer: the REST layer parses the
 * text and matches its stable ids against the current version on a worker thread ({@link #prepare}), then submits
 * {@code ImportDraft}; the writer takes the prepared result ({@link #take}) when it was made from the same text, the
 * same previous version (the same object) and the same set of used ids, and otherwise does the work itself. So a big
 * draft holds neither an event loop nor the writer, and the result is the one the writer would have computed: the
 * importer and {@link StableIds} are pure functions of these three inputs (the set of used ids only grows, so an equal
 * size means an equal set).
 */
public final class PreparedImport {

  /** A parse and its id matching; {@code assigned} is null when the text has problems. */
  public record Prepared(String text, DraftDocument previous, int usedIds, ImportResult parsed, DraftDocument assigned,
      long madeAt) {}

  /**
   * Prepared imports kept at most, and for how long: a few uploads in flight at once. One never taken (its command was
   * refused before the draft step, or ran on another node) is dropped by newer ones or by age, never kept for long:
   * each holds up to 2 MB of text and two documents.
   */
  static final int KEPT = 4;
  static final long KEPT_NANOS = 120_000_000_000L;
  private static final Deque<Prepared> KEPT_IMPORTS = new ArrayDeque<>();
  private static final AtomicLong TAKEN = new AtomicLong();
  private static final AtomicLong PREPARED = new AtomicLong();

  private PreparedImport() {}

  /** Parses {@code text} and matches its ids against {@code previous}; call it off the event loop and the writer. */
  public static Prepared prepare(String text, DraftDocument previous, Set<String> usedIds) {
    ImportResult parsed = DraftImporter.parse(text);
    DraftDocument assigned = parsed.ok() ? StableIds.assign(parsed.doc(), previous, usedIds) : null;
    Prepared p = new Prepared(text, previous, usedIds.size(), parsed, assigned, System.nanoTime());
    PREPARED.incrementAndGet();
    synchronized (KEPT_IMPORTS) {
      KEPT_IMPORTS.addFirst(p);
      while (KEPT_IMPORTS.size() > KEPT) {
        KEPT_IMPORTS.removeLast();
      }
    }
    return p;
  }

  /** The prepared import of exactly these inputs, removed from the cache; empty when none is kept. */
  public static Optional<Prepared> take(String text, DraftDocument previous, int usedIds) {
    long now = System.nanoTime();
    synchronized (KEPT_IMPORTS) {
      for (Iterator<Prepared> it = KEPT_IMPORTS.iterator(); it.hasNext(); ) {
        Prepared p = it.next();
        if (now - p.madeAt() > KEPT_NANOS) {
          it.remove();
        } else if (p.previous() == previous && p.usedIds() == usedIds && p.text().equals(text)) {
          it.remove();
          TAKEN.incrementAndGet();
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** How many imports were prepared since the process started (for tests and metrics). */
  public static long prepared() {
    return PREPARED.get();
  }

  /** How many imports the writer took ready-made since the process started (for tests and metrics). */
  public static long taken() {
    return TAKEN.get();
  }
}
