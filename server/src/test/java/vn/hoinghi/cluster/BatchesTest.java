package vn.hoinghi.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Rows written in batches: one statement in flight per key")
class BatchesTest {
  private record Write(String key, List<Integer> rows, Promise<Void> done) {}

  private final List<Write> writes = new ArrayList<>();
  private final Batches<Integer> batches = new Batches<>((key, rows) -> {
    Promise<Void> p = Promise.promise();
    writes.add(new Write(key, List.copyOf(rows), p));
    return p.future();
  });

  @Test
  @DisplayName("a lone row is written at once")
  void loneRow() {
    batches.add("c1", 7);
    assertThat(writes).hasSize(1);
    assertThat(writes.get(0).rows()).containsExactly(7);
  }

  @Test
  @DisplayName("rows arriving while a statement is in flight wait and go together, in order, at most 500 each")
  void burst() {
    for (int i = 0; i < 1_201; i++) batches.add("c1", i);
    assertThat(writes).hasSize(1); // the first row went alone; 1,200 wait
    assertThat(batches.waiting()).isEqualTo(1_200);
    writes.get(0).done().complete();
    assertThat(writes).hasSize(2);
    assertThat(writes.get(1).rows()).hasSize(Batches.MAX).startsWith(1, 2, 3);
    writes.get(1).done().fail("database gone"); // a failed statement does not stop the rows behind it
    writes.get(2).done().complete();
    assertThat(writes).hasSize(4);
    writes.get(3).done().complete();
    List<Integer> all = new ArrayList<>();
    writes.forEach(w -> all.addAll(w.rows()));
    assertThat(all).hasSize(1_201);
    for (int i = 0; i < all.size(); i++) assertThat(all.get(i)).isEqualTo(i);
    assertThat(batches.waiting()).isZero();
    batches.add("c1", 9_999); // idle again: written at once
    assertThat(writes).hasSize(5);
  }

  @Test
  @DisplayName("keys are independent: one busy conference does not hold another's rows")
  void keysApart() {
    batches.add("c1", 1);
    batches.add("c1", 2);
    batches.add("c2", 3);
    assertThat(writes).extracting(Write::key).containsExactly("c1", "c2");
  }

  @Test
  @DisplayName("a writer that throws counts as a failed statement; the next rows are still written")
  void throwingWriter() {
    List<List<Integer>> seen = new ArrayList<>();
    Batches<Integer> b = new Batches<>((key, rows) -> {
      seen.add(List.copyOf(rows));
      if (rows.contains(1)) throw new IllegalStateException("boom");
      return Future.succeededFuture();
    });
    b.add("k", 1);
    b.add("k", 2);
    assertThat(seen).containsExactly(List.of(1), List.of(2));
  }
}
