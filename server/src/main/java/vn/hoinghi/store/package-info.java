/**
 * The event store: an append-only log per conference with gap-free sequence numbers. The port
 * ({@link vn.hoinghi.store.EventStore}) is what the rest of the server sees; adapters live in
 * sub-packages (embedded SQLite, PostgreSQL). Payloads are JSON text kept verbatim, so what a
 * client sent in Vietnamese comes back byte for byte.
 */
package vn.hoinghi.store;
