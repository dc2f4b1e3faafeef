package org.farebox.fare.gtfs.bundle;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Consumer;
import org.farebox.fare.extension.Cap;
import org.farebox.fare.extension.FareExtensions;
import org.farebox.fare.extension.Promotion;
import org.farebox.fare.extension.PromotionWhen;
import org.farebox.fare.extension.Scope;
import org.farebox.fare.extension.Voucher;

/** Writes the extensions section of a format-2 bundle (docs/fare-bundle.md, "Extensions"). */
final class ExtensionsWriter {
    private final ByteSink body;
    private final Consumer<String> str;

    ExtensionsWriter(ByteSink body, Consumer<String> str) {
        this.body = body;
        this.str = str;
    }

    void write(FareExtensions e) {
        body.varint(e.settings().transportDayStart().toSecondOfDay());
        body.u8(e.settings().weekStart().getValue());
        body.varint(e.caps().size());
        for (Cap c : e.caps()) {
            str.accept(c.capId());
            body.u8(c.period().ordinal());
            body.varint(c.amountFen());
            scope(c.scope());
        }
        body.varint(e.promotions().size());
        for (Promotion p : e.promotions()) {
            str.accept(p.promotionId());
            body.u8(p.type().ordinal());
            body.varint(p.percentBasisPoints());
            body.varint(p.amountFen());
            body.varint(p.points());
            scope(p.scope());
            when(p.when());
            body.signed(p.priority());
            body.u8(p.stacks() ? 1 : 0);
        }
        body.varint(e.vouchers().size());
        for (Voucher v : e.vouchers()) {
            str.accept(v.voucherId());
            body.varint(v.faceValueFen());
            body.varint(v.validityDays());
            optionalDate(v.validFrom());
            optionalDate(v.validUntil());
            scope(v.scope());
            body.u8(v.stacks() ? 1 : 0);
        }
        body.varint(e.cardTypes().riderCategoryByType().size());
        e.cardTypes().sorted().forEach((type, category) -> {
            body.u8(type);
            str.accept(category);
        });
    }

    private void scope(Scope s) {
        for (String id : new String[] {s.riderCategoryId(), s.networkId(), s.routeId(), s.fareMediaId()}) {
            str.accept(id == null ? "" : id);
        }
    }

    private void when(PromotionWhen w) {
        body.varint(w.startSecond());
        body.varint(w.endSecond());
        body.u8(mask(w.weekdays()));
        body.varint(w.dates().size());
        w.dates().stream().sorted().forEach(d -> body.signed(d.toEpochDay()));
        optionalDate(w.validFrom());
        optionalDate(w.validUntil());
    }

    private static int mask(Set<DayOfWeek> days) {
        int mask = 0;
        for (DayOfWeek d : days) {
            mask |= 1 << (d.getValue() - 1);
        }
        return mask;
    }

    private void optionalDate(LocalDate d) {
        if (d == null) {
            body.u8(0);
        } else {
            body.u8(1);
            body.signed(d.toEpochDay());
        }
    }
}
