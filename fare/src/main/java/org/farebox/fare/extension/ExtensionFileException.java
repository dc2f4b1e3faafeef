package org.farebox.fare.extension;

import java.util.List;
import java.util.stream.Collectors;

/** The extension files are refused; {@link #problems()} lists every problem found, by file and line. */
public final class ExtensionFileException extends Exception {
    private final List<Problem> problems;

    public ExtensionFileException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the Farebox extension files:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
