package vn.hoinghi.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on one JDBC connection, run on a store thread (the writer's or a reader's). */
interface SqlWork<T> {
  T run(Connection c) throws SQLException;
}
