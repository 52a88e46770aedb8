package vn.hoinghi.live;

import vn.hoinghi.domain.Conference;
import vn.hoinghi.domain.ConferenceView;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.RecordedEvent;
import vn.hoinghi.wire.Codec;

/**
 * The data of an event as the live feed sends it. Every event goes out as the log stores it except
 * DraftVersionImported, whose document stays in the log: clients get the version, its entity tag and its outline,
 * and fetch the text once over HTTP (docs/protocol.md, "The draft text").
 */
final class DraftFrames {
  private DraftFrames() {}

  /** {@code json} is the event as stored; {@code conference} has applied it already. */
  static String data(Conference conference, RecordedEvent re, String json) {
    if (!(re.event() instanceof Event.DraftVersionImported d)) return json;
    return Codec.encode(new ConferenceView.DraftImported(d.version(), d.note(), d.importedBy(), d.at(),
        conference.draftEtag(d.version()), conference.draftOutline(d.version())));
  }
}
