package org.farebox.fare.gtfs.distance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.farebox.fare.gtfs.feed.FareProduct;
import org.farebox.fare.gtfs.feed.Money;
import org.farebox.fare.model.DistanceBand;
import org.farebox.fare.model.DistanceFare;
import org.farebox.fare.model.DistanceFares;
import org.farebox.fare.model.DistanceMatrix;

/**
 * Turns validated distance files into the model's {@link DistanceFares}: the segments of a network become a
 * graph whose shortest paths fill the station-to-station matrix (as Chinese metros price by the shortest
 * track distance), and band rows become {@link DistanceFare}s.
 */
public final class DistanceCompiler {
    public DistanceFares compile(DistanceFeed feed, List<FareProduct> products) {
        if (feed.isEmpty()) {
            return DistanceFares.none();
        }
        Map<String, List<TrackSegment>> byNetwork = new LinkedHashMap<>();
        feed.segments().forEach(s -> byNetwork.computeIfAbsent(s.networkId(), k -> new ArrayList<>()).add(s));
        List<DistanceMatrix> matrices = new ArrayList<>();
        byNetwork.forEach((network, segments) -> matrices.add(matrix(network, segments)));

        Map<String, String> currencyOf = new HashMap<>();
        products.forEach(x -> currencyOf.putIfAbsent(x.fareProductId(), x.currency()));
        Map<List<String>, List<DistanceBandRow>> groups = new LinkedHashMap<>();
        feed.bands().forEach(b -> groups.computeIfAbsent(List.of(b.fareProductId(), b.riderCategoryId()),
                k -> new ArrayList<>()).add(b));
        List<DistanceFare> fares = new ArrayList<>();
        groups.forEach((key, rows) -> {
            List<DistanceBand> bands = rows.stream()
                    .sorted(Comparator.comparingInt(r -> r.upToMetres() == null ? Integer.MAX_VALUE : r.upToMetres()))
                    .map(r -> new DistanceBand(r.upToMetres() == null ? DistanceBand.NO_LIMIT : r.upToMetres(),
                            Money.toMinor(r.amount(), currencyOf.get(r.fareProductId()))))
                    .toList();
            fares.add(new DistanceFare(key.get(0), key.get(1), rows.get(0).networkId(), bands));
        });
        return new DistanceFares(matrices, fares);
    }

    /** All-pairs shortest track distance by Dijkstra from every station; unreachable pairs stay unknown. */
    static DistanceMatrix matrix(String network, List<TrackSegment> segments) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (TrackSegment s : segments) {
            index.putIfAbsent(s.fromStopId(), index.size());
            index.putIfAbsent(s.toStopId(), index.size());
        }
        int n = index.size();
        List<List<int[]>> edges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            edges.add(new ArrayList<>());
        }
        for (TrackSegment s : segments) {
            int a = index.get(s.fromStopId());
            int b = index.get(s.toStopId());
            edges.get(a).add(new int[] {b, s.metres()});
            edges.get(b).add(new int[] {a, s.metres()});
        }
        int[] cells = new int[n * n];
        long[] dist = new long[n];
        for (int source = 0; source < n; source++) {
            shortestFrom(source, edges, dist);
            for (int j = 0; j < n; j++) {
                cells[source * n + j] = dist[j] > Integer.MAX_VALUE - 1 ? DistanceMatrix.UNKNOWN : (int) dist[j];
            }
        }
        return new DistanceMatrix(network, new ArrayList<>(index.keySet()), cells);
    }

    private static void shortestFrom(int source, List<List<int[]>> edges, long[] dist) {
        Arrays.fill(dist, Long.MAX_VALUE);
        dist[source] = 0;
        PriorityQueue<long[]> queue = new PriorityQueue<>(Comparator.comparingLong(e -> e[0]));
        queue.add(new long[] {0, source});
        while (!queue.isEmpty()) {
            long[] head = queue.poll();
            int node = (int) head[1];
            if (head[0] > dist[node]) {
                continue;
            }
            for (int[] e : edges.get(node)) {
                long d = head[0] + e[1];
                if (d < dist[e[0]]) {
                    dist[e[0]] = d;
                    queue.add(new long[] {d, e[0]});
                }
            }
        }
    }
}
