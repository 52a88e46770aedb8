/**
 * Several server nodes on one PostgreSQL: who writes each conference (a PostgreSQL advisory lock), how the other
 * nodes learn of new events (LISTEN/NOTIFY, then they read the log), and how they hand commands to the writer (a
 * tiny inbox/outbox in the database). The embedded store runs one node: {@link vn.hoinghi.live.Cluster#single()}.
 */
package vn.hoinghi.cluster;
