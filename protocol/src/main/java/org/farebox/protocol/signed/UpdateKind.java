package org.farebox.protocol.signed;

import java.util.Optional;

/** What a signed operator message carries; the wire name is also the last topic level. */
public enum UpdateKind {
    FARE_TABLE("faretable"), DENY_LIST("denylist"), KEYS("keys"), COMMAND("cmd");

    private final String wireName;

    UpdateKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<UpdateKind> fromWire(String name) {
        for (UpdateKind k : values()) {
            if (k.wireName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
