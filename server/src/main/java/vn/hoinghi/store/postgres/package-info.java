/**
 * The production store: PostgreSQL through the non-blocking vertx-pg-client. Flyway migrates the
 * schema at start-up over JDBC (once, off the event loop); every later query is asynchronous.
 */
package vn.hoinghi.store.postgres;
