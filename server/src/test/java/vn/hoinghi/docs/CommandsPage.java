package vn.hoinghi.docs;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.Permissions;
import vn.hoinghi.domain.Role;
import vn.hoinghi.wire.TypeNames;

/**
 * Writes docs/commands.md: one entry per command, from the code itself — its stored name ({@link TypeNames}), its
 * fields (the record's components), who may send it ({@link Permissions}) and what it does (the record's Javadoc in
 * Command.java). {@code CommandsPageTest} fails when the page and the code disagree; {@link #main} rewrites it.
 */
public final class CommandsPage {

  static final Path SOURCE = Path.of("src/main/java/vn/hoinghi/domain/Command.java");
  static final Path PAGE = Path.of("../docs/commands.md");

  private static final Pattern SECTION = Pattern.compile("^\\s*// --- (.+?) -+\\s*$");
  private static final Pattern RECORD = Pattern.compile("^\\s*record (\\w+)\\(");

  private CommandsPage() {}

  record Doc(String section, String text) {}

  public static void main(String[] args) throws IOException {
    Files.writeString(PAGE, render(), StandardCharsets.UTF_8);
  }

  static String render() throws IOException {
    Map<String, Doc> docs = parse(Files.readAllLines(SOURCE, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    out.append("# Commands\n\n");
    out.append("Generated from the code by `vn.hoinghi.docs.CommandsPage` (test scope) — do not edit by hand; "
        + "`CommandsPageTest` fails when this page and the code disagree. A command's `type` is the name in its "
        + "heading; how it is sent (a WebSocket `command` message, `POST /api/conferences/{id}/commands`, or the REST "
        + "route that carries it — `JoinWithInvite` only through `POST /api/join`) is in [protocol.md](protocol.md) and "
        + "[api.md](api.md). "
        + "Who may send it is the rule of [roles.md](roles.md): *any* — for any endpoint; *own* — only for the "
        + "participant's own endpoint. A refusal is a typed rejection (`INVALID`, `FORBIDDEN`, `NOT_FOUND`, "
        + "`WRONG_STATE`, `CONFLICT`, `LIMIT`) and changes nothing.\n");
    String section = null;
    for (Map.Entry<Class<? extends Command>, Permissions.Rule> e : ordered(docs)) {
      Class<? extends Command> type = e.getKey();
      Doc d = docs.get(type.getSimpleName());
      String s = d == null ? "Other" : d.section();
      if (!s.equals(section)) {
        out.append("\n## ").append(s).append("\n");
        section = s;
      }
      out.append("\n### `").append(TypeNames.of(type)).append("`\n\n");
      if (d != null && !d.text().isEmpty()) out.append(d.text()).append("\n\n");
      out.append("- Fields: ").append(fields(type)).append("\n");
      out.append("- Who: ").append(who(e.getValue())).append("\n");
    }
    return out.toString();
  }

  /** The commands in the order of Command.java (the order of its sections). */
  private static List<Map.Entry<Class<? extends Command>, Permissions.Rule>> ordered(Map<String, Doc> docs) {
    List<String> order = new ArrayList<>(docs.keySet());
    List<Map.Entry<Class<? extends Command>, Permissions.Rule>> all = new ArrayList<>(Permissions.table().entrySet());
    all.sort((a, b) -> Integer.compare(index(order, a.getKey()), index(order, b.getKey())));
    return all;
  }

  private static int index(List<String> order, Class<?> c) {
    int i = order.indexOf(c.getSimpleName());
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  static Map<String, Doc> parse(List<String> lines) {
    Map<String, Doc> out = new LinkedHashMap<>();
    String section = "Other";
    StringBuilder javadoc = null;
    String last = null;
    for (String line : lines) {
      String t = line.trim();
      Matcher m;
      if ((m = SECTION.matcher(line)).matches()) {
        section = m.group(1).trim();
        last = null;
      } else if (t.startsWith("/**")) {
        javadoc = new StringBuilder();
        String rest = t.substring(3);
        if (rest.endsWith("*/")) {
          javadoc.append(rest, 0, rest.length() - 2);
          last = javadoc.toString().trim();
          javadoc = null;
        } else {
          javadoc.append(rest);
        }
      } else if (javadoc != null) {
        if (t.endsWith("*/")) {
          javadoc.append(' ').append(strip(t.substring(0, t.length() - 2)));
          last = javadoc.toString().trim();
          javadoc = null;
        } else {
          javadoc.append(' ').append(strip(t));
        }
      } else if ((m = RECORD.matcher(line)).find() && line.startsWith("  record")) {
        out.put(m.group(1), new Doc(section, last == null ? "" : plain(last)));
        last = null;
      } else if (!t.isEmpty() && !t.startsWith("@")) {
        if (!line.startsWith("  ")) last = null;
      }
    }
    return out;
  }

  private static String strip(String t) {
    return t.startsWith("*") ? t.substring(1).trim() : t;
  }

  /** Javadoc to Markdown: {@code x} and {@link X} as code, paragraphs joined. */
  private static String plain(String s) {
    return s.replaceAll("\\{@(?:code|link|linkplain) ([^}]*)}", "`$1`").replace("<p>", "\n\n").replaceAll(" {2,}", " ")
        .replaceAll("\n\n ", "\n\n").trim();
  }

  private static String fields(Class<?> type) {
    RecordComponent[] rc = type.getRecordComponents();
    if (rc.length == 0) return "none";
    List<String> out = new ArrayList<>();
    for (RecordComponent c : rc) out.add("`" + c.getName() + "` " + typeName(c.getGenericType()));
    return String.join(", ", out);
  }

  private static String typeName(Type t) {
    if (t instanceof ParameterizedType p) {
      String raw = ((Class<?>) p.getRawType()).getSimpleName();
      List<String> args = new ArrayList<>();
      for (Type a : p.getActualTypeArguments()) args.add(typeName(a));
      return raw + "&lt;" + String.join(", ", args) + "&gt;";
    }
    if (t instanceof Class<?> c) {
      if (c.isEnum()) {
        return c.getSimpleName() + " (" + java.util.Arrays.stream(c.getEnumConstants()).map(Object::toString)
            .collect(Collectors.joining(", ")) + ")";
      }
      return c.getSimpleName();
    }
    return t.getTypeName();
  }

  private static String who(Permissions.Rule r) {
    List<String> out = new ArrayList<>();
    if (r.organizer()) out.add("organizer");
    if (!r.anyEndpoint().isEmpty()) out.add("any: " + roles(r.anyEndpoint()));
    if (!r.ownEndpoint().isEmpty()) out.add("own: " + roles(r.ownEndpoint()));
    if (r.anonymous()) out.add("anonymous (with an invite)");
    if (r.system()) out.add("the server itself");
    String s = out.isEmpty() ? "nobody" : String.join("; ", out);
    if (r.condition() != null && !r.condition().isEmpty()) s += " — " + r.condition();
    return s;
  }

  private static String roles(Set<Role> roles) {
    return roles.stream().map(Enum::name).collect(Collectors.joining(", "));
  }
}
