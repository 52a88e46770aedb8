package vn.hoinghi.store;

import org.junit.jupiter.api.DisplayName;
import vn.hoinghi.store.postgres.PgEventStore;
import vn.hoinghi.testing.TestPostgres;

@DisplayName("PostgreSQL event store (real server)")
class PgEventStoreTest extends EventStoreContract {
  private String schema;

  @Override
  protected EventStore openFresh() {
    TestPostgres.assumeReachable();
    schema = TestPostgres.newSchemaName();
    return PgEventStore.open(vertx, TestPostgres.URL, schema, 8);
  }

  @Override
  protected EventStore reopen() {
    return PgEventStore.open(vertx, TestPostgres.URL, schema, 8);
  }

  @Override
  protected void dispose() {
    if (schema != null) TestPostgres.dropSchema(schema);
  }
}
