package vn.hoinghi.domain.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import vn.hoinghi.domain.Nullable;

/**
 * What the live feed says of a draft version instead of its text: the headings (parts, chapters, sections and
 * articles with their ids, numbers and titles, no clause, point or body text) so a ballot can name "Điều 5. …"
 * before the text arrives, and the version's entity tag, with which a client fetches and caches the text once
 * ({@code GET /api/conferences/{id}/drafts/{version}?format=json}, docs/api.md).
 */
public final class DraftOutline {

  /** One heading; {@code children} is null when it has no heading under it (articles never do). */
  public record OutlineNode(String id, NodeKind kind, String number, String title,
      @Nullable List<OutlineNode> children) {}

  private DraftOutline() {}

  public static List<OutlineNode> of(DraftDocument doc) {
    return headings(doc.nodes());
  }

  private static List<OutlineNode> headings(List<DraftNode> level) {
    List<OutlineNode> out = new ArrayList<>();
    for (DraftNode n : level) {
      if (n.kind() == NodeKind.CLAUSE || n.kind() == NodeKind.POINT) continue;
      List<OutlineNode> under = n.kind() == NodeKind.ARTICLE ? List.of() : headings(n.children());
      out.add(new OutlineNode(n.id(), n.kind(), n.number(), n.title(), under.isEmpty() ? null : List.copyOf(under)));
    }
    return List.copyOf(out);
  }

  /**
   * A strong entity tag for one version's text, quoted as HTTP writes it: {@code "d<version>-<24 hex digits>"}, the
   * hex being the start of a SHA-256 over the conference id, the version number and every field of the document.
   * The same on every server of a cluster (it depends on nothing but the text), and different for another
   * conference's version with the same number.
   */
  public static String etag(String conferenceId, int version, DraftDocument doc) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder sb = new StringBuilder(4096);
    sb.append(conferenceId).append('\u0000').append(version).append('\u0000').append(doc.title()).append('\u0000')
        .append(doc.preamble()).append('\u0000');
    feed(md, sb);
    hash(md, sb, doc.nodes());
    feed(md, sb);
    return "\"d" + version + "-" + HexFormat.of().formatHex(md.digest(), 0, 12) + "\"";
  }

  private static void hash(MessageDigest md, StringBuilder sb, List<DraftNode> level) {
    sb.append('[');
    for (DraftNode n : level) {
      sb.append(n.id()).append('\u0000').append(n.kind()).append('\u0000').append(n.number()).append('\u0000')
          .append(n.title()).append('\u0000').append(n.text()).append('\u0000');
      if (sb.length() > 64 * 1024) feed(md, sb);
      hash(md, sb, n.children());
    }
    sb.append(']');
  }

  private static void feed(MessageDigest md, StringBuilder sb) {
    md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
    sb.setLength(0);
  }
}
