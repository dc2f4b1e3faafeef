package org.farebox.terminal.config;

import org.farebox.protocol.config.ConfigFile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The configuration keys, their parsing and the defaults documented in etc/terminal.conf. */
class TerminalConfigTest {
    /** The shipped, documented configuration file (installed as /etc/farebox/terminal.conf). */
    static final Path SHIPPED_CONF = Path.of("..", "etc", "terminal.conf");

    /** Every key set to a value that is not its default, so each accessor shows it read its own key. */
    private static final Map<String, String> NON_DEFAULTS = new LinkedHashMap<>();

    static {
        NON_DEFAULTS.put("terminal.id", "TRAM-42");
        NON_DEFAULTS.put("terminal.route", "K2");
        NON_DEFAULTS.put("terminal.stop", "17");
        NON_DEFAULTS.put("terminal.stop_id", "B_WENSHU");
        NON_DEFAULTS.put("terminal.timezone", "Europe/Berlin");
        NON_DEFAULTS.put("state.dir", "/srv/farebox/state");
        NON_DEFAULTS.put("ledger.synchronous", "normal");
        NON_DEFAULTS.put("reader.factory", "Simulator");
        NON_DEFAULTS.put("reader.card", "^Field [0-9]$");
        NON_DEFAULTS.put("reader.sam", "^Slot[#]1$");
        NON_DEFAULTS.put("reader.poll_ms", "40");
        NON_DEFAULTS.put("sam.mode", "soft");
        NON_DEFAULTS.put("sam.pcsc.diversification_levels", "2");
        NON_DEFAULTS.put("sam.soft.keys", "/srv/farebox/keys.conf");
        NON_DEFAULTS.put("sam.soft.terminal_number", "0a0B0c0D0e0F");
        NON_DEFAULTS.put("sam.soft.key_index", "3");
        NON_DEFAULTS.put("card.capp", "no");
        NON_DEFAULTS.put("card.accepted_issuers", "0100, 02ab");
        NON_DEFAULTS.put("card.supported_algorithms", "00,04");
        NON_DEFAULTS.put("card.retap_window_s", "300");
        NON_DEFAULTS.put("fare.table", "/srv/farebox/fares.json");
        NON_DEFAULTS.put("fare.passback_s", "0");
        NON_DEFAULTS.put("denylist.file", "");
        NON_DEFAULTS.put("hmi.mode", "pi4j");
        NON_DEFAULTS.put("hmi.hold_ms", "750");
        NON_DEFAULTS.put("hmi.lcd.columns", "20");
        NON_DEFAULTS.put("hmi.lcd.rows", "4");
        NON_DEFAULTS.put("hmi.lcd.i2c_bus", "3");
        NON_DEFAULTS.put("hmi.lcd.i2c_address", "0x3f");
        NON_DEFAULTS.put("hmi.gpio.led_green", "5");
        NON_DEFAULTS.put("hmi.gpio.led_red", "6");
        NON_DEFAULTS.put("hmi.gpio.buzzer", "13");
        NON_DEFAULTS.put("log.level", "DEBUG");
        NON_DEFAULTS.put("log.file", "/var/log/farebox/terminal.log");
        NON_DEFAULTS.put("sync.broker", "ssl://broker.example:8883");
        NON_DEFAULTS.put("sync.operator", "metro-7");
        NON_DEFAULTS.put("sync.tls.ca", "/etc/farebox/ca.crt");
        NON_DEFAULTS.put("sync.tls.cert", "/etc/farebox/terminal.crt");
        NON_DEFAULTS.put("sync.tls.key", "/etc/farebox/terminal.key");
        NON_DEFAULTS.put("sync.batch_rows", "250");
        NON_DEFAULTS.put("sync.batch_ms", "750");
        NON_DEFAULTS.put("sync.in_flight", "3");
        NON_DEFAULTS.put("sync.ack_timeout_s", "45");
        NON_DEFAULTS.put("sync.connect_timeout_s", "7");
        NON_DEFAULTS.put("sync.operation_timeout_s", "9");
        NON_DEFAULTS.put("sync.keepalive_s", "20");
        NON_DEFAULTS.put("sync.backoff_min_ms", "500");
        NON_DEFAULTS.put("sync.backoff_max_ms", "90000");
        NON_DEFAULTS.put("sync.backoff_stable_s", "40");
        NON_DEFAULTS.put("sync.status_interval_s", "15");
        NON_DEFAULTS.put("updates.operator_keys", "");
        NON_DEFAULTS.put("updates.max_faretable_bytes", "2048");
        NON_DEFAULTS.put("updates.max_denylist_bytes", "4096");
        NON_DEFAULTS.put("updates.max_keys_bytes", "8192");
        NON_DEFAULTS.put("updates.max_cmd_bytes", "16384");
    }

    @Test
    void theNonDefaultFixtureSetsEveryKnownKey() {
        assertEquals(new TreeSet<>(TerminalConfig.KEYS), new TreeSet<>(NON_DEFAULTS.keySet()),
                "a key was added or removed: add it to NON_DEFAULTS and to everyKeyIsReadIntoItsOwnField");
    }

    @Test
    void gtfsStopIdDefaultsToTheNumericStopAndPassbackToThirtySeconds() {
        TerminalConfig c = TerminalConfig.from(ConfigFile.parse("t.conf", "terminal.stop = 42\n"));
        assertEquals("42", c.stopId());
        assertEquals(Duration.ofSeconds(30), c.passbackWindow());
        assertThrows(RuntimeException.class,
                () -> TerminalConfig.from(ConfigFile.parse("t.conf", "fare.passback_s = -1\n")));
    }

    @Test
    void everyKeyIsReadIntoItsOwnField() {
        StringBuilder text = new StringBuilder("# every key\n");
        NON_DEFAULTS.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        TerminalConfig c = TerminalConfig.from(ConfigFile.parse("all.conf", text.toString()));

        assertEquals("TRAM-42", c.terminalId());
        assertEquals("K2", c.route());
        assertEquals(17, c.stop());
        assertEquals("B_WENSHU", c.stopId());
        assertEquals(ZoneId.of("Europe/Berlin"), c.timezone());
        assertEquals(Path.of("/srv/farebox/state"), c.stateDir());
        assertEquals(Path.of("/srv/farebox/state/ledger.db"), c.ledgerFile());
        assertEquals(Path.of("/srv/farebox/state"), c.denyListDirectory());
        assertFalse(c.ledgerSynchronousFull());
        assertEquals("Simulator", c.readerFactory());
        assertEquals("^Field [0-9]$", c.cardReader().pattern());
        assertTrue(c.cardReader().matcher("Field 3").matches());
        assertEquals("^Slot[#]1$", c.samReader().pattern(), "a # inside a value is not a comment");
        assertEquals(Duration.ofMillis(40), c.readerPoll());
        assertEquals(2, c.pcscSamDiversificationLevels());
        assertEquals("soft", c.samMode());
        assertEquals(Path.of("/srv/farebox/keys.conf"), c.softSamKeys());
        assertArrayEquals(HexFormat.of().parseHex("0A0B0C0D0E0F"), c.softSamTerminalNumber());
        assertEquals(3, c.softSamKeyIndex());
        assertFalse(c.capp());
        assertEquals(List.of("0100", "02AB"), c.acceptedIssuers());
        assertEquals(List.of(0x00, 0x04), c.supportedAlgorithms());
        assertEquals(Duration.ofSeconds(300), c.retapWindow());
        assertEquals(Path.of("/srv/farebox/fares.json"), c.fareTable());
        assertEquals(Duration.ZERO, c.passbackWindow());
        assertNull(c.denyListFile(), "an empty denylist.file means no deny list file");
        assertEquals("pi4j", c.hmiMode());
        assertEquals(Duration.ofMillis(750), c.displayHold());
        assertEquals(20, c.lcdColumns());
        assertEquals(4, c.lcdRows());
        assertEquals(3, c.lcdI2cBus());
        assertEquals(0x3F, c.lcdI2cAddress());
        assertEquals(5, c.gpioLedGreen());
        assertEquals(6, c.gpioLedRed());
        assertEquals(13, c.gpioBuzzer());
        assertEquals("debug", c.logLevel());
        assertEquals(Path.of("/var/log/farebox/terminal.log"), c.logFile());
        SyncConfig sync = c.sync();
        assertEquals("ssl://broker.example:8883", sync.broker());
        assertTrue(sync.enabled() && sync.tls());
        assertEquals("metro-7", sync.operator());
        assertEquals(Path.of("/etc/farebox/ca.crt"), sync.tlsCa());
        assertEquals(Path.of("/etc/farebox/terminal.crt"), sync.tlsCert());
        assertEquals(Path.of("/etc/farebox/terminal.key"), sync.tlsKey());
        assertEquals(250, sync.batchRows());
        assertEquals(Duration.ofMillis(750), sync.batchMaxWait());
        assertEquals(3, sync.inFlightBatches());
        assertEquals(Duration.ofSeconds(45), sync.ackTimeout());
        assertEquals(Duration.ofSeconds(7), sync.connectTimeout());
        assertEquals(Duration.ofSeconds(9), sync.operationTimeout());
        assertEquals(Duration.ofSeconds(20), sync.keepAlive());
        assertEquals(Duration.ofMillis(500), sync.backoffMin());
        assertEquals(Duration.ofMillis(90_000), sync.backoffMax());
        assertEquals(Duration.ofSeconds(40), sync.backoffStable());
        assertEquals(Duration.ofSeconds(15), sync.statusInterval());
        assertEquals(List.of(), sync.operatorKeys());
        assertEquals(2048, sync.maxFareTableBytes());
        assertEquals(4096, sync.maxDenyListBytes());
        assertEquals(8192, sync.maxKeysBytes());
        assertEquals(16384, sync.maxCommandBytes());
    }

    @Test
    void theShippedConfFileYieldsExactlyTheBuiltInDefaults() {
        TerminalConfig shipped = TerminalConfig.load(SHIPPED_CONF);
        TerminalConfig defaults = TerminalConfig.defaults();
        List<String> differences = new ArrayList<>();
        for (RecordComponent component : TerminalConfig.class.getRecordComponents()) {
            Object fromFile = comparable(value(component, shipped));
            Object builtIn = comparable(value(component, defaults));
            if (!java.util.Objects.equals(fromFile, builtIn)) {
                differences.add(component.getName() + ": file " + fromFile + ", built-in " + builtIn);
            }
        }
        assertEquals(List.of(), differences, SHIPPED_CONF + " must document the built-in defaults");
    }

    @Test
    void theShippedConfFileSetsEveryKeyTheTerminalKnows() throws IOException {
        Set<String> written = new TreeSet<>();
        for (String line : Files.readAllLines(SHIPPED_CONF, StandardCharsets.UTF_8)) {
            Matcher m = Pattern.compile("^([a-z0-9_.]+)\\s*=").matcher(line);
            if (m.find()) {
                written.add(m.group(1));
            }
        }
        assertEquals(new TreeSet<>(TerminalConfig.KEYS), written,
                SHIPPED_CONF + " must show every key with its default so operators can find it");
    }

    /** "Default: X" in a key's comment block must be the value written under it. */
    @Test
    void theShippedConfCommentsStateTheValueWrittenBelowThem() throws IOException {
        String documented = null;
        int checked = 0;
        for (String line : Files.readAllLines(SHIPPED_CONF, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                Matcher m = Pattern.compile("Default: (.*)$").matcher(line);
                if (m.find()) {
                    documented = m.group(1).strip();
                }
                continue;
            }
            int eq = line.indexOf('=');
            if (eq > 0 && documented != null) {
                String value = line.substring(eq + 1).strip();
                String expected = documented.equals("empty") ? "" : documented;
                assertEquals(expected, value, "comment above '" + line + "'");
                checked++;
            }
            if (line.isBlank() || eq > 0) {
                documented = null;
            }
        }
        assertTrue(checked >= 20, "only " + checked + " 'Default:' comments found: the check lost its anchor");
    }

    @Test
    void anEmptyFileGivesTheDefaults() {
        TerminalConfig c = TerminalConfig.from(ConfigFile.parse("empty.conf", "\n# nothing\n\n"));
        assertEquals("BUS-0001", c.terminalId());
        assertEquals(Duration.ofMillis(250), c.readerPoll());
        assertEquals(Duration.ofSeconds(120), c.retapWindow());
        assertEquals("pcsc", c.samMode());
        assertEquals(Path.of("/var/lib/farebox/ledger.db"), c.ledgerFile());
        assertTrue(c.ledgerSynchronousFull());
        assertTrue(c.cardReader().matcher("Virtual PCD 00 00").matches());
        assertFalse(c.cardReader().matcher("Virtual PCD 00 01").matches());
        assertTrue(c.samReader().matcher("Virtual PCD 00 01").matches());
    }

    @Test
    void windowsLineEndingsAndCommentsAfterWhiteSpaceAreAccepted() {
        TerminalConfig c = TerminalConfig.from(ConfigFile.parse("crlf.conf",
                "# edited on Windows\r\nterminal.id = BUS-9\r\nterminal.route = 7   # the night line\r\n"));
        assertEquals("BUS-9", c.terminalId());
        assertEquals("7", c.route());
    }

    private static Object value(RecordComponent component, TerminalConfig config) {
        try {
            return component.getAccessor().invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    // Pattern and byte[] compare by identity; compare what they mean instead.
    private static Object comparable(Object v) {
        if (v instanceof Pattern p) {
            return "/" + p.pattern() + "/" + p.flags();
        }
        if (v instanceof byte[] b) {
            return HexFormat.of().formatHex(b);
        }
        return v;
    }
}
