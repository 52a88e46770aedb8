package vn.hoinghi.domain;

import java.util.List;
import java.util.Objects;

/** A refused command: a code, a message in Vietnamese and in English, and details (e.g. the importer's problems). */
public record Rejection(RejectionCode code, String messageVi, String messageEn, List<String> details) {

  public Rejection {
    Objects.requireNonNull(code, "code");
    details = List.copyOf(details);
  }
}
