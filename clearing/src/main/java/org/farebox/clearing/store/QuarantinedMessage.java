package org.farebox.clearing.store;

import java.time.Instant;

/**
 * A message kept in quarantine: the first {@link ClearingStore#QUARANTINE_KEEP_BYTES} bytes of what
 * arrived on a txn topic, with why it could not be stored as rows.
 *
 * @param terminalId "" when the topic named no valid terminal
 * @param length     the full length of the message as received
 */
public record QuarantinedMessage(long id, String topic, String terminalId, String error, long length, byte[] payload,
        Instant receivedAt) {
}
