package org.farebox.terminal.settle;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The parts of the configuration a tap needs. */
public record TapSettings(String terminalId, String route, int stop, ZoneId zone, boolean capp,
        List<String> acceptedIssuers, List<Integer> supportedAlgorithms, Duration retapWindow) {
    public TapSettings {
        acceptedIssuers = List.copyOf(acceptedIssuers);
        supportedAlgorithms = List.copyOf(supportedAlgorithms);
    }
}
