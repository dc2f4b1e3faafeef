package org.farebox.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.farebox.protocol.pboc.MasterKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysGenerateTest {
    @TempDir
    Path dir;

    @Test
    void generatedKeyFileParsesWithTheRequestedIndexVersionAndLevels() throws Exception {
        Path file = dir.resolve("keys.conf");
        Cli.Run run = Cli.run("keys", "generate", "-o", file.toString(), "--levels", "2", "--key-index", "3",
                "--key-version", "7");
        assertEquals(0, run.exitCode(), run.err());
        MasterKeys keys = MasterKeys.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(2, keys.diversificationLevels());
        assertEquals(java.util.Set.of(3), keys.keySets().keySet());
        assertEquals(7, keys.keySet(3).version());
    }

    @Test
    void keyFileIsCreatedWithMode0600() throws Exception {
        Path file = dir.resolve("keys.conf");
        assertEquals(0, Cli.run("keys", "generate", "-o", file.toString()).exitCode());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void twoRunsGiveDifferentKeys() throws Exception {
        Path a = dir.resolve("a.conf");
        Path b = dir.resolve("b.conf");
        Cli.run("keys", "generate", "-o", a.toString());
        Cli.run("keys", "generate", "-o", b.toString());
        MasterKeys ka = MasterKeys.parse(Files.readString(a));
        MasterKeys kb = MasterKeys.parse(Files.readString(b));
        assertFalse(java.util.Arrays.equals(ka.keySet(1).purchase(), kb.keySet(1).purchase()));
    }

    @Test
    void existingFileIsNotOverwrittenWithoutForce() throws Exception {
        Path file = dir.resolve("keys.conf");
        Files.writeString(file, "precious\n");
        Cli.Run run = Cli.run("keys", "generate", "-o", file.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("already exists") && run.err().contains("--force"), run.err());
        assertEquals("precious\n", Files.readString(file));
    }

    @Test
    void forceReplacesAnExistingFileAndLeavesItPrivate() throws Exception {
        Path file = dir.resolve("keys.conf");
        Files.writeString(file, "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, Cli.run("keys", "generate", "-o", file.toString(), "--force").exitCode());
        assertNotEquals("old\n", Files.readString(file));
        MasterKeys.parse(Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void badLevelsIsAUsageErrorAndWritesNothing() {
        Path file = dir.resolve("keys.conf");
        Cli.Run run = Cli.run("keys", "generate", "-o", file.toString(), "--levels", "3");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--levels must be 1 or 2"), run.err());
        assertFalse(Files.exists(file));
    }

    @Test
    void keyIndexAboveOneByteIsAUsageError() {
        Cli.Run run = Cli.run("keys", "generate", "-o", dir.resolve("k").toString(), "--key-index", "256");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--key-index must be 0..255"), run.err());
    }

    @Test
    void missingOutputIsAUsageErrorThatPointsAtHelp() {
        Cli.Run run = Cli.run("keys", "generate");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--output"), run.err());
        assertTrue(run.err().contains("keys generate --help"), run.err());
    }

    @Test
    void missingFolderIsReportedWithWhatToDo() {
        Cli.Run run = Cli.run("keys", "generate", "-o", dir.resolve("no/such/keys.conf").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("does not exist") && run.err().contains("mkdir -p"), run.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] cmd : new String[][] {{}, {"keys"}, {"keys", "generate"}, {"card"}, {"card", "issue"},
                {"card", "show"}, {"psam"}, {"psam", "create"}, {"faretable"}, {"faretable", "check"}}) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            args[cmd.length] = "--help";
            Cli.Run run = Cli.run(args);
            assertEquals(0, run.exitCode(), String.join(" ", args));
            assertTrue(run.out().startsWith("Usage: farebox-provision"), run.out());
        }
    }

    @Test
    void aGroupWithoutSubcommandIsAUsageError() {
        Cli.Run run = Cli.run("card");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("issue or show"), run.err());
    }
}
