package vn.hoinghi.domain.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the test drafts under src/test/resources/drafts. */
public final class Drafts {

  private Drafts() {}

  public static String read(String name) {
    try (InputStream in = Drafts.class.getClassLoader().getResourceAsStream("drafts/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test draft " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
