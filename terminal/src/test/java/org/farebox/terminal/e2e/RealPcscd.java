package org.farebox.terminal.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.farebox.simulator.vpcd.PcscdProbe;
import org.farebox.simulator.vpcd.VpcdBridge;
import org.junit.jupiter.api.Assumptions;

/**
 * The rules for tests on the machine's real pcscd with vpcd: skip without it, fail without it when CI=true,
 * and one test at a time on vpcd's two readers, even across JVMs (other test runs share the one pcscd).
 */
final class RealPcscd {
    /** Other Farebox test JVMs that take this lock wait for us, and we for them. */
    static final Path LOCK_FILE = Path.of(System.getProperty("java.io.tmpdir"), "farebox-vpcd.lock");

    private RealPcscd() {
    }

    /** Returns when pcscd lists both vpcd readers; otherwise skips the test, or fails it when CI=true. */
    static void requireOrSkip() {
        for (String reader : List.of(VpcdBridge.FIELD_READER, VpcdBridge.SAM_READER)) {
            decide(PcscdProbe.whyUnavailable(reader), PcscdProbe.requiredByCi());
        }
    }

    static void decide(Optional<String> problem, boolean requiredByCi) {
        if (problem.isEmpty()) {
            return;
        }
        if (requiredByCi) {
            fail("CI=true, so this test needs pcscd with the vpcd readers, but " + problem.get());
        }
        Assumptions.assumeTrue(false, "skipped: " + problem.get());
    }

    /** Exclusive use of vpcd's two readers, across JVMs, until closed. */
    static final class Lease implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lease(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            lock.release();
            channel.close();
        }
    }

    /** Takes the lease, waiting up to {@code wait} for another test run; both readers are empty when it returns. */
    static Lease lease(Duration wait) throws IOException, InterruptedException, CardException {
        FileChannel channel = FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + wait.toNanos();
        FileLock lock;
        while ((lock = channel.tryLock()) == null) {
            if (System.nanoTime() > deadline) {
                channel.close();
                fail("another test run holds " + LOCK_FILE + " (vpcd) for more than " + wait.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
        Lease lease = new Lease(channel, lock);
        for (String reader : List.of(VpcdBridge.FIELD_READER, VpcdBridge.SAM_READER)) {
            if (!terminal(reader).waitForCardAbsent(10_000)) {
                lease.close();
                fail("a card stays in " + reader + ": something outside this test uses vpcd; stop it and run again");
            }
        }
        return lease;
    }

    static CardTerminal terminal(String name) {
        try {
            return TerminalFactory.getInstance("PC/SC", null).terminals().getTerminal(name);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no PC/SC provider although pcscd answered", e);
        }
    }

    /** pcscd notices a vpcd card in ~200 ms and its removal in ~400 ms (LAB-NOTES): wait, do not sleep. */
    static void awaitPresent(String reader, Duration timeout) throws CardException {
        assertTrue(terminal(reader).waitForCardPresent(timeout.toMillis()),
                "pcscd did not see the card in " + reader + " within " + timeout.toMillis() + " ms");
    }

    static void awaitAbsent(String reader, Duration timeout) throws CardException {
        assertTrue(terminal(reader).waitForCardAbsent(timeout.toMillis()),
                "pcscd still sees a card in " + reader + " after " + timeout.toMillis() + " ms");
    }
}
