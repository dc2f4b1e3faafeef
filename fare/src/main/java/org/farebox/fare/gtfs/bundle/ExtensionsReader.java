package org.farebox.fare.gtfs.bundle;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.farebox.fare.extension.Cap;
import org.farebox.fare.extension.CapPeriod;
import org.farebox.fare.extension.CardTypes;
import org.farebox.fare.extension.FareExtensions;
import org.farebox.fare.extension.FareSettings;
import org.farebox.fare.extension.Promotion;
import org.farebox.fare.extension.PromotionType;
import org.farebox.fare.extension.PromotionWhen;
import org.farebox.fare.extension.Scope;
import org.farebox.fare.extension.Voucher;

/** Reads the extensions section of a format-2 bundle, checking every code and count against what is left. */
final class ExtensionsReader {
    private static final long MAX_EPOCH_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private final ByteSource in;
    private final Supplier<String> str;

    ExtensionsReader(ByteSource in, Supplier<String> str) {
        this.in = in;
        this.str = str;
    }

    FareExtensions read() {
        LocalTime dayStart = LocalTime.ofSecondOfDay(in.bounded(86_399, "transport_day_start"));
        int week = in.u8();
        if (week < 1 || week > 7) {
            throw in.error("week_start " + week + " is not a weekday 1..7");
        }
        FareSettings settings = new FareSettings(dayStart, DayOfWeek.of(week));
        List<Cap> caps = new ArrayList<>();
        int n = in.count(7, "cap");
        for (int i = 0; i < n; i++) {
            caps.add(new Cap(str.get(), CapPeriod.values()[code(CapPeriod.values().length, "cap_period")],
                    in.varint(), scope()));
        }
        List<Promotion> promotions = new ArrayList<>();
        n = in.count(16, "promotion");
        for (int i = 0; i < n; i++) {
            String id = str.get();
            PromotionType type = PromotionType.values()[code(PromotionType.values().length, "promotion_type")];
            int percent = in.bounded(10_000, "percent");
            long amount = in.varint();
            long points = in.varint();
            Scope scope = scope();
            PromotionWhen when = when();
            long priority = in.signed();
            if (priority < Integer.MIN_VALUE || priority > Integer.MAX_VALUE) {
                throw in.error("priority " + priority + " out of range");
            }
            promotions.add(new Promotion(id, type, percent, amount, points, scope, when, (int) priority, flag()));
        }
        List<Voucher> vouchers = new ArrayList<>();
        n = in.count(10, "voucher");
        for (int i = 0; i < n; i++) {
            vouchers.add(new Voucher(str.get(), in.varint(), in.bounded(Integer.MAX_VALUE, "validity_days"),
                    optionalDate(), optionalDate(), scope(), flag()));
        }
        Map<Integer, String> cardTypes = new HashMap<>();
        n = in.count(2, "card type");
        for (int i = 0; i < n; i++) {
            int type = in.u8();
            if (cardTypes.put(type, str.get()) != null) {
                throw in.error("card type " + type + " listed twice");
            }
        }
        return new FareExtensions(settings, caps, promotions, vouchers, new CardTypes(cardTypes));
    }

    private int code(int values, String what) {
        int c = in.u8();
        if (c >= values) {
            throw in.error(what + " code " + c + " is unknown");
        }
        return c;
    }

    private boolean flag() {
        return in.bounded(1, "flag") == 1;
    }

    private Scope scope() {
        return new Scope(str.get(), str.get(), str.get(), str.get());
    }

    private PromotionWhen when() {
        int start = in.bounded(86_400, "start_time");
        int end = in.bounded(86_400, "end_time");
        int mask = in.bounded(0x7F, "weekday mask");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if ((mask & (1 << (d.getValue() - 1))) != 0) {
                days.add(d);
            }
        }
        int n = in.count(1, "promotion date");
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i < n; i++) {
            dates.add(date());
        }
        return new PromotionWhen(start, end, days, dates, optionalDate(), optionalDate());
    }

    private LocalDate optionalDate() {
        return flag() ? date() : null;
    }

    private LocalDate date() {
        long day = in.signed();
        if (Math.abs(day) > MAX_EPOCH_DAY) {
            throw in.error("date " + day + " out of range");
        }
        return LocalDate.ofEpochDay(day);
    }
}
