package org.farebox.fare.extension;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the extension files say, validated and immutable: settings, caps, promotions, voucher products and
 * the card type → rider category mapping.
 */
public record FareExtensions(FareSettings settings, List<Cap> caps, List<Promotion> promotions,
        List<Voucher> vouchers, CardTypes cardTypes) {
    /** No caps, no promotions, no vouchers, no card types: a feed without extension files. */
    public static final FareExtensions NONE = new FareExtensions(FareSettings.DEFAULT, List.of(), List.of(), List.of());

    /** Without a card type mapping. */
    public FareExtensions(FareSettings settings, List<Cap> caps, List<Promotion> promotions, List<Voucher> vouchers) {
        this(settings, caps, promotions, vouchers, CardTypes.NONE);
    }

    /** Promotions in the order the evaluator tries them: priority descending, then promotion_id. */
    public FareExtensions {
        caps = List.copyOf(caps);
        promotions = promotions.stream()
                .sorted(Comparator.comparingInt(Promotion::priority).reversed()
                        .thenComparing(Promotion::promotionId))
                .toList();
        vouchers = List.copyOf(vouchers);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(cardTypes, "cardTypes");
    }

    public Optional<Voucher> voucher(String voucherId) {
        return vouchers.stream().filter(v -> v.voucherId().equals(voucherId)).findFirst();
    }

    /**
     * The ids the extension files use that the GTFS feed does not define, by file (the importer calls this with the
     * feed's rider_categories, networks, routes and fare_media ids once both are read).
     */
    public List<Problem> unknownReferences(Set<String> riderCategories, Set<String> networks, Set<String> routes,
            Set<String> fareMedia) {
        List<Problem> out = new ArrayList<>();
        for (Cap c : caps) {
            check(out, "farebox_caps.txt", "cap " + c.capId(), c.scope(), riderCategories, networks, routes, fareMedia);
        }
        for (Promotion p : promotions) {
            check(out, "farebox_promotions.txt", "promotion " + p.promotionId(), p.scope(), riderCategories, networks,
                    routes, fareMedia);
        }
        for (Voucher v : vouchers) {
            check(out, "farebox_vouchers.txt", "voucher " + v.voucherId(), v.scope(), riderCategories, networks,
                    routes, fareMedia);
        }
        cardTypes.sorted().forEach((type, category) -> {
            if (!riderCategories.contains(category)) {
                out.add(new Problem(CardTypeRows.FILE, 0, String.format("card type %02X: rider_category_id '%s' is "
                        + "not defined in the GTFS feed", type, category)));
            }
        });
        return out;
    }

    private static void check(List<Problem> out, String file, String what, Scope s, Set<String> riderCategories,
            Set<String> networks, Set<String> routes, Set<String> fareMedia) {
        Map<String, Function<Scope, String>> fields = Map.of("rider_category_id", Scope::riderCategoryId,
                "network_id", Scope::networkId, "route_id", Scope::routeId, "fare_media_id", Scope::fareMediaId);
        Map<String, Set<String>> known = Map.of("rider_category_id", riderCategories, "network_id", networks,
                "route_id", routes, "fare_media_id", fareMedia);
        for (String field : fields.keySet().stream().sorted().collect(Collectors.toList())) {
            String id = fields.get(field).apply(s);
            if (id != null && !known.get(field).contains(id)) {
                out.add(new Problem(file, 0, what + ": " + field + " '" + id + "' is not defined in the GTFS feed"));
            }
        }
    }
}
