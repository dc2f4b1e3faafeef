package org.farebox.clearing.rerate;

import java.time.Instant;
import java.util.Optional;
import org.farebox.clearing.store.AccountRow;
import org.farebox.fare.engine.Leg;
import org.farebox.fare.model.FareTable;

/**
 * One leg of an account's day as clearing sees it: the ledger row it came from, the ride (route or network,
 * boarding and alighting stop, time, rider category) and what the terminal charged. See {@link AccountRow} for how
 * a stored row maps onto it.
 */
public record AccountLeg(String accountId, String terminalId, long rowSeq, Instant time, String routeOrNetwork,
        String fromStop, String toStop, String riderCategory, long chargedFen) {
    /** The fare medium account legs are priced as (fare_media_id of the example network's QR code). */
    public static final String MEDIUM = "qr";

    public static AccountLeg of(AccountRow row) {
        int arrow = row.stop().indexOf('>');
        String from = arrow < 0 ? row.stop() : row.stop().substring(0, arrow);
        String to = arrow < 0 ? "" : row.stop().substring(arrow + 1);
        return new AccountLeg(row.accountId(), row.terminalId(), row.seq(), row.time(), row.route(), from, to,
                row.riderCategory(), row.amountFen());
    }

    /** The engine's leg: a route the table knows is a route, anything else is taken as a network id. */
    public Leg toLeg(FareTable table) {
        boolean isRoute = table.networkOfRoute(routeOrNetwork).isPresent();
        return new Leg(isRoute ? "" : routeOrNetwork, isRoute ? routeOrNetwork : "", fromStop, toStop, time,
                Optional.empty(), riderCategory, MEDIUM);
    }
}
