package org.farebox.fare.extension;

import java.time.LocalDate;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What a rider has paid toward caps: the total of the transport day {@code dayKey}, of the week {@code weekKey}
 * (its first transport day), and per transport day for the rolling 7 days. Null keys mean nothing counted yet.
 */
public record CapState(LocalDate dayKey, long dayTotalFen, LocalDate weekKey, long weekTotalFen,
        NavigableMap<LocalDate, Long> rollingDays) {
    /** Nothing paid yet. */
    public static final CapState EMPTY = new CapState(null, 0, null, 0, new TreeMap<>());

    public CapState {
        if (dayTotalFen < 0 || weekTotalFen < 0 || rollingDays.values().stream().anyMatch(v -> v == null || v < 0)) {
            throw new IllegalArgumentException("cap totals cannot be negative");
        }
        rollingDays = Collections.unmodifiableNavigableMap(new TreeMap<>(rollingDays));
    }

    /** The day's total as of {@code day}: zero when the state belongs to another transport day. */
    public long dayTotal(LocalDate day) {
        return day.equals(dayKey) ? dayTotalFen : 0;
    }

    public long weekTotal(LocalDate week) {
        return week.equals(weekKey) ? weekTotalFen : 0;
    }

    /** The total of the 7 transport days ending with {@code day}. */
    public long rollingTotal(LocalDate day) {
        return rollingDays.subMap(day.minusDays(6), true, day, true).values().stream().mapToLong(Long::longValue).sum();
    }

    /** This state after {@code fen} more counted on {@code day}, for the periods flagged. Old days are dropped. */
    CapState plus(LocalDate day, LocalDate week, long fen, boolean countDay, boolean countWeek, boolean countRolling) {
        long d = dayTotal(day) + (countDay ? fen : 0);
        long w = weekTotal(week) + (countWeek ? fen : 0);
        TreeMap<LocalDate, Long> rolling = new TreeMap<>(rollingDays.subMap(day.minusDays(6), true, day, true));
        if (countRolling) {
            rolling.merge(day, fen, Long::sum);
        }
        return new CapState(day, d, week, w, rolling);
    }
}
