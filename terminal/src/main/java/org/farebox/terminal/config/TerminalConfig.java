package org.farebox.terminal.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.farebox.protocol.config.ConfigFile;

/**
 * Everything the terminal daemon reads from {@code /etc/farebox/terminal.conf}, with a sensible
 * default for every key (the same defaults README.md lists).
 */
public record TerminalConfig(
        String terminalId, String route, int stop, String stopId, ZoneId timezone,
        Path stateDir, boolean ledgerSynchronousFull,
        String readerFactory, Pattern cardReader, Pattern samReader, Duration readerPoll,
        String samMode, int pcscSamDiversificationLevels, Path softSamKeys, byte[] softSamTerminalNumber, int softSamKeyIndex,
        boolean capp, List<String> acceptedIssuers, List<Integer> supportedAlgorithms, Duration retapWindow,
        Duration passbackWindow, Path fareTable, Path denyListFile,
        String hmiMode, Duration displayHold, int lcdColumns, int lcdRows, int lcdI2cBus, int lcdI2cAddress,
        int gpioLedGreen, int gpioLedRed, int gpioBuzzer,
        String logLevel, Path logFile, SyncConfig sync) {

    /** Every key the file may contain. */
    public static final Set<String> KEYS = union(SyncConfig.KEYS, Set.of(
            "terminal.id", "terminal.route", "terminal.stop", "terminal.stop_id", "terminal.timezone",
            "state.dir", "ledger.synchronous",
            "reader.factory", "reader.card", "reader.sam", "reader.poll_ms",
            "sam.mode", "sam.pcsc.diversification_levels", "sam.soft.keys", "sam.soft.terminal_number", "sam.soft.key_index",
            "card.capp", "card.accepted_issuers", "card.supported_algorithms", "card.retap_window_s",
            "fare.table", "fare.passback_s", "denylist.file",
            "hmi.mode", "hmi.hold_ms", "hmi.lcd.columns", "hmi.lcd.rows", "hmi.lcd.i2c_bus", "hmi.lcd.i2c_address",
            "hmi.gpio.led_green", "hmi.gpio.led_red", "hmi.gpio.buzzer",
            "log.level", "log.file"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    public TerminalConfig {
        softSamTerminalNumber = softSamTerminalNumber.clone();
    }

    public static TerminalConfig load(Path file) {
        return from(ConfigFile.read(file));
    }

    public static TerminalConfig defaults() {
        return from(ConfigFile.empty());
    }

    /** Builds the config from a parsed file; unknown keys and bad values are errors naming the line. */
    public static TerminalConfig from(ConfigFile f) {
        f.rejectUnknownKeys(KEYS);
        int stop = f.get("terminal.stop", 0, v -> Values.intIn(v, 0, 255));
        String stopId = f.get("terminal.stop_id", "", v -> v.isEmpty() ? "" : gtfsId(v));
        return new TerminalConfig(
                f.get("terminal.id", "BUS-0001", Values::terminalId),
                f.get("terminal.route", "101", v -> nonEmpty(v, 64)),
                stop,
                stopId.isEmpty() ? Integer.toString(stop) : stopId,
                f.get("terminal.timezone", ZoneId.of("Asia/Shanghai"), Values::zone),
                f.get("state.dir", Path.of("/var/lib/farebox"), Values::path),
                f.get("ledger.synchronous", "FULL", v -> Values.oneOf(v, "FULL", "NORMAL")).equals("FULL"),
                f.get("reader.factory", "PC/SC", v -> nonEmpty(v, 64)),
                f.get("reader.card", Pattern.compile("(?i).*(contactless|PICC|ACR122|Virtual PCD 00 00).*"), Values::regex),
                f.get("reader.sam", Pattern.compile("(?i).*(SAM|ICC|Virtual PCD 00 01).*"), Values::regex),
                Duration.ofMillis(f.get("reader.poll_ms", 250, v -> Values.intIn(v, 10, 10_000))),
                f.get("sam.mode", "pcsc", v -> Values.oneOf(v, "pcsc", "soft")),
                f.get("sam.pcsc.diversification_levels", 1, v -> Integer.parseInt(Values.oneOf(v, "1", "2"))),
                f.get("sam.soft.keys", Path.of("/etc/farebox/sam-keys.conf"), Values::path),
                f.get("sam.soft.terminal_number", new byte[] {0, 0, 0, 0, 0, 1}, v -> Values.hex(v, 6)),
                f.get("sam.soft.key_index", 1, v -> Values.intIn(v, 0, 255)),
                f.get("card.capp", true, Values::bool),
                f.get("card.accepted_issuers", List.of(), Values::issuerCodes),
                f.get("card.supported_algorithms", List.of(0), Values::algorithmIds),
                Duration.ofSeconds(f.get("card.retap_window_s", 120, v -> Values.intIn(v, 1, 86_400))),
                Duration.ofSeconds(f.get("fare.passback_s", 30, v -> Values.intIn(v, 0, 3_600))),
                f.get("fare.table", Path.of("/etc/farebox/fare-table.json"), Values::path),
                f.get("denylist.file", Path.of("/etc/farebox/denylist.txt"), Values::optionalPath),
                f.get("hmi.mode", "console", v -> Values.oneOf(v, "console", "pi4j", "none")),
                Duration.ofMillis(f.get("hmi.hold_ms", 2000, v -> Values.intIn(v, 0, 60_000))),
                f.get("hmi.lcd.columns", 16, v -> Integer.parseInt(Values.oneOf(v, "16", "20"))),
                f.get("hmi.lcd.rows", 2, v -> Integer.parseInt(Values.oneOf(v, "2", "4"))),
                f.get("hmi.lcd.i2c_bus", 1, v -> Values.intIn(v, 0, 16)),
                f.get("hmi.lcd.i2c_address", 0x27, v -> Values.intIn(v, 0x03, 0x77)),
                f.get("hmi.gpio.led_green", 17, v -> Values.intIn(v, 0, 40)),
                f.get("hmi.gpio.led_red", 27, v -> Values.intIn(v, 0, 40)),
                f.get("hmi.gpio.buzzer", 22, v -> Values.intIn(v, 0, 40)),
                f.get("log.level", "info", v -> Values.oneOf(v, "trace", "debug", "info", "warn", "error")),
                f.get("log.file", null, Values::optionalPath),
                SyncConfig.from(f));
    }

    public Path ledgerFile() {
        return stateDir.resolve("ledger.db");
    }

    /** Folder of the deny list files ({@code denylist.snapshot}, {@code denylist.deltas}): the state folder. */
    public Path denyListDirectory() {
        return stateDir;
    }

    @Override
    public byte[] softSamTerminalNumber() {
        return softSamTerminalNumber.clone();
    }

    // A GTFS id: no spaces (the key = value format trims them anyway), bounded like the fare module's ids.
    private static String gtfsId(String v) {
        if (v.isEmpty() || v.length() > 64 || !v.chars().allMatch(c -> c > 0x20 && c != 0x7F)) {
            throw new IllegalArgumentException("must be a GTFS stop id of 1..64 characters without spaces");
        }
        return v;
    }

    private static String nonEmpty(String v, int max) {
        if (v.isEmpty() || v.length() > max) {
            throw new IllegalArgumentException("must be 1.." + max + " characters");
        }
        return v;
    }
}
