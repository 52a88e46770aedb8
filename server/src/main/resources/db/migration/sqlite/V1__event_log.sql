-- The event log of the embedded store. One stream row per conference holds the last sequence,
-- so an append checks and moves it in the same transaction that inserts the events.
CREATE TABLE streams (
  conference_id TEXT PRIMARY KEY,
  last_seq      INTEGER NOT NULL CHECK (last_seq >= 0)
);

CREATE TABLE events (
  conference_id TEXT    NOT NULL,
  seq           INTEGER NOT NULL CHECK (seq >= 1),
  type          TEXT    NOT NULL,
  payload       TEXT    NOT NULL,
  actor         TEXT    NOT NULL,
  command_id    TEXT,
  at_micros     INTEGER NOT NULL,
  PRIMARY KEY (conference_id, seq)
) WITHOUT ROWID;

CREATE TABLE snapshots (
  conference_id TEXT    NOT NULL,
  seq           INTEGER NOT NULL,
  payload       TEXT    NOT NULL,
  at_micros     INTEGER NOT NULL,
  PRIMARY KEY (conference_id, seq)
) WITHOUT ROWID;
