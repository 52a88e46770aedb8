-- Who is connected, per node and conference: each node writes its own row (at most once a second when it changed,
-- and every few seconds anyway); the others read the fresh rows and add them to their own counts.
CREATE TABLE presence (
  node_id       TEXT        NOT NULL,
  conference_id TEXT        NOT NULL,
  payload       JSON        NOT NULL,
  updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (node_id, conference_id)
);
