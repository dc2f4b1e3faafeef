package org.farebox.clearing.report;

import java.time.LocalDate;

/** The rows of one terminal on one day (in the report's time zone). */
public record TerminalDay(String terminalId, LocalDate day, Tally tally) {
}
