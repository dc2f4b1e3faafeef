package org.farebox.terminal.fare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.farebox.protocol.fare.FlatFareTable;

/** A flat fare per route with a percentage per rider category: the foundation's fare policy. */
public final class FlatFarePolicy implements FarePolicy {
    private final FlatFareTable table;

    public FlatFarePolicy(FlatFareTable table) {
        this.table = table;
    }

    /** Loads and validates a fare table file; the message of a failure names the file and the field. */
    public static FlatFarePolicy load(Path file) {
        try {
            return new FlatFarePolicy(FlatFareTable.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read fare table " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fare table " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public FareQuote quote(FareRequest request) {
        String category = table.categoryOf(request.cardType());
        long amount = table.fare(request.route(), category);
        return new FareQuote(amount, category, "flat:" + request.route() + ":" + category);
    }

    @Override
    public long version() {
        return table.version();
    }

    public FlatFareTable table() {
        return table;
    }
}
