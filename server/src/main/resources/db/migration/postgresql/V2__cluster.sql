-- Several server nodes on one database: commands a follower node forwards to the conference's writer node, and the
-- outcomes going back. Rows live for milliseconds; both tables stay near empty.
CREATE TABLE command_inbox (
  id            BIGSERIAL PRIMARY KEY,
  conference_id TEXT        NOT NULL,
  origin_node   TEXT        NOT NULL,
  request_id    TEXT        NOT NULL,
  envelope      JSON        NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX command_inbox_conference ON command_inbox (conference_id, id);

CREATE TABLE command_outbox (
  origin_node TEXT        NOT NULL,
  request_id  TEXT        NOT NULL,
  outcome     JSON        NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (origin_node, request_id)
);
