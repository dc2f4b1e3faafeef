package org.farebox.clearing.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite (a file in WAL mode, as in production). */
class SqliteClearingStoreTest extends ClearingStoreContract {
    @TempDir
    Path dir;

    @Override
    ClearingStore open() {
        return JdbcClearingStore.open("jdbc:sqlite:" + dir.resolve("clearing.db"), "", "", CLOCK);
    }
}
