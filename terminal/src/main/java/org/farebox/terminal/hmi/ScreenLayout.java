package org.farebox.terminal.hmi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a {@link Display} into the exact text of a character LCD: one string per row, each exactly as wide as
 * the display, using only characters the HD44780 ROM A00 shows as written (¥ included). Pure and thread-safe.
 *
 * <p>The first two rows say the same thing on every geometry, so a 16×2 and a 20×4 terminal read alike; a
 * 4-row display adds a hint below. A 1-row display shows the first row only.
 */
public final class ScreenLayout {

    private final LcdGeometry geometry;

    public ScreenLayout(LcdGeometry geometry) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
    }

    public LcdGeometry geometry() {
        return geometry;
    }

    /** The passenger's LCD, row by row. */
    public List<String> passengerLines(Display display) {
        int w = geometry.columns();
        List<String> lines = switch (display.kind()) {
            case READY -> List.of("READY", display.detail(), "", "Please tap card");
            case PAID -> List.of(
                    display.isConcession()
                            ? LineFitter.justify(Yuan.format(display.fareFen()), w,
                                    "OK " + display.categoryLabel(), display.categoryLabel())
                            : LineFitter.justify(Yuan.format(display.fareFen()), w, "OK"),
                    balance(display, w), "", "Have a good trip");
            case LOW_BALANCE -> List.of("LOW BALANCE", balance(display, w),
                    LineFitter.justify(Yuan.format(display.fareFen()), w, "Fare"), "Please top up");
            case CARD_BLOCKED -> List.of("CARD BLOCKED", "See the driver", "", "Not charged");
            case CARD_EXPIRED -> List.of("CARD EXPIRED", "Please renew", "", "Not charged");
            case CARD_NOT_YET_VALID -> List.of("NOT YET VALID", "Card not active", "", "Not charged");
            case CARD_REJECTED -> List.of("CARD REJECTED", orElse(display.detail(), "See the driver"), "", "Not charged");
            case TAP_AGAIN -> List.of("TAP AGAIN", "Hold card still");
            case OUT_OF_SERVICE -> List.of("OUT OF SERVICE", display.detail());
        };
        return fitRows(lines);
    }

    /**
     * The one line the driver needs, as wide as this layout: what happened and, for a paid ride, the category
     * and the fare ("STUDENT    ¥2.00"), so the driver can check the passenger's entitlement at a glance.
     */
    public String driverLine(Display display) {
        int w = geometry.columns();
        return switch (display.kind()) {
            case READY -> LineFitter.fit("READY  " + display.detail(), w);
            case PAID -> LineFitter.justify(Yuan.format(display.fareFen()), w, display.categoryLabel());
            case LOW_BALANCE -> LineFitter.justify(Yuan.format(display.balanceFen()), w, "LOW BALANCE", "LOW BAL");
            case CARD_BLOCKED -> LineFitter.fit("BLOCKED CARD", w);
            case CARD_EXPIRED -> LineFitter.fit("EXPIRED CARD", w);
            case CARD_NOT_YET_VALID -> LineFitter.fit("CARD NOT YET VALID", w);
            case CARD_REJECTED -> LineFitter.fit("REJECTED " + display.detail(), w);
            case TAP_AGAIN -> LineFitter.fit("TAP AGAIN", w);
            case OUT_OF_SERVICE -> LineFitter.fit("OUT OF SERVICE " + display.detail(), w);
        };
    }

    /** A driver's LCD: the driver line on the first row, the other rows blank. */
    public List<String> driverLines(Display display) {
        List<String> rows = new ArrayList<>();
        rows.add(driverLine(display));
        while (rows.size() < geometry.rows()) {
            rows.add(" ".repeat(geometry.columns()));
        }
        return List.copyOf(rows);
    }

    private List<String> fitRows(List<String> lines) {
        List<String> rows = new ArrayList<>(geometry.rows());
        for (int row = 0; row < geometry.rows(); row++) {
            rows.add(LineFitter.fit(row < lines.size() ? lines.get(row) : "", geometry.columns()));
        }
        return List.copyOf(rows);
    }

    private static String balance(Display display, int width) {
        return LineFitter.justify(Yuan.format(display.balanceFen()), width, "Balance", "Bal");
    }

    private static String orElse(String text, String fallback) {
        return text.isBlank() ? fallback : text;
    }
}
