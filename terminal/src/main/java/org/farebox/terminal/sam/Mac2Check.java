package org.farebox.terminal.sam;

/** Result of checking the card's MAC2: unavailable when the SAM session that could check it is gone. */
public enum Mac2Check { VALID, INVALID, UNAVAILABLE }
