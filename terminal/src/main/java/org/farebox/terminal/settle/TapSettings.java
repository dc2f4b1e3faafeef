package org.farebox.terminal.settle;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The parts of the configuration a tap needs. {@code stopId} is the terminal's GTFS stop id (fare tables);
 * {@code passbackWindow} is how long a second tap of a card already paid here is not charged again (zero: off).
 */
public record TapSettings(String terminalId, String route, int stop, String stopId, ZoneId zone, boolean capp,
        List<String> acceptedIssuers, List<Integer> supportedAlgorithms, Duration retapWindow,
        Duration passbackWindow) {
    /** The default anti-passback window. */
    public static final Duration DEFAULT_PASSBACK = Duration.ofSeconds(30);

    public TapSettings {
        acceptedIssuers = List.copyOf(acceptedIssuers);
        supportedAlgorithms = List.copyOf(supportedAlgorithms);
        Objects.requireNonNull(stopId, "stopId");
        Objects.requireNonNull(passbackWindow, "passbackWindow");
        if (passbackWindow.isNegative()) {
            throw new IllegalArgumentException("the passback window must not be negative");
        }
    }

    /** Settings whose GTFS stop id is the numeric stop and with the default passback window. */
    public TapSettings(String terminalId, String route, int stop, ZoneId zone, boolean capp,
            List<String> acceptedIssuers, List<Integer> supportedAlgorithms, Duration retapWindow) {
        this(terminalId, route, stop, Integer.toString(stop), zone, capp, acceptedIssuers, supportedAlgorithms,
                retapWindow, DEFAULT_PASSBACK);
    }
}
