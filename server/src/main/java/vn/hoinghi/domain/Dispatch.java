package vn.hoinghi.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A switch over a sealed family. The project targets Java 17, where pattern-matching {@code switch} is only a
 * preview, so this table stands in for it: one case per record, and {@link #complete()} refuses to build unless every
 * permitted subtype has exactly one case, which is the exhaustiveness a sealed switch would give. When the project
 * moves to Java 21 each table becomes a plain {@code switch}.
 */
final class Dispatch<T, A, R> {

  private final Class<T> root;
  private final Map<Class<?>, BiFunction<Object, A, R>> cases = new HashMap<>();
  private final List<String> duplicates = new ArrayList<>();

  private Dispatch(Class<T> root) {
    this.root = root;
  }

  static <T, A, R> Dispatch<T, A, R> over(Class<T> root) {
    return new Dispatch<>(root);
  }

  <S extends T> Dispatch<T, A, R> on(Class<S> type, BiFunction<? super S, A, R> f) {
    if (cases.put(type, (o, a) -> f.apply(type.cast(o), a)) != null) {
      duplicates.add(type.getSimpleName());
    }
    return this;
  }

  /** A case that only uses the value. */
  <S extends T> Dispatch<T, A, R> map(Class<S> type, Function<? super S, R> f) {
    return on(type, (S s, A a) -> f.apply(s));
  }

  /** A case without a result (the table's R is Void). */
  <S extends T> Dispatch<T, A, R> handle(Class<S> type, BiConsumer<? super S, A> f) {
    return on(type, (S s, A a) -> {
      f.accept(s, a);
      return null;
    });
  }

  /** A case without a result that only uses the value. */
  <S extends T> Dispatch<T, A, R> fold(Class<S> type, Consumer<? super S> f) {
    return on(type, (S s, A a) -> {
      f.accept(s);
      return null;
    });
  }

  R apply(T value, A arg) {
    BiFunction<Object, A, R> f = cases.get(value.getClass());
    if (f == null) {
      throw new IllegalStateException("no case for " + value.getClass().getSimpleName());
    }
    return f.apply(value, arg);
  }

  R apply(T value) {
    return apply(value, null);
  }

  /** Fails unless every permitted record of the sealed root has exactly one case. */
  Dispatch<T, A, R> complete() {
    List<String> missing = new ArrayList<>();
    List<Class<?>> records = records(root);
    for (Class<?> sub : records) {
      if (!cases.containsKey(sub)) {
        missing.add(sub.getSimpleName());
      }
    }
    if (!missing.isEmpty() || !duplicates.isEmpty() || cases.size() != records.size()) {
      throw new IllegalStateException(root.getSimpleName() + " table incomplete: missing " + missing
          + ", duplicated " + duplicates);
    }
    return this;
  }

  /** The records of a sealed family, in declaration order, through any sealed sub-interfaces (groups). */
  static List<Class<?>> records(Class<?> sealed) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> sub : sealed.getPermittedSubclasses()) {
      if (sub.isSealed() && sub.isInterface()) {
        out.addAll(records(sub));
      } else {
        out.add(sub);
      }
    }
    return out;
  }
}
