-- Forwarded commands, their outcomes and presence are messages between live nodes, not records: they live for
-- milliseconds (presence for seconds) and each is rebuilt or retried when lost. Unlogged, they cost no WAL and no
-- flush per row; after a crash of PostgreSQL they start empty, which a node treats as messages lost: a forwarded
-- command unanswered is answered NO_WRITER after 8 s and sent again by its client with the same command id (decided
-- once), and presence is written again within seconds. The event log stays logged: every acknowledged event is durable.
ALTER TABLE command_inbox SET UNLOGGED;
ALTER TABLE command_outbox SET UNLOGGED;
ALTER TABLE presence SET UNLOGGED;
-- The messages are JSON written and read only by the nodes: kept as text, PostgreSQL does not parse them.
ALTER TABLE command_inbox ALTER COLUMN envelope TYPE TEXT;
ALTER TABLE command_outbox ALTER COLUMN outcome TYPE TEXT;
