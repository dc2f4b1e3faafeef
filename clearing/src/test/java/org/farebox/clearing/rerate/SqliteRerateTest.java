package org.farebox.clearing.rerate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.farebox.clearing.store.ClearingStore;
import org.farebox.clearing.store.JdbcClearingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-rating on SQLite, plus the schema migration from version 1. */
class SqliteRerateTest extends RerateContract {
    @TempDir
    Path dir;

    @Override
    ClearingStore open() {
        return JdbcClearingStore.open(url(), "", "", CLOCK);
    }

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("clearing.db");
    }

    @Test
    void versionOneStoreIsMigratedToTwoAndGetsTheAdjustmentsTable() throws Exception {
        store.close();
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE adjustments");
            s.execute("UPDATE schema_version SET version = 1");
        }
        store = open();
        storeOrdinaryDay();
        assertEquals(3, new ReRater(store, TABLE).rerate(DAY).inserted());
        assertEquals(3, store.adjustments(Optional.empty()).size());
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT version FROM schema_version")) {
            r.next();
            assertEquals(2, r.getInt(1));
            assertEquals(false, r.next());
        }
    }
}
