package org.farebox.fare.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The distance part of a fare table: one matrix per distance-priced network and the distance-priced
 * products. See {@link DistanceFare} for how a leg rule's product becomes a distance fare.
 */
public final class DistanceFares {
    private static final DistanceFares NONE = new DistanceFares(List.of(), List.of());

    private final List<DistanceMatrix> matrices;
    private final List<DistanceFare> fares;
    private final Map<String, DistanceMatrix> matrixByNetwork = new HashMap<>();
    private final Map<String, DistanceFare> fareByProductAndCategory = new HashMap<>();
    private final java.util.Set<String> distanceProducts = new java.util.HashSet<>();

    public DistanceFares(List<DistanceMatrix> matrices, List<DistanceFare> fares) {
        this.matrices = List.copyOf(matrices);
        this.fares = List.copyOf(fares);
        for (DistanceMatrix m : this.matrices) {
            if (matrixByNetwork.put(m.networkId(), m) != null) {
                throw new IllegalArgumentException("two distance matrices for network " + m.networkId());
            }
        }
        for (DistanceFare f : this.fares) {
            if (fareByProductAndCategory.put(key(f.fareProductId(), f.riderCategoryId()), f) != null) {
                throw new IllegalArgumentException("two distance fares for product " + f.fareProductId()
                        + " and rider category '" + f.riderCategoryId() + "'");
            }
            distanceProducts.add(f.fareProductId());
        }
    }

    public static DistanceFares none() {
        return NONE;
    }

    public List<DistanceMatrix> matrices() {
        return matrices;
    }

    public List<DistanceFare> fares() {
        return fares;
    }

    public boolean isDistanceProduct(String fareProductId) {
        return distanceProducts.contains(fareProductId);
    }

    /** The distance fare of a product for a rider category, falling back to the any-category fare. */
    public Optional<DistanceFare> fare(String fareProductId, String riderCategoryId) {
        DistanceFare exact = fareByProductAndCategory.get(key(fareProductId, riderCategoryId));
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(fareByProductAndCategory.get(key(fareProductId, "")));
    }

    public Optional<DistanceMatrix> matrix(String networkId) {
        return Optional.ofNullable(matrixByNetwork.get(networkId));
    }

    private static String key(String productId, String categoryId) {
        return productId + '\u0000' + categoryId;
    }
}
