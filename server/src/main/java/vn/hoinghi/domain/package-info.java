/**
 * The pure domain core of an online feedback conference: commands in, events or a typed rejection out, state derived
 * only from events. {@link vn.hoinghi.domain.Conference} is the aggregate; one writer owns an instance, and reads what
 * each viewer may see through its read model {@link vn.hoinghi.domain.ConferenceViews}. Nothing here
 * knows about Vert.x, SQL or JSON: another layer maps the records to the wire and to storage.
 */
package vn.hoinghi.domain;
