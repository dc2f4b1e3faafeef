package org.farebox.fare.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fixture's expected.csv (format in fare/CONFORMANCE.md): one row per leg, then a total row. A leg's
 * expected_fen is a number or {@code unknown}; offers are product ids separated by spaces, {@code *} for
 * not checked (empty means no offer).
 */
record ExpectedJourney(List<Leg> legs, List<Optional<Long>> legFen, List<Optional<Set<String>>> offers,
        long totalFen) {
    static final String HEADER = "leg,departure,arrival,network_id,route_id,from_stop_id,to_stop_id,expected_fen,"
            + "offers";

    static ExpectedJourney read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalArgumentException(file + ": the header must be " + HEADER);
        }
        List<Leg> legs = new ArrayList<>();
        List<Optional<Long>> fen = new ArrayList<>();
        List<Optional<Set<String>>> offers = new ArrayList<>();
        Long total = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (c.length != 9) {
                throw new IllegalArgumentException(file + ": 9 columns expected in: " + line);
            }
            if (c[0].equals("total")) {
                total = Long.parseLong(c[7]);
                continue;
            }
            if (total != null || Integer.parseInt(c[0]) != legs.size() + 1) {
                throw new IllegalArgumentException(file + ": legs are numbered from 1 and precede the total: " + line);
            }
            legs.add(new Leg(c[3], c[4], c[5], c[6], Scenario.at(c[1]), Optional.of(Scenario.at(c[2])), "", ""));
            fen.add(c[7].equals("unknown") ? Optional.empty() : Optional.of(Long.parseLong(c[7])));
            offers.add(c[8].equals("*") ? Optional.empty() : Optional.of(c[8].isEmpty() ? Set.of()
                    : new TreeSet<>(Arrays.asList(c[8].split(" ")))));
        }
        if (total == null || legs.isEmpty()) {
            throw new IllegalArgumentException(file + ": needs at least one leg and a total row");
        }
        return new ExpectedJourney(List.copyOf(legs), List.copyOf(fen), List.copyOf(offers), total);
    }
}
