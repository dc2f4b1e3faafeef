package org.farebox.terminal.testkit;

/** Which SAM a {@link TerminalBench} uses: the software SAM, or a virtual PSAM reached through PC/SC. */
public enum SamKind {
    /** {@link org.farebox.terminal.sam.SoftSam} with the bench's master keys: it can check MAC2 at any time. */
    SOFT,
    /** {@link org.farebox.terminal.sam.PcscPsam} talking to a VirtualPsam in the bench's SAM slot: one MAC2 session. */
    PSAM
}
