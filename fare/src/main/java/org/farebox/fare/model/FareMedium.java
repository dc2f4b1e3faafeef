package org.farebox.fare.model;

/**
 * A fare medium (fare_media.txt). Type: 0 none (cash), 1 paper ticket, 2 physical transit card (T-Union),
 * 3 cEMV, 4 mobile app (QR ride code).
 */
public record FareMedium(String id, String name, int type) {
    public static final int NONE = 0;
    public static final int PAPER_TICKET = 1;
    public static final int TRANSIT_CARD = 2;
    public static final int CEMV = 3;
    public static final int MOBILE_APP = 4;

    public FareMedium {
        Check.id(id, "fare_media_id");
        Check.text(name, "fare_media_name");
        if (type < NONE || type > MOBILE_APP) {
            throw new IllegalArgumentException("fare_media_type must be 0..4, got " + type);
        }
    }
}
