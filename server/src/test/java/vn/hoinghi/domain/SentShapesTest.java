package vn.hoinghi.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import vn.hoinghi.wire.Codec;
import vn.hoinghi.wire.MessageValidator;
import vn.hoinghi.wire.TypeNames;

/**
 * What the server sends is held to the protocol schema's precise types (docs/architecture.md, "Precise types"):
 * every event of a random session, as the feed sends it, and every viewer's view of the end state validate against
 * their definitions, where a field is required and not null unless its record component is marked {@link Nullable}.
 * A component left unmarked that the domain does set to null fails here with the field's name.
 */
@Label("Events and views of random sessions match the schema's precise types")
class SentShapesTest {
  private final ConferencePropertiesTest properties = new ConferencePropertiesTest();

  @Property(tries = 60)
  @Label("every event and every viewer's view validates against its schema definition")
  void eventsAndViewsMatchTheSchema(@ForAll("steps") List<ConferencePropertiesTest.Step> steps) {
    ConferencePropertiesTest.Run run = new ConferencePropertiesTest.Run(World.live());
    for (ConferencePropertiesTest.Step s : steps) run.step(s);
    Conference c = run.w.conf();
    for (RecordedEvent r : run.w.h.log) {
      Object data = r.event();
      if (r.event() instanceof Event.DraftVersionImported d) {
        // The feed's shape of it (live/DraftFrames): the version without its document.
        data = new ConferenceView.DraftImported(d.version(), d.note(), d.importedBy(), d.at(), c.draftEtag(d.version()),
            c.draftOutline(d.version()));
      }
      MessageValidator.check(TypeNames.of(r.event().getClass()) + "Event", Codec.parse(Codec.encode(data)));
    }
    List<Viewer> viewers = new ArrayList<>(List.of(Viewer.organizerConsole(), Viewer.publicScreen()));
    c.participants().forEach(p -> viewers.add(Viewer.participant(p.id())));
    Instant now = Instant.parse("2026-12-05T09:00:00Z");
    for (Viewer v : viewers) MessageValidator.check("ConferenceView", Codec.parse(Codec.encode(c.views().viewFor(v, now))));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<List<ConferencePropertiesTest.Step>> steps() {
    return properties.steps();
  }
}
