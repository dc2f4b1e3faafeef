package org.farebox.fare.gtfs.feed;

/**
 * fare_products.txt: a priced product; "" category or medium means any/unknown. The amount stays text until
 * validation has checked it against the currency's decimals ({@link Money}).
 */
public record FareProduct(Source src, String fareProductId, String name, String riderCategoryId,
        String fareMediaId, String amount, String currency) {
}
