package org.farebox.fare.gtfs.feed;

/** fare_media.txt: 0 none (cash), 1 paper, 2 transit card, 3 cEMV, 4 mobile app ({@code type} -1: unreadable). */
public record FareMedia(Source src, String fareMediaId, String name, int type) {
}
