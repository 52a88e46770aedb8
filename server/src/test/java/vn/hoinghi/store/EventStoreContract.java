package vn.hoinghi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.Await;

/**
 * The behaviour every {@link EventStore} adapter must have. Subclasses only say how to open,
 * reopen and dispose of a store; the tests run unchanged against each adapter.
 */
public abstract class EventStoreContract {
  protected Vertx vertx;
  protected EventStore store;

  /** Opens a fresh, empty store. */
  protected abstract EventStore openFresh();

  /** Opens the same store again (after {@link #store} was closed). */
  protected abstract EventStore reopen();

  /** Removes whatever {@link #openFresh()} created. */
  protected abstract void dispose();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    store = openFresh();
  }

  @AfterEach
  void tearDown() {
    try {
      if (store != null) Await.of(store.close(), 10);
    } catch (Exception ignored) {
      // already closed by the test
    } finally {
      dispose();
      vertx.close().await();
    }
  }

  protected static NewEvent event(String type, String payload) {
    return new NewEvent(type, payload, "actor-1", "cmd-" + type, Instant.parse("2026-11-27T08:00:00.123456Z"));
  }

  protected static List<NewEvent> events(int n, String prefix) {
    List<NewEvent> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(event(prefix + i, "{\"i\":" + i + "}"));
    return out;
  }

  private static <T> T await(Future<T> f) {
    return Await.of(f);
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  private static Throwable failureOf(Future<?> f) {
    try {
      Await.of(f);
    } catch (RuntimeException e) {
      return unwrap(e);
    }
    throw new AssertionError("expected a failure, got success");
  }

  @Test
  @DisplayName("appends get gap-free sequence numbers from 1, in order, per conference")
  void gapFreeSequences() {
    List<StoredEvent> first = await(store.append("c1", 0, events(3, "a")));
    List<StoredEvent> second = await(store.append("c1", 3, events(2, "b")));
    List<StoredEvent> other = await(store.append("c2", 0, events(1, "x")));

    assertThat(first).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L);
    assertThat(second).extracting(StoredEvent::seq).containsExactly(4L, 5L);
    assertThat(other).extracting(StoredEvent::seq).containsExactly(1L);
    assertThat(await(store.read("c1", 0, 100))).extracting(StoredEvent::type)
        .containsExactly("a0", "a1", "a2", "b0", "b1");
    assertThat(await(store.latestSeq("c1"))).isEqualTo(5L);
    assertThat(await(store.latestSeq("c2"))).isEqualTo(1L);
    assertThat(await(store.latestSeq("none"))).isEqualTo(0L);
  }

  @Test
  @DisplayName("every stored field comes back as written: type, payload, actor, command id, timestamp")
  void fieldsRoundTrip() {
    Instant at = Instant.parse("2026-11-27T08:15:30.654321Z");
    NewEvent e = new NewEvent("VoteOpened", "{\"voteId\":\"v-1\"}", "p-42", "cmd-77", at);
    await(store.append("c1", 0, List.of(e)));
    StoredEvent s = await(store.read("c1", 0, 10)).get(0);
    assertThat(s).isEqualTo(new StoredEvent("c1", 1, "VoteOpened", "{\"voteId\":\"v-1\"}", "p-42", "cmd-77", at));
  }

  @Test
  @DisplayName("timestamps are kept to the microsecond, and the append returns exactly what was stored")
  void timestampsToMicros() {
    Instant at = Instant.parse("2026-11-27T08:15:30.123456789Z");
    NewEvent e = new NewEvent("T", "{}", "a", null, at);
    StoredEvent returned = await(store.append("c1", 0, List.of(e))).get(0);
    StoredEvent read = await(store.read("c1", 0, 1)).get(0);
    assertThat(returned.at()).isEqualTo(at.truncatedTo(ChronoUnit.MICROS));
    assertThat(read).isEqualTo(returned);
    assertThat(read.commandId()).isNull();
  }

  @Test
  @DisplayName("an append with a stale expected sequence is a typed conflict and writes nothing")
  void staleExpectedIsConflict() {
    await(store.append("c1", 0, events(2, "a")));
    Throwable t = failureOf(store.append("c1", 1, events(1, "late")));
    assertThat(t).isInstanceOf(AppendConflict.class);
    assertThat(((AppendConflict) t).actual()).isEqualTo(2L);
    assertThat(((AppendConflict) t).expected()).isEqualTo(1L);
    assertThat(await(store.read("c1", 0, 100))).extracting(StoredEvent::type).containsExactly("a0", "a1");
  }

  @Test
  @DisplayName("an append that expects a sequence beyond the log is a conflict, never a gap")
  void futureExpectedIsConflict() {
    await(store.append("c1", 0, events(1, "a")));
    assertThat(failureOf(store.append("c1", 5, events(1, "gap")))).isInstanceOf(AppendConflict.class);
    assertThat(failureOf(store.append("fresh", 3, events(1, "gap")))).isInstanceOf(AppendConflict.class);
    assertThat(await(store.latestSeq("c1"))).isEqualTo(1L);
    assertThat(await(store.latestSeq("fresh"))).isEqualTo(0L);
    assertThat(await(store.read("fresh", 0, 10))).isEmpty();
  }

  @Test
  @DisplayName("a second append on a new conference with expected 0 conflicts")
  void doubleCreateConflicts() {
    await(store.append("c1", 0, events(1, "a")));
    assertThat(failureOf(store.append("c1", 0, events(1, "b")))).isInstanceOf(AppendConflict.class);
  }

  @Test
  @DisplayName("empty and oversized batches are refused")
  void badBatches() {
    assertThat(failureOf(store.append("c1", 0, List.of()))).isInstanceOf(IllegalArgumentException.class);
    assertThat(failureOf(store.append("c1", 0, events(EventStore.MAX_BATCH + 1, "x"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(await(store.latestSeq("c1"))).isZero();
  }

  @Test
  @DisplayName("concurrent appenders on one conference: every event lands once, sequences stay gap-free")
  void concurrentAppendersOneConference() throws Exception {
    int appenders = 8;
    int perAppender = 25;
    AtomicInteger conflicts = new AtomicInteger();
    ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(appenders);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int a = 0; a < appenders; a++) {
        int id = a;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perAppender; i++) {
            String type = "w" + id + "-" + i;
            while (true) {
              long last = await(store.latestSeq("c1"));
              try {
                await(store.append("c1", last, List.of(event(type, "{}"))));
                written.add(type);
                break;
              } catch (RuntimeException e) {
                assertThat(unwrap(e)).isInstanceOf(AppendConflict.class);
                conflicts.incrementAndGet();
              }
            }
          }
        }));
      }
      for (var f : done) f.get(120, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    List<StoredEvent> all = await(store.read("c1", 0, 10_000));
    assertThat(all).hasSize(appenders * perAppender);
    assertThat(all).extracting(StoredEvent::seq)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, appenders * perAppender).mapToObj(i -> (long) i).toList());
    assertThat(all).extracting(StoredEvent::type).containsExactlyInAnyOrderElementsOf(written);
    assertThat(conflicts.get()).as("racing appenders must have met conflicts").isPositive();
  }

  @Test
  @DisplayName("appends racing with the same expected sequence: exactly one wins")
  void racingSameExpected() {
    await(store.append("c1", 0, events(1, "a")));
    List<Future<List<StoredEvent>>> racers = new ArrayList<>();
    for (int i = 0; i < 10; i++) racers.add(store.append("c1", 1, List.of(event("r" + i, "{}"))));
    int won = 0;
    for (Future<List<StoredEvent>> f : racers) {
      try {
        await(f);
        won++;
      } catch (RuntimeException e) {
        assertThat(unwrap(e)).isInstanceOf(AppendConflict.class);
      }
    }
    assertThat(won).isEqualTo(1);
    assertThat(await(store.latestSeq("c1"))).isEqualTo(2L);
  }

  @Test
  @DisplayName("many conferences appended concurrently all commit")
  void concurrentConferences() {
    List<Future<List<StoredEvent>>> all = new ArrayList<>();
    for (int c = 0; c < 50; c++) all.add(store.append("conf-" + c, 0, events(3, "e")));
    for (Future<List<StoredEvent>> f : all) assertThat(await(f)).hasSize(3);
    List<String> ids = await(store.conferences());
    assertThat(ids).hasSize(50).isSorted();
  }

  @Test
  @DisplayName("read from a sequence returns exactly the later events, in order, up to the limit")
  void readFrom() {
    await(store.append("c1", 0, events(10, "e")));
    assertThat(await(store.read("c1", 4, 100))).extracting(StoredEvent::seq).containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(await(store.read("c1", 4, 2))).extracting(StoredEvent::seq).containsExactly(5L, 6L);
    assertThat(await(store.read("c1", 10, 100))).isEmpty();
    assertThat(await(store.read("other", 0, 100))).isEmpty();
  }

  @Test
  @DisplayName("after close and reopen the same events are there and appending continues")
  void restart() {
    await(store.append("c1", 0, events(5, "e")));
    List<StoredEvent> before = await(store.read("c1", 0, 100));
    await(store.close());
    store = reopen();
    assertThat(await(store.read("c1", 0, 100))).isEqualTo(before);
    assertThat(await(store.latestSeq("c1"))).isEqualTo(5L);
    assertThat(await(store.append("c1", 5, events(1, "after"))).get(0).seq()).isEqualTo(6L);
  }

  @Test
  @DisplayName("a large payload (1 MB) is stored and read back intact")
  void largePayload() {
    String big = "{\"text\":\"" + "Điều 5. Nhiệm vụ, quyền hạn ".repeat(40_000) + "\"}";
    assertThat(big.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1_000_000);
    await(store.append("c1", 0, List.of(event("Big", big))));
    assertThat(await(store.read("c1", 0, 1)).get(0).payload()).isEqualTo(big);
  }

  @Test
  @DisplayName("Vietnamese text round-trips byte for byte, in NFC and NFD, with escapes and spacing kept")
  void vietnameseRoundTrip() {
    String nfc = "Hội nghị trực tuyến góp ý dự thảo Quy chế làm việc mẫu — Đồng Tháp, Thừa Thiên Huế, Đắk Lắk";
    String nfd = java.text.Normalizer.normalize(nfc, java.text.Normalizer.Form.NFD);
    assertThat(nfd).isNotEqualTo(nfc);
    String payload = "{ \"nfc\" : \"" + nfc + "\",\n  \"nfd\": \"" + nfd + "\", \"esc\": \"\\u0110i\\u1ec1u 1\", \"emoji\": \"👍\" }";
    await(store.append("c1", 0, List.of(new NewEvent("Text", payload, "đại-biểu-1", "lệnh-1", Instant.EPOCH))));
    StoredEvent read = await(store.read("c1", 0, 1)).get(0);
    assertThat(read.payload().getBytes(StandardCharsets.UTF_8)).isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
    assertThat(read.actor()).isEqualTo("đại-biểu-1");
    assertThat(read.commandId()).isEqualTo("lệnh-1");
  }

  @Test
  @DisplayName("the latest snapshot replaces earlier ones")
  void snapshots() {
    assertThat(await(store.latestSnapshot("c1"))).isEmpty();
    Instant at = Instant.parse("2026-11-27T08:00:00Z");
    await(store.saveSnapshot(new Snapshot("c1", 10, "{\"v\":10}", at)));
    await(store.saveSnapshot(new Snapshot("c1", 20, "{\"v\":20}", at)));
    assertThat(await(store.latestSnapshot("c1"))).contains(new Snapshot("c1", 20, "{\"v\":20}", at));
    assertThat(await(store.latestSnapshot("c2"))).isEmpty();
  }

  @Test
  @DisplayName("the store answers a readiness ping")
  void ping() {
    await(store.ping());
    assertThat(store.describe()).isNotBlank();
  }

  @Test
  @DisplayName("appends in flight when close is called are committed before close completes")
  void closeFlushesPending() {
    List<Future<List<StoredEvent>>> pending = new ArrayList<>();
    for (int i = 0; i < 20; i++) pending.add(store.append("c" + i, 0, events(2, "e")));
    await(store.close());
    // Each append's answer may reach its future just after close completes (delivered on the store's context): wait
    // for every answer, then hold the store to each success.
    long deadline = System.currentTimeMillis() + 5_000;
    while (pending.stream().anyMatch(f -> !f.isComplete()) && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    assertThat(pending).as("every append in flight answered").allMatch(Future::isComplete);
    List<Long> acked = Collections.synchronizedList(new ArrayList<>());
    for (var f : pending) {
      if (f.succeeded()) acked.add(f.result().get(1).seq());
    }
    store = reopen();
    // Every acknowledged append must be durable; none may be half written.
    for (int i = 0; i < 20; i++) {
      long n = await(store.latestSeq("c" + i));
      assertThat(n).isIn(0L, 2L);
      if (pending.get(i).succeeded()) assertThat(n).isEqualTo(2L);
    }
    assertThat(acked).isNotEmpty();
  }
}
