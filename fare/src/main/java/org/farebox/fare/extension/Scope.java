package org.farebox.fare.extension;

/**
 * Which legs a cap, promotion or voucher applies to. A null field does not constrain (empty in the file = all);
 * a set field must equal the leg's value.
 */
public record Scope(String riderCategoryId, String networkId, String routeId, String fareMediaId) {
    /** Applies to every leg. */
    public static final Scope ALL = new Scope(null, null, null, null);

    public Scope {
        riderCategoryId = blankToNull(riderCategoryId);
        networkId = blankToNull(networkId);
        routeId = blankToNull(routeId);
        fareMediaId = blankToNull(fareMediaId);
    }

    public boolean matches(PricedLeg leg) {
        return same(riderCategoryId, leg.riderCategoryId()) && same(networkId, leg.networkId())
                && same(routeId, leg.routeId()) && same(fareMediaId, leg.fareMediaId());
    }

    /** How many fields are set: the more, the more specific. */
    int specificity() {
        return (riderCategoryId == null ? 0 : 1) + (networkId == null ? 0 : 1) + (routeId == null ? 0 : 1)
                + (fareMediaId == null ? 0 : 1);
    }

    private static boolean same(String rule, String leg) {
        return rule == null || rule.equals(leg);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
