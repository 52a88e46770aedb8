package vn.hoinghi.domain;

import java.time.Instant;
import vn.hoinghi.domain.document.DraftDocument;

/** One imported version of the draft, numbered from 1, with its stable node ids already assigned. */
public record DraftVersion(int version, DraftDocument document, String note, String importedBy, Instant importedAt) {}
