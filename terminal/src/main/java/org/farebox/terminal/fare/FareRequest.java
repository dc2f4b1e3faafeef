package org.farebox.terminal.fare;

import java.time.ZonedDateTime;
import org.farebox.protocol.pboc.JourneyRecord;

/** What is known at a tap for pricing it: where, when, which card type, and the card's journey state. */
public record FareRequest(String route, int stop, ZonedDateTime time, int cardType, JourneyRecord journey) {
}
