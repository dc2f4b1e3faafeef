package org.farebox.clearing.rerate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.farebox.clearing.store.AccountRow;
import org.farebox.clearing.store.AdjustmentRecord;
import org.farebox.clearing.store.AdjustmentWrite;
import org.farebox.clearing.store.ClearingStore;
import org.farebox.fare.day.DayPrice;
import org.farebox.fare.day.DayPricer;
import org.farebox.fare.day.PricedDayLeg;
import org.farebox.fare.engine.Leg;
import org.farebox.fare.extension.Adjustment;
import org.farebox.fare.model.FareTable;

/**
 * Re-rates account days: every charged account row of a transport day (cut by the table's transport_day_start in
 * its zone), grouped by account, in time order across terminals, priced with {@link DayPricer}; each leg whose
 * price differs from what was charged becomes an {@link AdjustmentRecord}. The day is priced from an empty rider
 * state, so day caps are exact; week and rolling caps across days are not applied here yet. Idempotent: the store
 * keeps exactly the records due, so re-rating again with the same rows and table changes nothing.
 */
public final class ReRater {
    private final ClearingStore store;
    private final FareTable table;
    private final DayPricer pricer;

    public ReRater(ClearingStore store, FareTable table) {
        this.store = Objects.requireNonNull(store, "store");
        this.table = Objects.requireNonNull(table, "table");
        this.pricer = new DayPricer(table);
    }

    /** Re-rates every account with rows on {@code transportDay} and stores the adjustments due. */
    public RerateResult rerate(LocalDate transportDay) {
        Instant from = dayStart(transportDay);
        Instant to = dayStart(transportDay.plusDays(1));
        Map<String, List<AccountLeg>> byAccount = new LinkedHashMap<>();
        for (AccountRow row : store.accountRows(from, to)) {
            byAccount.computeIfAbsent(row.accountId(), a -> new ArrayList<>()).add(AccountLeg.of(row));
        }
        List<AdjustmentRecord> all = new ArrayList<>();
        int legs = 0;
        int inserted = 0;
        int unchanged = 0;
        int deleted = 0;
        for (Map.Entry<String, List<AccountLeg>> e : byAccount.entrySet()) {
            List<AdjustmentRecord> due = adjustments(e.getKey(), transportDay, e.getValue());
            AdjustmentWrite w = store.replaceAdjustments(e.getKey(), transportDay, due);
            all.addAll(due);
            legs += e.getValue().size();
            inserted += w.inserted();
            unchanged += w.unchanged();
            deleted += w.deleted();
        }
        return new RerateResult(transportDay, byAccount.size(), legs, all, inserted, unchanged, deleted);
    }

    /** The adjustments due for one account's legs of one day (in time order); pure. */
    public List<AdjustmentRecord> adjustments(String account, LocalDate transportDay, List<AccountLeg> accountLegs) {
        List<Leg> legs = accountLegs.stream().map(l -> l.toLeg(table)).toList();
        DayPrice price = pricer.price(legs);
        List<AdjustmentRecord> out = new ArrayList<>();
        for (int i = 0; i < accountLegs.size(); i++) {
            AccountLeg leg = accountLegs.get(i);
            PricedDayLeg priced = price.legs().get(i);
            if (priced.amountFen() != leg.chargedFen()) {
                out.add(new AdjustmentRecord(account, transportDay, i + 1, leg.terminalId(), leg.rowSeq(), leg.time(),
                        leg.chargedFen(), priced.amountFen(), reason(priced), table.version()));
            }
        }
        return out;
    }

    private Instant dayStart(LocalDate day) {
        return day.atTime(table.extensions().settings().transportDayStart()).atZone(table.zone()).toInstant();
    }

    /** Why the day pricer's amount is what it is: product, transfer, adjustments. */
    static String reason(PricedDayLeg leg) {
        if (!leg.known()) {
            return "no fare rule matches this leg";
        }
        StringBuilder sb = new StringBuilder(leg.product().isEmpty() ? "product ?" : leg.product());
        sb.append(' ').append(leg.baseFen()).append(" fen");
        leg.transferName().ifPresent(t -> sb.append("; transfer ").append(t));
        for (Adjustment a : leg.adjustments()) {
            sb.append("; ").append(a.kind().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                    .append(a.sourceId()).append(" -").append(a.fen());
        }
        return sb.toString();
    }
}
