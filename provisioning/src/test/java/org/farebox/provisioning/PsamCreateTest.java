package org.farebox.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.protocol.pboc.StatusWord;
import org.farebox.simulator.card.PsamProfile;
import org.farebox.simulator.card.VirtualPsam;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PsamCreateTest {
    @TempDir
    Path dir;

    private Path keys() {
        Path keys = dir.resolve("keys.conf");
        assertEquals(0, Cli.run("keys", "generate", "-o", keys.toString()).exitCode());
        return keys;
    }

    @Test
    void createdStateOpensAsAPsamThatSettlesAPurchaseAndKeepsItsSerial() throws Exception {
        Path keys = keys();
        Path state = dir.resolve("psam.json");
        Cli.Run run = Cli.run("psam", "create", "--keys", keys.toString(), "--terminal-number", "000051010007",
                "-o", state.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path card = dir.resolve("card.json");
        assertEquals(0, Cli.run("card", "issue", "--keys", keys.toString(), "--serial", "31045101000000000001",
                "--type", "adult", "--balance", "1000", "-o", card.toString()).exitCode());

        MasterKeys master = MasterKeys.parse(Files.readString(keys));
        PsamProfile profile = PsamProfile.of(Hex.parse("000051010007"), 1);
        VirtualPsam psam = VirtualPsam.open(master, profile, state);
        assertEquals(0, psam.lastTransactionSerial());
        ApduPurchase.Result r = ApduPurchase.run(VirtualTUnionCard.open(card), psam, 1, 200, false);
        assertEquals(StatusWord.OK, r.mac2Status());
        assertEquals(1, VirtualPsam.open(master, profile, state).lastTransactionSerial());
    }

    @Test
    void stateBelongsToItsTerminalNumber() throws Exception {
        Path keys = keys();
        Path state = dir.resolve("psam.json");
        assertEquals(0, Cli.run("psam", "create", "--keys", keys.toString(), "--terminal-number", "000051010007",
                "-o", state.toString()).exitCode());
        MasterKeys master = MasterKeys.parse(Files.readString(keys));
        assertThrows(IOException.class, () -> VirtualPsam.open(master, PsamProfile.of(Hex.parse("000051010008"), 1), state));
    }

    @Test
    void badTerminalNumberIsAUsageError() {
        Path state = dir.resolve("psam.json");
        Cli.Run run = Cli.run("psam", "create", "--keys", keys().toString(), "--terminal-number", "0000510100",
                "-o", state.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--terminal-number must be 12 hex digits"), run.err());
        assertFalse(Files.exists(state));
    }

    @Test
    void keyIndexTheKeysDoNotHaveFails() {
        Cli.Run run = Cli.run("psam", "create", "--keys", keys().toString(), "--terminal-number", "000051010007",
                "--key-index", "9", "-o", dir.resolve("psam.json").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no keys for key index 9"), run.err());
    }

    @Test
    void existingStateIsNotReplacedWithoutForceBecauseItsSerialWouldRestart() throws Exception {
        Path state = dir.resolve("psam.json");
        Files.writeString(state, "{\"format\":\"farebox-virtual-psam/1\",\"terminal_no\":\"000051010007\",\"last_serial\":41}\n");
        Cli.Run run = Cli.run("psam", "create", "--keys", keys().toString(), "--terminal-number", "000051010007",
                "-o", state.toString());
        assertEquals(1, run.exitCode());
        assertTrue(Files.readString(state).contains("41"));
    }
}
