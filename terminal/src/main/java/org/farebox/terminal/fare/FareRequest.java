package org.farebox.terminal.fare;

import java.time.ZonedDateTime;
import org.farebox.protocol.pboc.JourneyRecord;

/**
 * What is known at a tap for pricing it: where (route, the numeric stop written on the card, the GTFS stop id),
 * when, which card type, and the card's journey record (null when the terminal does not read it).
 */
public record FareRequest(String route, int stop, String stopId, ZonedDateTime time, int cardType,
        JourneyRecord journey) {
    /** A request whose GTFS stop id is the numeric stop as text. */
    public FareRequest(String route, int stop, ZonedDateTime time, int cardType, JourneyRecord journey) {
        this(route, stop, Integer.toString(stop), time, cardType, journey);
    }
}
