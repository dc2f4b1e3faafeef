package org.farebox.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the demo terminal's configuration and deny list as an operator would. */
final class DemoSetup {
    static final String CARD_READER = "Farebox Virtual Contactless 0";
    static final String SAM_READER = "Farebox Virtual SAM 0";
    static final String TERMINAL_NUMBER = "000051010007";

    private DemoSetup() {
    }

    /** Writes terminal.conf for a bus on the example network priced by {@code bundle}; returns the file. */
    static Path write(Path dir, Path bundle, String blockedSerial, String lcd, String broker, String operatorKey)
            throws IOException {
        Path deny = dir.resolve("denylist.txt");
        Files.writeString(deny, "# reported lost at the depot\n" + blockedSerial + ",lost card\n", StandardCharsets.UTF_8);
        String[] geometry = lcd.split("x");
        String conf = String.join("\n",
                "# Demo bus validator: the same keys a real terminal.conf has",
                "terminal.id = DEMO-BUS-7",
                "terminal.route = " + DemoNetwork.BUS_ROUTE,
                "terminal.stop = 3",
                "terminal.stop_id = " + DemoNetwork.BUS_STOP,
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
                "fare.table = " + bundle,
                "# 20 cards stand in for 200 passengers: the same card comes back within seconds, which a real",
                "# validator would refuse as passback",
                "fare.passback_s = 0",
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
