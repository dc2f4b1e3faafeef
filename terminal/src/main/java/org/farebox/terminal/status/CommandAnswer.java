package org.farebox.terminal.status;

import java.time.Instant;

/** The terminal's answer to an operator command, carried in its status: {@code result} is ok or failed. */
public record CommandAnswer(String id, String command, String result, String detail, Instant at) {
}
