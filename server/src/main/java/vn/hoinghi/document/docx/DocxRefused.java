package vn.hoinghi.document.docx;

/** A file that cannot be read as a Word draft, with what to tell the secretary in Vietnamese and English. */
public final class DocxRefused extends Exception {
  private final String messageVi;

  public DocxRefused(String messageVi, String messageEn) {
    super(messageEn, null, false, false);
    this.messageVi = messageVi;
  }

  public String messageVi() {
    return messageVi;
  }

  public String messageEn() {
    return getMessage();
  }
}
