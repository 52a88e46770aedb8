package vn.hoinghi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md is a contract: it names every package of the server as {@code `vn.hoinghi.x`}, and every name
 * it writes in backticks that looks like a Java type ({@code `Name`}, {@code `Name.Inner`}, optionally after a
 * package as {@code `x/Name`}, {@code `x.Name`} or {@code `vn.hoinghi.x.Name`}, optionally ending in {@code .java})
 * is a type of the server's main or test sources (top-level or nested), in that package when one is written. Names
 * of the JDK ({@code `java.time.Clock`}) and library annotations ({@code `@JsonTypeName`}) are not checked. In the
 * diagram (a fenced block, without backticks) every CamelCase word with two humps or more is a class, except the names
 * of the products it draws ({@link #PRODUCTS}).
 */
@DisplayName("docs/architecture.md names the packages and classes that exist")
class ArchitectureDocTest {
  static final Path DOC = Path.of("..", "docs", "architecture.md");
  static final List<Path> SOURCE_ROOTS = List.of(Path.of("src", "main", "java"), Path.of("src", "test", "java"));
  static final Path MAIN_PACKAGES = Path.of("src", "main", "java", "vn", "hoinghi");

  static final Pattern CODE = Pattern.compile("`([^`]+)`");
  static final Pattern PACKAGE = Pattern.compile("vn\\.hoinghi\\.([a-z]+(?:\\.[a-z]+)*)");
  static final Pattern TYPE = Pattern.compile(
      "@?(?:(?:vn\\.hoinghi\\.)?([a-z]+(?:[./][a-z]+)*)[./])?([A-Z][a-z]\\w*)(?:\\.([A-Z][a-z]\\w*))?(?:\\.java)?");

  static final Pattern DRAWN = Pattern.compile("\\b[A-Z][a-z]+[A-Z]\\w*\\b");
  static final Set<String> PRODUCTS = Set.of("WebSocket", "PostgreSQL", "SQLite");

  static List<String> doc;
  /** Simple name of every type, top-level or nested → the package paths (below vn/hoinghi, with '/') that hold one. */
  static Map<String, Set<String>> types;
  /** A declaration on a line of code, not of a comment. */
  static final Pattern DECLARATION = Pattern.compile(
      "^(?!\\s*(?:\\*|//))[^\\n]*?\\b(?:class|interface|record|enum)\\s+([A-Z]\\w*)", Pattern.MULTILINE);
  /** Source of every top-level type, keyed "package/Name". */
  static Map<String, String> sources;

  @BeforeAll
  static void read() throws IOException {
    doc = Files.readAllLines(DOC, StandardCharsets.UTF_8);
    types = new HashMap<>();
    sources = new HashMap<>();
    for (Path root : SOURCE_ROOTS) {
      Path base = root.resolve("vn").resolve("hoinghi");
      try (Stream<Path> files = Files.walk(base)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String name = file.getFileName().toString().replace(".java", "");
          Path parent = base.relativize(file.getParent());
          String pkg = parent.toString().replace('\\', '/');
          String source = Files.readString(file, StandardCharsets.UTF_8);
          types.computeIfAbsent(name, k -> new TreeSet<>()).add(pkg);
          Matcher declared = DECLARATION.matcher(source);
          while (declared.find()) {
            types.computeIfAbsent(declared.group(1), k -> new TreeSet<>()).add(pkg);
          }
          sources.put(pkg + "/" + name, source);
        }
      }
    }
  }

  /** Each backticked span outside fenced blocks, with its line number (1-based). */
  static List<Span> spans() {
    List<Span> spans = new ArrayList<>();
    boolean fenced = false;
    for (int i = 0; i < doc.size(); i++) {
      String line = doc.get(i);
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher m = CODE.matcher(line);
      while (m.find()) {
        spans.add(new Span(i + 1, m.group(1)));
      }
    }
    return spans;
  }

  record Span(int line, String text) {}

  @Test
  @DisplayName("every package under vn.hoinghi is named as `vn.hoinghi.x`, and every package named exists")
  void packages() throws IOException {
    Set<String> existing = new TreeSet<>();
    try (Stream<Path> dirs = Files.walk(MAIN_PACKAGES)) {
      dirs.filter(Files::isDirectory).filter(ArchitectureDocTest::holdsJava).map(MAIN_PACKAGES::relativize)
          .map(p -> p.toString().replace('\\', '/').replace('/', '.')).filter(p -> !p.isEmpty())
          .forEach(existing::add);
    }
    Set<String> named = new TreeSet<>();
    List<String> unknown = new ArrayList<>();
    for (Span span : spans()) {
      Matcher m = PACKAGE.matcher(span.text());
      if (m.matches()) {
        named.add(m.group(1));
        if (!existing.contains(m.group(1))) {
          unknown.add("line " + span.line() + ": `" + span.text() + "` is no package");
        }
      }
    }
    Set<String> missing = new TreeSet<>(existing);
    missing.removeAll(named);
    assertThat(missing).as("packages docs/architecture.md does not name as `vn.hoinghi.x`").isEmpty();
    assertThat(unknown).as("packages docs/architecture.md names that do not exist").isEmpty();
  }

  @Test
  @DisplayName("every class named in backticks exists, in the package written before it")
  void classes() {
    List<String> wrong = new ArrayList<>();
    for (Span span : spans()) {
      Matcher m = TYPE.matcher(span.text());
      boolean library = span.text().startsWith("@") && m.matches() && m.group(1) == null;
      if (!m.matches() || library || m.group(1) != null && m.group(1).startsWith("java")) {
        continue;
      }
      String pkg = m.group(1) == null ? null : m.group(1).replace('.', '/');
      String name = m.group(2);
      String inner = m.group(3);
      List<String> in = types.getOrDefault(name, Set.of()).stream()
          .filter(p -> pkg == null || p.equals(pkg) || p.endsWith("/" + pkg)).toList();
      String where = "line " + span.line() + ": `" + span.text() + "`: ";
      if (in.isEmpty()) {
        wrong.add(where + "no class " + name + (pkg == null ? "" : " in " + pkg)
            + (types.containsKey(name) ? " (it is in " + types.get(name) + ")" : ""));
      } else if (inner != null && in.stream().map(p -> sources.get(p + "/" + name))
          .noneMatch(source -> source != null && declares(source, inner))) {
        wrong.add(where + name + " declares no " + inner);
      }
    }
    assertThat(wrong).as("class names in docs/architecture.md that are not in the sources").isEmpty();
  }

  @Test
  @DisplayName("every class the diagram draws exists")
  void diagram() {
    List<String> wrong = new ArrayList<>();
    boolean fenced = false;
    for (int i = 0; i < doc.size(); i++) {
      String line = doc.get(i);
      if (line.startsWith("```")) {
        fenced = !fenced;
      } else if (fenced) {
        Matcher m = DRAWN.matcher(line);
        while (m.find()) {
          if (!PRODUCTS.contains(m.group()) && !types.containsKey(m.group())) {
            wrong.add("line " + (i + 1) + ": " + m.group() + " is no class");
          }
        }
      }
    }
    assertThat(wrong).as("classes the diagram of docs/architecture.md draws that are not in the sources").isEmpty();
  }

  static boolean declares(String source, String inner) {
    Matcher declared = DECLARATION.matcher(source);
    while (declared.find()) {
      if (declared.group(1).equals(inner)) {
        return true;
      }
    }
    return false;
  }

  static boolean holdsJava(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
