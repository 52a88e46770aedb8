package vn.hoinghi.live;

import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import vn.hoinghi.domain.ConferenceView;
import vn.hoinghi.wire.Codec;

/**
 * Encodes resume snapshots. Most of a snapshot's bytes are the draft document, the same for every viewer of a
 * version: it is encoded once per version and spliced into each viewer's snapshot, so a storm of thousands of
 * (re)connecting clients does not encode the same draft thousands of times. One per conference writer.
 */
final class SnapshotEncoder {
  private int cachedVersion = -1;
  private String cachedDocument;

  Buffer encode(long upTo, Instant serverTime, ConferenceView view) {
    ConferenceView.DraftView draft = view.draft();
    if (draft == null || draft.document() == null) return Frames.snapshot(upTo, serverTime, view);
    if (draft.version() != cachedVersion) {
      cachedDocument = Codec.encode(draft.document());
      cachedVersion = draft.version();
    }
    ConferenceView light = new ConferenceView(view.conferenceId(), view.asOfSeq(), view.at(), view.info(), view.me(),
        view.moderator(), view.endpoints(), view.participants(), view.invites(), view.agenda(),
        new ConferenceView.DraftView(draft.version(), draft.versions(), null, draft.note(), draft.importedAt()),
        view.votes(), view.speakerQueue(), view.annotations(), view.joinRequests(), view.delegates(),
        view.markedPresent());
    String json = Codec.encode(light);
    // The draft object was written without its document (null fields are omitted); put the cached one in front.
    int at = json.indexOf("\"draft\":{");
    if (at < 0) return Frames.snapshot(upTo, serverTime, view);
    int insert = at + "\"draft\":{".length();
    String spliced = json.substring(0, insert) + "\"document\":" + cachedDocument + ","
        + json.substring(insert);
    return Frames.buffer("{\"type\":\"snapshot\",\"upTo\":" + upTo + ",\"serverTime\":\"" + serverTime
        + "\",\"state\":" + spliced + "}");
  }
}
