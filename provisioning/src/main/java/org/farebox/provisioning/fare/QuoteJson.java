package org.farebox.provisioning.fare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.farebox.fare.day.DayPrice;
import org.farebox.fare.day.PricedDayLeg;
import org.farebox.fare.extension.Adjustment;
import org.farebox.protocol.json.Json;

/** Renders a priced journey as the quote's JSON (docs/fare-quote.md). */
final class QuoteJson {
    private QuoteJson() {
    }

    static String render(DayPrice price) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("total_fen", price.totalFen());
        root.put("complete", price.complete());
        List<Object> legs = new ArrayList<>();
        for (PricedDayLeg l : price.legs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("amount_fen", l.amountFen());
            m.put("rule", l.known() ? l.rule() : null);
            m.put("product", l.known() ? l.product() : null);
            m.put("transfer", l.transferName().orElse(null));
            m.put("base_fen", l.baseFen());
            m.put("transport_day", l.transportDay().toString());
            List<Object> adjustments = new ArrayList<>();
            for (Adjustment a : l.adjustments()) {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("kind", a.kind().name().toLowerCase(java.util.Locale.ROOT));
                am.put("source", a.sourceId());
                am.put("fen", a.fen());
                adjustments.add(am);
            }
            m.put("adjustments", adjustments);
            if (!l.known()) {
                m.put("error", "no fare rule matches this leg");
            }
            legs.add(m);
        }
        root.put("legs", legs);
        return Json.write(root);
    }
}
