/**
 * The wire format: JSON for events (stored and streamed), commands (received) and the protocol's
 * envelopes. One codec maps the domain's records by their simple names; the JSON Schema of the
 * protocol is generated from the same records (see {@link vn.hoinghi.wire.ProtocolSchema}).
 */
package vn.hoinghi.wire;
