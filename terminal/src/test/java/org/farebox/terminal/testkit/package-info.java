/**
 * A validator on a test bench, so that terminal tests read like a passenger's story: {@link
 * org.farebox.terminal.testkit.TerminalBench} wires the real tap processor, SQLite ledger and deny list to a
 * virtual card field and a software SAM or virtual PSAM; {@link org.farebox.terminal.testkit.TestCards} issues
 * cards; {@link org.farebox.terminal.testkit.RowAssert} and {@link org.farebox.terminal.testkit.CardLedgerAssert}
 * check the ledger against the card.
 *
 * <p>Terms: a <b>torn</b> tap is one where the card left the field mid-command; a <b>grey</b> row is a purchase
 * whose outcome the terminal could not learn, left to the clearing host.
 */
package org.farebox.terminal.testkit;
