package org.farebox.fare.gtfs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every problem found while reading and validating one feed, so all are reported together. */
public final class Problems {
    // A feed with millions of broken rows should still produce a readable report, not a heap dump.
    static final int MAX_REPORTED = 1000;

    private final List<Problem> list = new ArrayList<>();
    private int errors;
    private int dropped;

    public void error(String file, int row, String message) {
        add(new Problem(Problem.Severity.ERROR, file, row, message));
    }

    public void note(String file, int row, String message) {
        add(new Problem(Problem.Severity.NOTE, file, row, message));
    }

    private void add(Problem p) {
        if (p.severity() == Problem.Severity.ERROR) {
            errors++;
        }
        if (list.size() < MAX_REPORTED) {
            list.add(p);
        } else {
            dropped++;
        }
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public int errorCount() {
        return errors;
    }

    /** How many problems were found beyond {@link #MAX_REPORTED} and not kept. */
    public int dropped() {
        return dropped;
    }

    public List<Problem> all() {
        return Collections.unmodifiableList(list);
    }

    public List<Problem> errors() {
        return list.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    public List<Problem> notes() {
        return list.stream().filter(p -> p.severity() == Problem.Severity.NOTE).toList();
    }
}
