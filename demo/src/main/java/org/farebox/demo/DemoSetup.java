package org.farebox.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.farebox.protocol.fare.FlatFareTable;

/** Writes the demo terminal's configuration, fare table and deny list as an operator would. */
final class DemoSetup {
    static final String CARD_READER = "Farebox Virtual Contactless 0";
    static final String SAM_READER = "Farebox Virtual SAM 0";
    static final String TERMINAL_NUMBER = "000051010007";

    private DemoSetup() {
    }

    static FlatFareTable fareTable() {
        return new FlatFareTable(1, "CNY", 200, Map.of("101", 200L, "K2", 300L),
                Map.of("adult", 100, "student", 50, "senior", 0, "free", 0),
                Map.of(0x01, "adult", 0x02, "student", 0x03, "senior", 0x04, "free"), "adult");
    }

    /** Writes terminal.conf (and the files it names) into {@code dir}; returns the config file. */
    /** The operator's change in the middle of the run: route 101 goes from 2.00 to 2.50 yuan. */
    static FlatFareTable newFareTable() {
        FlatFareTable t = fareTable();
        return new FlatFareTable(2, t.currency(), t.defaultFareFen(), Map.of("101", 250L, "K2", 300L),
                t.categoryPercent(), t.cardTypes(), t.defaultCategory());
    }

    static Path write(Path dir, String blockedSerial, String lcd, String broker, String operatorKey)
            throws IOException {
        Path fares = dir.resolve("fare-table.json");
        Files.writeString(fares, fareTable().toJson(), StandardCharsets.UTF_8);
        Path deny = dir.resolve("denylist.txt");
        Files.writeString(deny, "# reported lost at the depot\n" + blockedSerial + ",lost card\n", StandardCharsets.UTF_8);
        String[] geometry = lcd.split("x");
        String conf = String.join("\n",
                "# Demo bus validator: the same keys a real terminal.conf has",
                "terminal.id = DEMO-BUS-7",
                "terminal.route = 101",
                "terminal.stop = 3",
                "terminal.timezone = Asia/Shanghai",
                "state.dir = " + dir.resolve("state"),
                "ledger.synchronous = FULL",
                "reader.card = " + CARD_READER,
                "reader.sam = " + SAM_READER,
                "reader.poll_ms = 20",
                "sam.mode = pcsc",
                "card.capp = true",
                "card.accepted_issuers = 0100",
                "card.retap_window_s = 120",
                "fare.table = " + fares,
                "denylist.file = " + deny,
                "hmi.mode = console",
                "hmi.hold_ms = 0",
                "hmi.lcd.columns = " + geometry[0],
                "hmi.lcd.rows = " + geometry[1],
                "# Sync: the demo's in-process broker, clearing host and operator key",
                "sync.broker = " + broker,
                "sync.operator = " + DemoBackOffice.OPERATOR,
                "sync.batch_rows = 50",
                "sync.batch_ms = 200",
                "sync.status_interval_s = 5",
                "sync.backoff_min_ms = 200",
                "updates.operator_keys = " + operatorKey,
                "");
        Path file = dir.resolve("terminal.conf");
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        return file;
    }
}
