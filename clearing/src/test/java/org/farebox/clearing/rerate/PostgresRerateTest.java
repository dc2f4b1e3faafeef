package org.farebox.clearing.rerate;

import org.farebox.clearing.store.ClearingStore;
import org.farebox.clearing.store.JdbcClearingStore;
import org.farebox.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Re-rating on PostgreSQL (a fresh schema per test). */
class PostgresRerateTest extends RerateContract {
    private PostgresDatabase database;

    @BeforeEach
    @Override
    void openStore() {
        database = PostgresDatabase.create();
        super.openStore();
    }

    @AfterEach
    @Override
    void closeStore() {
        super.closeStore();
        database.close();
    }

    @Override
    ClearingStore open() {
        return JdbcClearingStore.open(database.jdbcUrl(), "", "", CLOCK);
    }
}
