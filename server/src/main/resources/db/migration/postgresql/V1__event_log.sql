-- The event log. One stream row per conference holds the last sequence: an append updates it
-- with the expected value in its WHERE clause, which both detects conflicts and serializes
-- concurrent appenders of one conference on that row's lock.
CREATE TABLE streams (
  conference_id TEXT PRIMARY KEY,
  last_seq      BIGINT NOT NULL CHECK (last_seq >= 0)
);

CREATE TABLE events (
  conference_id TEXT        NOT NULL,
  seq           BIGINT      NOT NULL CHECK (seq >= 1),
  type          TEXT        NOT NULL,
  -- json (not jsonb) keeps the payload's text exactly as written.
  payload       JSON        NOT NULL,
  actor         TEXT        NOT NULL,
  command_id    TEXT,
  at            TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (conference_id, seq)
);

CREATE TABLE snapshots (
  conference_id TEXT        NOT NULL,
  seq           BIGINT      NOT NULL,
  payload       JSON        NOT NULL,
  at            TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (conference_id, seq)
);
