package vn.hoinghi.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * What a reliability or security test injected and survived, written where docs/reliability.md takes its figures
 * from: one JSON file per test under {@code server/target/reliability/}, and one {@code FIGURES} line in the test
 * output so a CI log shows them too.
 */
public final class Figures {
  public static final Path DIR = Path.of("target", "reliability");

  private Figures() {}

  /** Records {@code figures} (counts, durations in ms, booleans) under {@code name}; the last call wins. */
  public static void record(String name, Map<String, ?> figures) {
    JsonObject json = new JsonObject().put("test", name).put("at", Instant.now().toString());
    figures.forEach(json::put);
    try {
      Files.createDirectories(DIR);
      Files.writeString(DIR.resolve(name + ".json"), json.encodePrettily(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("FIGURES " + json.encode());
  }
}
