package org.farebox.fare.gtfs.feed;

/**
 * fare_transfer_rules.txt: what a transfer between two leg groups costs. Null integers were absent (or
 * unreadable, which is reported); {@code fareTransferType} is -1 when unreadable.
 */
public record FareTransferRule(Source src, String fromLegGroupId, String toLegGroupId, Integer transferCount,
        Integer durationLimit, Integer durationLimitType, int fareTransferType, String fareProductId) {
}
