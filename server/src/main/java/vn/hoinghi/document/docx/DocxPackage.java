package vn.hoinghi.document.docx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks that bytes are a Word package before POI inflates them: the zip signature, a word/document.xml, and
 * bounds on what the zip expands to, so a small upload cannot become gigabytes in memory (a zip bomb).
 */
final class DocxPackage {
  /** Most entries a Word file has in practice is a few dozen; pictures add one each. */
  static final int MAX_ENTRIES = 1_000;
  /** What all entries may expand to together; a 2 MB draft is about 20 MB of Word XML. */
  static final long MAX_EXPANDED_BYTES = 100L * 1024 * 1024;
  /** Largest expansion ratio of one entry above 1 MiB; Word XML compresses about 10–30 times, bombs by thousands. */
  static final int MAX_RATIO = 100;

  private DocxPackage() {}

  static void check(byte[] bytes) throws DocxRefused {
    if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11) {
      throw new DocxRefused("Đây là tệp .doc (Word 97–2003); hãy mở bằng Word và lưu lại dưới dạng .docx",
          "This is a .doc file (Word 97–2003); open it in Word and save it as .docx");
    }
    if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
      throw notDocx();
    }
    boolean document = false;
    long total = 0;
    int entries = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (++entries > MAX_ENTRIES) throw bomb("more than " + MAX_ENTRIES + " entries");
        document |= e.getName().equals("word/document.xml");
        long size = 0;
        for (int n; (n = zip.read(buffer)) > 0; ) {
          size += n;
          total += n;
          if (total > MAX_EXPANDED_BYTES) throw bomb("it expands to more than " + MAX_EXPANDED_BYTES / (1024 * 1024) + " MiB");
        }
        long packed = e.getCompressedSize();
        if (size > 1024 * 1024 && packed > 0 && size / packed > MAX_RATIO) {
          throw bomb(e.getName() + " expands " + size / packed + " times");
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw notDocx();
    }
    if (!document) {
      throw new DocxRefused("Tệp nén này không phải văn bản Word (thiếu word/document.xml)",
          "This zip file is not a Word document (it has no word/document.xml)");
    }
  }

  private static DocxRefused notDocx() {
    return new DocxRefused("Tệp không phải văn bản Word .docx đọc được", "The file is not a readable Word .docx document");
  }

  private static DocxRefused bomb(String why) {
    return new DocxRefused("Tệp .docx bị từ chối vì giải nén ra quá lớn (có thể là zip bomb)",
        "The .docx was refused because it expands too much (a possible zip bomb): " + why);
  }
}
