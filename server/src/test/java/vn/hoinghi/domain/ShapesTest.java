package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Commands and events as plain data")
class ShapesTest {

  private static final Set<Type> SCALARS = Set.of(String.class, boolean.class, int.class, long.class, Boolean.class,
      Integer.class, Long.class, Instant.class);

  /** What a reflection-based JSON mapping can carry without help; returns the offending paths. */
  private static void check(Type t, String path, List<String> problems, Set<Class<?>> seen) {
    if (t instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      if (raw == List.class || raw == Set.class) {
        check(p.getActualTypeArguments()[0], path + "[]", problems, seen);
      } else if (raw == Map.class) {
        if (p.getActualTypeArguments()[0] != String.class) {
          problems.add(path + ": map keys must be strings");
        }
        check(p.getActualTypeArguments()[1], path + "{}", problems, seen);
      } else {
        problems.add(path + ": " + raw.getSimpleName());
      }
      return;
    }
    Class<?> c = (Class<?>) t;
    if (SCALARS.contains(c) || c.isEnum()) {
      return;
    }
    if (c.isRecord()) {
      if (seen.add(c)) {
        for (RecordComponent rc : c.getRecordComponents()) {
          check(rc.getGenericType(), path + "." + rc.getName(), problems, seen);
        }
      }
      return;
    }
    problems.add(path + ": " + c.getSimpleName() + " is not plain data");
  }

  private static List<String> problems(List<Class<?>> records) {
    List<String> problems = new ArrayList<>();
    for (Class<?> sub : records) {
      assertThat(sub.isRecord()).as(sub.getSimpleName()).isTrue();
      check(sub, sub.getSimpleName(), problems, new HashSet<>());
    }
    return problems;
  }

  @Test
  @DisplayName("every command is a record of strings, numbers, instants, enums, records and collections of those")
  void commands() {
    assertThat(problems(List.of(Command.class.getPermittedSubclasses()))).isEmpty();
  }

  @Test
  @DisplayName("every event is a record of the same plain data")
  void events() {
    assertThat(problems(Event.records())).isEmpty();
  }

  @Test
  @DisplayName("record names, which become the JSON type, are unique across commands and events")
  void uniqueNames() {
    List<String> names = new ArrayList<>();
    for (Class<?> c : Command.class.getPermittedSubclasses()) {
      names.add(c.getSimpleName());
    }
    for (Class<?> c : Event.records()) {
      names.add(c.getSimpleName());
    }
    assertThat(names).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("every command has a handler and a permission rule; every event a fold and an audience")
  void tablesComplete() {
    Conference.empty("x", FixedSecretSealer.INSTANCE);
    for (Class<?> c : Command.class.getPermittedSubclasses()) {
      @SuppressWarnings("unchecked")
      Class<? extends Command> cc = (Class<? extends Command>) c;
      assertThat(Permissions.rule(cc)).isNotNull();
    }
  }

  @Test
  @DisplayName("the dispatch table refuses to build when a case is missing")
  void dispatchChecksCompleteness() {
    Dispatch<Audience, Void, Void> incomplete = Dispatch.over(Audience.class);
    incomplete.fold(Audience.Everyone.class, a -> { });
    org.assertj.core.api.Assertions.assertThatThrownBy(incomplete::complete)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Moderators");
  }

  @Test
  @DisplayName("the domain core uses nothing but the JDK")
  void pureJdk() throws Exception {
    java.nio.file.Path root = java.nio.file.Path.of("src/main/java/vn/hoinghi/domain");
    try (var files = java.nio.file.Files.walk(root)) {
      List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
        try {
          return java.nio.file.Files.readAllLines(p).stream()
              .filter(l -> l.startsWith("import ") && !l.startsWith("import java.")
                  && !l.startsWith("import static java.") && !l.contains("vn.hoinghi.domain"))
              .map(l -> p.getFileName() + ": " + l);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
      assertThat(offenders).isEmpty();
    }
  }
}
