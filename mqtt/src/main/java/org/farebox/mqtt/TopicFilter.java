package org.farebox.mqtt;

/** MQTT topic filter matching ({@code +}, {@code #}, and {@code $share/<group>/} prefixes). */
public final class TopicFilter {
    private TopicFilter() {
    }

    /** True when {@code topic} matches {@code filter} as a broker would route it. */
    public static boolean matches(String filter, String topic) {
        String f = unshared(filter);
        String[] fp = f.split("/", -1);
        String[] tp = topic.split("/", -1);
        if (topic.startsWith("$") && (fp[0].equals("+") || fp[0].equals("#"))) {
            return false;
        }
        for (int i = 0; i < fp.length; i++) {
            if (fp[i].equals("#")) {
                return true;
            }
            if (i >= tp.length) {
                return false;
            }
            if (!fp[i].equals("+") && !fp[i].equals(tp[i])) {
                return false;
            }
        }
        return fp.length == tp.length;
    }

    /** The filter without a {@code $share/<group>/} prefix. */
    public static String unshared(String filter) {
        if (filter.startsWith("$share/")) {
            int slash = filter.indexOf('/', "$share/".length());
            return slash < 0 ? filter : filter.substring(slash + 1);
        }
        return filter;
    }
}
