package org.farebox.protocol.sync;

import java.util.Optional;
import java.util.regex.Pattern;

/** The MQTT topic names of one operator's fleet (see ARCHITECTURE.md, "MQTT topics"). */
public final class Topics {


    /**
     * The shared txn filter for a named group. Mosquitto's ACL file cannot restrict SUBSCRIBE, so a
     * terminal that knows the group name could join it and be dealt other terminals' batches (which it
     * would drop: terminals resend, but throughput suffers). A deployment keeps its group name private.
     */
    public static String sharedTxnFilter(String group) {
        return "$share/" + requireId(group, "share group") + "/farebox/v1/+/terminal/+/txn";
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    /** The clearing hosts' shared-subscription group when the deployment names none. */
    public static final String DEFAULT_SHARE_GROUP = "clearing";
    /** What clearing hosts subscribe to: every terminal's batches of every operator, load-shared. */
    public static final String SHARED_TXN_FILTER = sharedTxnFilter(DEFAULT_SHARE_GROUP);
    private static final String ROOT = "farebox/v1/";

    private final String operator;

    public Topics(String operator) {
        this.operator = requireId(operator, "operator id");
    }

    /** Refuses ids that would break a topic (wildcards, separators, empty) with a clear message. */
    public static String requireId(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " '" + id + "' must be 1-32 letters, digits, '.', '_' or '-'");
        }
        return id;
    }

    /** Like {@link #requireId} but for parsers: a bad id is a format error. */
    static String requireIdOr(String id, String what) throws SyncFormatException {
        if (id == null || !ID.matcher(id).matches()) {
            throw new SyncFormatException(what + " '" + id + "' is not a valid id");
        }
        return id;
    }

    public String operator() {
        return operator;
    }

    public String txn(String terminalId) {
        return terminal(terminalId, "txn");
    }

    public String ack(String terminalId) {
        return terminal(terminalId, "ack");
    }

    public String status(String terminalId) {
        return terminal(terminalId, "status");
    }

    public String cmd(String terminalId) {
        return terminal(terminalId, "cmd");
    }

    /** Every terminal's status, for operators watching the fleet. */
    public String allStatus() {
        return ROOT + operator + "/terminal/+/status";
    }

    public String fleetFareTable() {
        return ROOT + operator + "/fleet/faretable";
    }

    public String fleetDenyList() {
        return ROOT + operator + "/fleet/denylist";
    }

    public String fleetKeys() {
        return ROOT + operator + "/fleet/keys";
    }

    private String terminal(String terminalId, String leaf) {
        return ROOT + operator + "/terminal/" + requireId(terminalId, "terminal id") + "/" + leaf;
    }

    /** Operator, terminal and leaf of a per-terminal topic; empty for anything else. */
    public static Optional<TerminalTopic> parseTerminalTopic(String topic) {
        if (topic == null || !topic.startsWith(ROOT)) {
            return Optional.empty();
        }
        String[] parts = topic.substring(ROOT.length()).split("/", -1);
        if (parts.length != 4 || !parts[1].equals("terminal") || !ID.matcher(parts[0]).matches()
                || !ID.matcher(parts[2]).matches() || parts[3].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TerminalTopic(parts[0], parts[2], parts[3]));
    }

    /** A parsed {@code farebox/v1/{operator}/terminal/{terminalId}/{leaf}} topic. */
    public record TerminalTopic(String operator, String terminalId, String leaf) {
    }
}
