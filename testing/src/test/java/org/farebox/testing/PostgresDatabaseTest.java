package org.farebox.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresDatabaseTest {

    @Test
    void eachDatabaseIsAFreshSchemaThatTablesLandIn() throws SQLException {
        try (PostgresDatabase first = PostgresDatabase.create(); PostgresDatabase second = PostgresDatabase.create()) {
            assertNotEquals(first.schema(), second.schema());
            try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE ledger (id BIGINT PRIMARY KEY)");
                statement.execute("INSERT INTO ledger VALUES (1)");
                assertTrue(tableExists(connection, first.schema(), "ledger"));
            }
            try (Connection connection = second.connect(); Statement statement = connection.createStatement()) {
                // Unqualified names resolve in the second schema, where no ledger exists yet.
                statement.execute("CREATE TABLE ledger (id BIGINT PRIMARY KEY)");
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM ledger")) {
                    rows.next();
                    assertEquals(0, rows.getLong(1));
                }
            }
        }
    }

    @Test
    void closeDropsTheSchemaWithItsTables() throws SQLException {
        PostgresDatabase database = PostgresDatabase.create();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE ledger (id BIGINT)");
        }
        database.close();
        try (PostgresDatabase other = PostgresDatabase.create(); Connection connection = other.connect()) {
            assertFalse(schemaExists(connection, database.schema()));
        }
    }

    @Test
    void jdbcUrlCarriesSchemaAndLogin() {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            String url = database.jdbcUrl();
            assertTrue(url.contains("currentSchema=" + database.schema()), url);
            assertTrue(url.contains("user=" + database.user()), url);
        }
    }

    private static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rows = meta.getTables(null, schema, table, null)) {
            return rows.next();
        }
    }

    private static boolean schemaExists(Connection connection, String schema) throws SQLException {
        try (ResultSet rows = connection.getMetaData().getSchemas(null, schema)) {
            return rows.next();
        }
    }
}
