/**
 * The embedded default store: SQLite in the data directory. SQLite allows one writer at a time,
 * so a single writer thread takes every pending append and commits them in one transaction
 * (group commit); readers use their own connections in WAL mode and never wait for it.
 */
package vn.hoinghi.store.sqlite;
