package org.farebox.fare.model;

/**
 * One row of fare_products.txt. The same product id may repeat with another rider category or medium
 * and another price. An empty rider category means any category; an empty medium means any medium.
 * The amount is fen and may be zero or negative (a transfer discount).
 */
public record FareProduct(String id, String name, String riderCategoryId, String fareMediaId, long amountFen,
        String currency) {
    public FareProduct {
        Check.id(id, "fare_product_id");
        Check.text(name, "fare_product_name");
        Check.optional(riderCategoryId, "rider_category_id");
        Check.optional(fareMediaId, "fare_media_id");
        Check.id(currency, "currency");
    }

    /** A product for any rider and any medium. */
    public static FareProduct of(String id, long amountFen, String currency) {
        return new FareProduct(id, id, "", "", amountFen, currency);
    }
}
