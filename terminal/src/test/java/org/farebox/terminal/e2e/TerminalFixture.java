package org.farebox.terminal.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.fare.FlatFareTable;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.simulator.card.CardImage;
import org.farebox.simulator.card.CardIssuer;
import org.farebox.simulator.card.CardProfile;
import org.farebox.simulator.card.PsamProfile;
import org.farebox.simulator.card.VirtualPsam;

/**
 * The files of one terminal under test, written as an operator and an issuer would: master keys, cards
 * saved as JSON, the fare table, the PSAM's state and terminal.conf.
 */
final class TerminalFixture {
    static final String TERMINAL_ID = "E2E-BUS-1";
    static final String PSAM_TERMINAL_NUMBER = "000051010009";
    static final long ADULT_FARE = 200;
    static final int ADULT = 0x01;
    static final int STUDENT = 0x02;

    final Path dir;
    final MasterKeys keys;
    final Path keysFile;
    final Path fareTable;
    final Path stateDir;
    final Path psamState;

    private TerminalFixture(Path dir, MasterKeys keys) throws IOException {
        this.dir = dir;
        this.keys = keys;
        this.keysFile = dir.resolve("sam-keys.conf");
        this.fareTable = dir.resolve("fare-table.json");
        this.stateDir = dir.resolve("state");
        this.psamState = dir.resolve("psam-state.json");
        Files.createDirectories(dir.resolve("cards"));
        Files.writeString(keysFile, keys.format(), StandardCharsets.UTF_8);
        Files.writeString(fareTable, fares().toJson(), StandardCharsets.UTF_8);
    }

    static TerminalFixture create(Path dir, long seed) throws IOException {
        return new TerminalFixture(dir, MasterKeys.generate(new Random(seed), 1, 1, 1));
    }

    /** Route 101 costs 2 yuan; students pay half. */
    static FlatFareTable fares() {
        return new FlatFareTable(1, "CNY", 200, Map.of("101", ADULT_FARE),
                Map.of("adult", 100, "student", 50), Map.of(ADULT, "adult", STUDENT, "student"), "adult");
    }

    /** Issues a card valid around today and saves it as cards/{serial}.json. */
    Path issueCard(String serial, int cardType, long balance) throws IOException {
        Path file = dir.resolve("cards").resolve(serial + ".json");
        issue(serial, cardType, balance).save(file);
        return file;
    }

    CardImage issue(String serial, int cardType, long balance) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return new CardIssuer(keys).issue(CardProfile.builder(serial).cardType(cardType)
                .validity(today.minusYears(1), today.plusYears(5)).initialBalance(balance).purchaseKeyIndex(1).build());
    }

    /** The PSAM of this terminal; its transaction serial survives in {@link #psamState}. */
    VirtualPsam openPsam() throws IOException {
        return VirtualPsam.open(keys, PsamProfile.of(Hex.parse(PSAM_TERMINAL_NUMBER), 1), psamState);
    }

    /** Writes terminal.conf: this fixture's files plus {@code settings} (which win over the base keys). */
    Path writeConfig(Map<String, String> settings) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("terminal.id", TERMINAL_ID);
        keys.put("terminal.route", "101");
        keys.put("terminal.stop", "3");
        keys.put("state.dir", stateDir.toString());
        keys.put("fare.table", fareTable.toString());
        // These scenarios tap the same card again and again on one terminal within seconds: no anti-passback.
        keys.put("fare.passback_s", "0");
        keys.put("denylist.file", "");
        keys.put("sam.soft.keys", keysFile.toString());
        keys.put("sam.soft.terminal_number", PSAM_TERMINAL_NUMBER);
        keys.put("hmi.mode", "none");
        keys.put("hmi.hold_ms", "0");
        keys.put("reader.poll_ms", "20");
        keys.put("log.level", "warn");
        keys.putAll(settings);
        StringBuilder text = new StringBuilder("# written by " + TerminalFixture.class.getSimpleName() + "\n");
        keys.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        Path file = dir.resolve("terminal.conf");
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        return file;
    }
}
