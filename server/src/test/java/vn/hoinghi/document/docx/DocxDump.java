package vn.hoinghi.document.docx;

import java.nio.file.Files;
import java.nio.file.Path;
import vn.hoinghi.domain.document.DraftImporter;

/** Prints what a .docx becomes, for looking at a real file: DocxDump file.docx. */
public final class DocxDump {
  public static void main(String[] args) throws Exception {
    DocxText t = DocxDraft.read(Files.readAllBytes(Path.of(args[0])));
    String[] lines = t.text().split("\n", -1);
    for (int i = 0; i < lines.length; i++) System.out.println((i + 1) + ": " + lines[i]);
    t.notices().forEach(n -> System.out.println("NOTICE " + n.describe()));
    DraftImporter.parse(t.text()).problems().forEach(p -> System.out.println("PROBLEM " + p.describe()));
  }
}
