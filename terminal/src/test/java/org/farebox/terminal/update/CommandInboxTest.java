package org.farebox.terminal.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.farebox.protocol.signed.RejectReason;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.farebox.terminal.status.CommandAnswer;
import org.farebox.terminal.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandInboxTest {
    @TempDir
    Path dir;
    private final Operator operator = new Operator();
    private final UpdateGate gate = operator.gate("T1");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
    private final AtomicInteger flushes = new AtomicInteger();
    private final CommandActions actions = new CommandActions() {
        @Override
        public String flushBacklog() {
            return "queued " + flushes.incrementAndGet();
        }

        @Override
        public String reloadConfig() throws Exception {
            throw new IllegalStateException("terminal.conf line 4: bad value");
        }
    };

    private CommandAnswer run(CommandInbox inbox, byte[] message) throws UpdateRejectedException {
        return inbox.handle(gate.check(UpdateKind.COMMAND, message));
    }

    @Test
    void commandRunsOnceAndItsReplayIsRefusedEvenAfterARestart() throws Exception {
        CommandInbox inbox = new CommandInbox(actions, dir, clock);
        byte[] flush = operator.command("T1", 5, "flush", "op-1");
        CommandAnswer a = run(inbox, flush);
        assertEquals(new CommandAnswer("op-1", "flush", "ok", "queued 1", clock.instant()), a);
        assertEquals(RejectReason.STALE, assertThrows(UpdateRejectedException.class, () -> run(inbox, flush)).reason());
        CommandInbox restarted = new CommandInbox(actions, dir, clock);
        assertEquals(5, restarted.version());
        assertEquals(RejectReason.STALE, assertThrows(UpdateRejectedException.class, () -> run(restarted, flush)).reason());
        assertEquals(RejectReason.STALE, assertThrows(UpdateRejectedException.class,
                () -> run(restarted, operator.command("T1", 4, "flush", "op-0"))).reason());
        assertEquals(1, flushes.get());
        assertEquals("ok", run(restarted, operator.command("T1", 6, "status", "op-2")).result());
    }

    @Test
    void failingActionIsAnsweredFailedWithItsMessage() throws Exception {
        CommandAnswer a = run(new CommandInbox(actions, dir, clock), operator.command("T1", 1, "reload", "r"));
        assertEquals("failed", a.result());
        assertEquals("terminal.conf line 4: bad value", a.detail());
    }

    @Test
    void unknownCommandOrCommandForAnotherTerminalRunsNothing() throws Exception {
        CommandInbox inbox = new CommandInbox(actions, dir, clock);
        assertEquals(RejectReason.INVALID_PAYLOAD, assertThrows(UpdateRejectedException.class,
                () -> run(inbox, operator.command("T1", 1, "reboot", "x"))).reason());
        assertEquals(RejectReason.WRONG_TARGET, assertThrows(UpdateRejectedException.class,
                () -> run(inbox, operator.command("T2", 2, "flush", "x"))).reason());
        assertEquals(0, flushes.get());
        assertEquals(0, inbox.version());
    }
}
