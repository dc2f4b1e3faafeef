package org.farebox.fare.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Station-to-station distances in metres for one network, as a full matrix (a flat int array, so a
 * 1,000-station network costs 4 MB and a lookup is two hash probes and an index). Stations are the ids
 * the leg's stops resolve to: a platform not listed here is looked up by its parent station.
 * Unknown pairs hold {@link #UNKNOWN}.
 */
public final class DistanceMatrix {
    public static final int UNKNOWN = -1;

    private final String networkId;
    private final List<String> stationIds;
    private final Map<String, Integer> indexOf;
    private final int[] metres;

    /** {@code metres} is row-major, n by n, for the stations in {@code stationIds}. */
    public DistanceMatrix(String networkId, List<String> stationIds, int[] metres) {
        this.networkId = Check.id(networkId, "network_id");
        this.stationIds = List.copyOf(stationIds);
        int n = this.stationIds.size();
        Objects.requireNonNull(metres, "metres must not be null");
        if (metres.length != n * n) {
            throw new IllegalArgumentException("distance matrix for " + networkId + " needs " + n * n
                    + " cells, got " + metres.length);
        }
        this.metres = metres.clone();
        for (int m : this.metres) {
            if (m < UNKNOWN) {
                throw new IllegalArgumentException("distance matrix for " + networkId + " has a negative distance");
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (index.put(Check.id(this.stationIds.get(i), "station id"), i) != null) {
                throw new IllegalArgumentException("station " + this.stationIds.get(i) + " listed twice");
            }
        }
        this.indexOf = Map.copyOf(index);
    }

    /** A matrix for stations on one line, from each station's position along it (its chainage in metres). */
    public static DistanceMatrix ofLinePositions(String networkId, LinkedHashMap<String, Integer> positionMetres) {
        List<String> ids = List.copyOf(positionMetres.keySet());
        int n = ids.size();
        int[] cells = new int[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cells[i * n + j] = Math.abs(positionMetres.get(ids.get(i)) - positionMetres.get(ids.get(j)));
            }
        }
        return new DistanceMatrix(networkId, ids, cells);
    }

    public String networkId() {
        return networkId;
    }

    public List<String> stationIds() {
        return stationIds;
    }

    public boolean contains(String stationId) {
        return indexOf.containsKey(stationId);
    }

    /** The distance between two listed stations, or empty when either is unlisted or the pair is unknown. */
    public OptionalInt metresBetween(String fromStationId, String toStationId) {
        Integer i = indexOf.get(fromStationId);
        Integer j = indexOf.get(toStationId);
        if (i == null || j == null) {
            return OptionalInt.empty();
        }
        int m = metres[i * stationIds.size() + j];
        return m == UNKNOWN ? OptionalInt.empty() : OptionalInt.of(m);
    }
}
