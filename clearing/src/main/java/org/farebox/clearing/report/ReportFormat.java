package org.farebox.clearing.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.farebox.protocol.json.Json;

/** How {@code farebox-clearing report} prints a {@link Report}: a text table, CSV or JSON. */
public enum ReportFormat {
    TEXT, CSV, JSON;

    /** The report in this format, ending with a newline. */
    public String render(Report report) {
        return switch (this) {
            case TEXT -> text(report);
            case CSV -> csv(report);
            case JSON -> Json.write(toJson(report)) + "\n";
        };
    }

    private static String text(Report r) {
        StringBuilder out = new StringBuilder();
        ReportQuery q = r.query();
        out.append("Clearing report: days in ").append(q.zone()).append(", ")
                .append(q.from().map(Object::toString).orElse("first row")).append(" .. ")
                .append(q.to().map(Object::toString).orElse("last row")).append(", ")
                .append(q.terminalId().map(t -> "terminal " + t).orElse("all terminals")).append('\n');
        String format = "%-16s %-10s %8s %12s  %s | %s%n";
        out.append(String.format(Locale.ROOT, format, "terminal", "day", "taps", "revenue", "by outcome",
                "by card type"));
        for (TerminalDay d : r.days()) {
            line(out, format, d.terminalId(), d.day().toString(), d.tally());
        }
        if (r.days().isEmpty()) {
            out.append("(no rows)\n");
        }
        out.append('\n');
        r.perTerminal().forEach((t, tally) -> line(out, format, t, "all days", tally));
        line(out, format, "TOTAL", "", r.total());
        out.append('\n').append("duplicates dropped: ").append(r.duplicatesDropped()).append('\n');
        out.append("open findings: ").append(r.openFindings())
                .append(r.openFindings() > 0 ? " (list them: farebox-clearing findings)" : "").append('\n');
        return out.toString();
    }

    private static void line(StringBuilder out, String format, String terminal, String day, Tally t) {
        out.append(String.format(Locale.ROOT, format, terminal, day, t.taps(), yuan(t.revenueFen()),
                pairs(t.byOutcome(), " "), pairs(t.byCardType(), " ")));
    }

    private static String csv(Report r) {
        StringBuilder out = new StringBuilder("terminal,day,taps,revenue_fen,by_outcome,by_card_type,by_state\n");
        for (TerminalDay d : r.days()) {
            csvLine(out, d.terminalId(), d.day().toString(), d.tally());
        }
        csvLine(out, "TOTAL", "", r.total());
        return out.toString();
    }

    // Terminal ids are [A-Za-z0-9._-] and the maps use ';' and '=': no field ever needs quoting.
    private static void csvLine(StringBuilder out, String terminal, String day, Tally t) {
        out.append(terminal).append(',').append(day).append(',').append(t.taps()).append(',').append(t.revenueFen())
                .append(',').append(pairs(t.byOutcome(), ";")).append(',').append(pairs(t.byCardType(), ";"))
                .append(',').append(pairs(t.byState(), ";")).append('\n');
    }

    static Map<String, Object> toJson(Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        ReportQuery q = r.query();
        m.put("zone", q.zone().getId());
        m.put("from", q.from().map(Object::toString).orElse(""));
        m.put("to", q.to().map(Object::toString).orElse(""));
        m.put("terminal", q.terminalId().orElse(""));
        List<Object> days = new ArrayList<>();
        for (TerminalDay d : r.days()) {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("terminal", d.terminalId());
            day.put("day", d.day().toString());
            day.putAll(tallyJson(d.tally()));
            days.add(day);
        }
        m.put("days", days);
        Map<String, Object> terminals = new LinkedHashMap<>();
        r.perTerminal().forEach((t, tally) -> terminals.put(t, tallyJson(tally)));
        m.put("terminals", terminals);
        m.put("total", tallyJson(r.total()));
        m.put("duplicates_dropped", r.duplicatesDropped());
        m.put("open_findings", r.openFindings());
        return m;
    }

    private static Map<String, Object> tallyJson(Tally t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taps", t.taps());
        m.put("revenue_fen", t.revenueFen());
        m.put("by_outcome", new LinkedHashMap<String, Object>(t.byOutcome()));
        Map<String, Object> cards = new LinkedHashMap<>();
        t.byCardType().forEach((k, v) -> cards.put(String.valueOf(k), v));
        m.put("by_card_type", cards);
        m.put("by_state", new LinkedHashMap<String, Object>(t.byState()));
        return m;
    }

    private static String pairs(Map<?, Long> map, String separator) {
        return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(separator));
    }

    /** Fen as yuan with two decimals, exact (no floating point). */
    static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        return sign + (abs / 100) + "." + String.format(Locale.ROOT, "%02d", abs % 100);
    }
}
