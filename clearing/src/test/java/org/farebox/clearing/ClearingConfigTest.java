package org.farebox.clearing;

import org.farebox.protocol.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClearingConfigTest {

    @Test
    void emptyFileGivesTheDefaults() {
        ClearingConfig c = ClearingConfig.parse("clearing.conf", "# nothing\n");

        assertEquals("tcp://127.0.0.1:1883", c.broker());
        assertEquals("jdbc:sqlite:/var/lib/farebox/clearing.db", c.jdbcUrl());
        assertEquals(ZoneId.of("Asia/Shanghai"), c.reportZone());
        assertTrue(c.clientId().startsWith("clearing-"), c.clientId());
        assertEquals(0, c.haltAfterStore());
        assertEquals(7 * 24 * 3600, c.sessionExpirySeconds());
        assertTrue(c.isSqlite());
    }

    @Test
    void everyKeyIsRead() {
        ClearingConfig c = ClearingConfig.parse("clearing.conf", String.join("\n",
                "mqtt.broker = ssl://broker.example:8883",
                "mqtt.client_id = clearing-1",
                "mqtt.tls.ca = /etc/farebox/ca.crt",
                "mqtt.tls.cert = /etc/farebox/clearing.crt",
                "mqtt.tls.key = /etc/farebox/clearing.key",
                "mqtt.session_expiry_s = 600",
                "store.jdbc_url = jdbc:postgresql://db/clearing",
                "store.user = clearing",
                "store.password = s3cret#1",
                "report.timezone = UTC",
                "debug.halt_after_store = 4"));

        assertEquals("ssl://broker.example:8883", c.broker());
        assertEquals("clearing-1", c.clientId());
        assertEquals(Optional.of(Path.of("/etc/farebox/clearing.key")), c.tlsKey());
        assertEquals(600, c.sessionExpirySeconds());
        assertEquals("clearing", c.storeUser());
        assertEquals("s3cret#1", c.storePassword(), "a # inside a value is not a comment");
        assertEquals(ZoneId.of("UTC"), c.reportZone());
        assertEquals(4, c.haltAfterStore());
        assertTrue(!c.isSqlite());
    }

    @Test
    void unknownKeyIsAnErrorNamingItsLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ClearingConfig.parse("clearing.conf", "mqtt.broker = tcp://h:1883\nstore.url = x\n"));

        assertEquals("clearing.conf line 2: unknown key store.url", e.getMessage());
    }

    @Test
    void badValuesAreErrorsNamingLineAndKey() {
        assertEquals("c line 1: store.jdbc_url: must start with jdbc:sqlite: or jdbc:postgresql:, got 'jdbc:mysql://x'",
                assertThrows(ConfigException.class, () -> ClearingConfig.parse("c", "store.jdbc_url = jdbc:mysql://x"))
                        .getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> ClearingConfig.parse("c",
                "store.jdbc_url = jdbc:sqlite::memory:")).getMessage().contains("needs a file"));
        assertTrue(assertThrows(ConfigException.class, () -> ClearingConfig.parse("c", "\nmqtt.broker = localhost"))
                .getMessage().startsWith("c line 2: mqtt.broker:"));
        assertTrue(assertThrows(ConfigException.class, () -> ClearingConfig.parse("c", "report.timezone = Mars/Base"))
                .getMessage().startsWith("c line 1: report.timezone:"));
        assertTrue(assertThrows(ConfigException.class, () -> ClearingConfig.parse("c", "debug.halt_after_store = -1"))
                .getMessage().contains("must be 0 (off)"));
        assertTrue(assertThrows(ConfigException.class, () -> ClearingConfig.parse("c", "mqtt.client_id = a/b"))
                .getMessage().startsWith("c line 1: mqtt.client_id:"));
    }

    @Test
    void tlsSettingsMustFitTogether() {
        assertTrue(assertThrows(ConfigException.class, () -> ClearingConfig.parse("c",
                "mqtt.broker = ssl://h:8883\nmqtt.tls.ca = ca.crt\nmqtt.tls.cert = c.crt"))
                .getMessage().contains("go together"));
        assertTrue(assertThrows(ConfigException.class, () -> ClearingConfig.parse("c", "mqtt.broker = ssl://h:8883"))
                .getMessage().contains("mqtt.tls.ca is needed"));
        assertTrue(assertThrows(ConfigException.class, () -> ClearingConfig.parse("c", "mqtt.tls.ca = ca.crt"))
                .getMessage().contains("not ssl://"));
    }

    @Test
    void missingFileIsAnErrorNamingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> ClearingConfig.read(Path.of("/nonexistent/c.conf")));

        assertEquals("/nonexistent/c.conf: does not exist", e.getMessage());
    }
}
