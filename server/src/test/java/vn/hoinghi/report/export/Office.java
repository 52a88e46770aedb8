package vn.hoinghi.report.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * LibreOffice headless, to render a DOCX as Word users would see it (Debian's libreoffice-writer-nogui, installed by
 * .ci/run). CI sets REQUIRE_OFFICE=1: a missing soffice then fails the tests that need it instead of skipping that
 * check.
 */
final class Office {

  static final Path SOFFICE = Path.of("/usr/bin/soffice");

  private Office() {}

  static boolean required() {
    return "1".equals(System.getenv("REQUIRE_OFFICE"));
  }

  static boolean available() {
    if (Files.isExecutable(SOFFICE)) return true;
    if (required()) throw new AssertionError("REQUIRE_OFFICE=1 but " + SOFFICE + " is missing (libreoffice-writer-nogui)");
    return false;
  }

  /** Converts {@code docx} to PDF in a directory of its own, with a profile of its own (runs may overlap). */
  static Path toPdf(byte[] docx, String name) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("soffice-");
    Path in = dir.resolve(name + ".docx");
    Files.write(in, docx);
    Process p = new ProcessBuilder(SOFFICE.toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(),
        "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir.toString(), in.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("soffice did not finish in 180 s");
    }
    Path pdf = dir.resolve(name + ".pdf");
    if (!Files.exists(pdf)) {
      throw new AssertionError("soffice wrote no PDF: " + Files.readString(dir.resolve("soffice.log")));
    }
    return pdf;
  }
}
