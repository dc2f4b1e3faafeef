/**
 * Sync with the clearing host over MQTT: the ledger is the outbox, the {@link
 * org.farebox.terminal.sync.Uploader} sends its uncleared rows in batches and moves the cleared mark
 * when the clearing host acknowledges them; {@link org.farebox.terminal.sync.SyncService} owns the one
 * MQTT connection that the uploader and the other background parts share.
 *
 * <p>Terms used here:
 * <ul>
 * <li><b>batch</b>: consecutive ledger rows published as one QoS 1 message on the terminal's
 * {@code txn} topic ({@link org.farebox.protocol.sync.TxnBatch}).</li>
 * <li><b>ack</b>: the clearing host's answer on the terminal's {@code ack} topic naming the rows it now
 * holds durably ({@link org.farebox.protocol.sync.TxnAck}); a PUBACK from the broker is not an ack.</li>
 * <li><b>cleared mark</b>: the highest sequence up to which every row is acknowledged; kept in the
 * ledger, it only moves forward.</li>
 * <li><b>in flight</b>: batches published and not yet acknowledged; their number is bounded.</li>
 * </ul>
 */
package org.farebox.terminal.sync;
