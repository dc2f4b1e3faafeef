package org.farebox.protocol.sync;

import java.util.List;
import java.util.Map;

/** Typed, strict access to the fields of a parsed JSON object; every miss names the field. */
final class JsonFields {
    private final Map<String, Object> map;
    private final String where;

    JsonFields(Map<String, Object> map, String where) {
        this.map = map;
        this.where = where;
    }

    String string(String key, int maxLength) throws SyncFormatException {
        Object v = map.get(key);
        if (!(v instanceof String)) {
            throw missing(key, "a string");
        }
        String s = (String) v;
        if (s.length() > maxLength) {
            throw new SyncFormatException(where + ": '" + key + "' is longer than " + maxLength + " characters");
        }
        return s;
    }

    long number(String key) throws SyncFormatException {
        Object v = map.get(key);
        if (!(v instanceof Long)) {
            throw missing(key, "an integer");
        }
        return (Long) v;
    }

    int int32(String key) throws SyncFormatException {
        long v = number(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new SyncFormatException(where + ": '" + key + "' does not fit 32 bits");
        }
        return (int) v;
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String key) throws SyncFormatException {
        Object v = map.get(key);
        if (!(v instanceof List)) {
            throw missing(key, "an array");
        }
        return (List<Object>) v;
    }

    private SyncFormatException missing(String key, String type) {
        return new SyncFormatException(where + ": '" + key + "' must be " + type
                + (map.containsKey(key) ? "" : " (missing)"));
    }
}
