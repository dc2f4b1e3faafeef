package org.farebox.clearing.store;

import java.util.ArrayList;
import java.util.List;

/** Sequence numbers folded into ranges, so one finding covers a run of rows. */
final class SeqRanges {
    record Range(long first, long last) {
        @Override
        public String toString() {
            return first == last ? Long.toString(first) : first + "-" + last;
        }
    }

    private SeqRanges() {
    }

    /** Ranges of {@code ascending} (sorted, distinct). */
    static List<Range> of(List<Long> ascending) {
        List<Range> out = new ArrayList<>();
        Long first = null;
        long last = 0;
        for (long seq : ascending) {
            if (first != null && seq == last + 1) {
                last = seq;
                continue;
            }
            if (first != null) {
                out.add(new Range(first, last));
            }
            first = seq;
            last = seq;
        }
        if (first != null) {
            out.add(new Range(first, last));
        }
        return out;
    }
}
