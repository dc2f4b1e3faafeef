package org.farebox.terminal.config;

import org.farebox.protocol.config.ConfigException;
import org.farebox.protocol.config.ConfigFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A broken configuration stops the terminal with a message naming the file, the line and the key. */
class ConfigErrorsTest {
    /** Three good lines; the bad one goes at line 4, so every message must say "line 4". */
    private static final String GOOD_HEAD = "# bus 12\nterminal.id = BUS-0012\n\n";

    @TempDir
    Path dir;

    static Stream<Arguments> brokenLines() {
        return Stream.of(
                Arguments.of("unknown key", "reader.pol_ms = 250", "unknown key reader.pol_ms"),
                Arguments.of("bad number", "reader.poll_ms = fast", "reader.poll_ms: 'fast' is not a whole number"),
                Arguments.of("number out of range", "reader.poll_ms = 5", "reader.poll_ms: 5 is outside 10..10000"),
                Arguments.of("bad regex", "reader.card = (ACR122", "reader.card: not a valid regular expression"),
                Arguments.of("bad hex digit", "sam.soft.terminal_number = 00000000000G",
                        "sam.soft.terminal_number: not hexadecimal"),
                Arguments.of("hex of the wrong length", "sam.soft.terminal_number = 0001",
                        "sam.soft.terminal_number: value must be 6 bytes (12 hex digits), got 2"),
                Arguments.of("missing '='", "reader.poll_ms 250", "expected 'key = value', got 'reader.poll_ms 250'"),
                Arguments.of("no key before '='", "= 250", "expected 'key = value', got '= 250'"),
                Arguments.of("bad boolean", "card.capp = maybe", "card.capp: 'maybe' is not true or false"),
                Arguments.of("bad choice", "sam.mode = hsm", "sam.mode: 'hsm' is not one of pcsc, soft"),
                Arguments.of("bad time zone", "terminal.timezone = Mars/Olympus", "terminal.timezone: unknown time zone"),
                Arguments.of("stop out of range", "terminal.stop = 300", "terminal.stop: 300 is outside 0..255"),
                Arguments.of("bad issuer code", "card.accepted_issuers = 0100,01", "card.accepted_issuers: issuer code '01'"),
                Arguments.of("empty required path", "fare.table =", "fare.table: a path is required"),
                Arguments.of("bad LCD size", "hmi.lcd.columns = 40", "hmi.lcd.columns: '40' is not one of 16, 20"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenLines")
    void aBrokenLineIsReportedWithFileLineAndKey(String what, String line, String expected) throws IOException {
        Path file = dir.resolve("broken.conf");
        Files.writeString(file, GOOD_HEAD + line + "\nterminal.route = 101\n", StandardCharsets.UTF_8);
        ConfigException e = assertThrows(ConfigException.class, () -> TerminalConfig.load(file));
        assertTrue(e.getMessage().startsWith("broken.conf line 4: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    @Test
    void aDuplicateKeyNamesBothLines() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.parse("dup.conf",
                "terminal.route = 101\n# later edit\n\nterminal.id = A\nterminal.route = 102\n"));
        assertEquals("dup.conf line 5: terminal.route is already set on line 1", e.getMessage());
    }

    @Test
    void theFirstUnknownKeyInFileOrderIsReported() {
        ConfigException e = assertThrows(ConfigException.class, () -> TerminalConfig.from(ConfigFile.parse("x.conf",
                "terminal.id = A\nfoo.bar = 1\nbaz = 2\n")));
        assertEquals("x.conf line 2: unknown key foo.bar", e.getMessage());
    }

    @Test
    void aMissingFileSaysItDoesNotExist() {
        Path missing = dir.resolve("nowhere.conf");
        ConfigException e = assertThrows(ConfigException.class, () -> TerminalConfig.load(missing));
        assertEquals(missing + ": does not exist", e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAsSuch() throws IOException {
        Path file = dir.resolve("latin1.conf");
        Files.write(file, "terminal.route = Stra\u00dfe\n".getBytes(StandardCharsets.ISO_8859_1));
        ConfigException e = assertThrows(ConfigException.class, () -> TerminalConfig.load(file));
        assertEquals(file + ": not UTF-8 text", e.getMessage());
    }
}
