package vn.hoinghi.live;

import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import vn.hoinghi.domain.ConferenceView;
import vn.hoinghi.wire.Codec;
import vn.hoinghi.wire.ServerMessage;

/**
 * Encodes resume snapshots. A snapshot names the draft version (its number and {@code documentEtag}) and carries its
 * outline, never its text: clients fetch the text once per version over HTTP (docs/protocol.md, "The draft text").
 * The outline is the same for every viewer of a version: it is encoded once per version and spliced into each
 * viewer's snapshot, so a storm of thousands of (re)connecting clients does not encode it thousands of times. One per
 * conference writer.
 */
final class SnapshotEncoder {
  private String cachedEtag;
  private String cachedOutline;

  Buffer encode(long upTo, Instant serverTime, ConferenceView view) {
    ConferenceView.DraftView draft = view.draft();
    if (draft == null) return Frames.snapshot(upTo, serverTime, view);
    if (draft.outline() == null) return Frames.snapshot(upTo, serverTime, withDraft(view, draft, null));
    if (!draft.documentEtag().equals(cachedEtag)) {
      cachedOutline = Codec.encode(draft.outline());
      cachedEtag = draft.documentEtag();
    }
    String json = Codec.encode(new ServerMessage.SnapshotMessage(upTo, serverTime, withDraft(view, draft, null)));
    // The draft object was written without its document and outline (null fields are omitted); put the cached outline
    // in front. The envelope's own fields (type, upTo, serverTime) come before the state and hold no "draft" key.
    int at = json.indexOf("\"draft\":{");
    if (at < 0) return Frames.snapshot(upTo, serverTime, withDraft(view, draft, draft.outline()));
    int insert = at + "\"draft\":{".length();
    return Frames.buffer(json.substring(0, insert) + "\"outline\":" + cachedOutline + "," + json.substring(insert));
  }

  /** The view as the live feed sends it: the draft without its document, with the given outline. */
  static ConferenceView withDraft(ConferenceView view, ConferenceView.DraftView draft,
      java.util.List<vn.hoinghi.domain.document.DraftOutline.OutlineNode> outline) {
    return new ConferenceView(view.conferenceId(), view.asOfSeq(), view.at(), view.info(), view.me(),
        view.moderator(), view.endpoints(), view.participants(), view.invites(), view.agenda(),
        new ConferenceView.DraftView(draft.version(), draft.versions(), null, draft.note(), draft.importedAt(),
            draft.documentEtag(), outline),
        view.votes(), view.speakerQueue(), view.annotations(), view.joinRequests(), view.delegates(),
        view.markedPresent(), view.reportHeading());
  }
}
