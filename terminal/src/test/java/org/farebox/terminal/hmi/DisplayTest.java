package org.farebox.terminal.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DisplayTest {

    @Test
    void factoriesFillTheFieldsTheirKindUses() {
        assertEquals(new Display(DisplayKind.READY, 0, 0, "", "Route 101"), Display.ready("Route 101"));
        assertEquals(new Display(DisplayKind.PAID, 200, 4800, "student", ""), Display.paid(200, 4800, "student"));
        assertEquals(new Display(DisplayKind.LOW_BALANCE, 200, 120, "", ""), Display.lowBalance(120, 200));
        assertEquals(new Display(DisplayKind.CARD_REJECTED, 0, 0, "", "CARD ERROR"), Display.cardRejected("CARD ERROR"));
        assertEquals(new Display(DisplayKind.OUT_OF_SERVICE, 0, 0, "", "NO SAM"), Display.outOfService("NO SAM"));
        assertEquals(DisplayKind.CARD_BLOCKED, Display.cardBlocked().kind());
        assertEquals(DisplayKind.CARD_EXPIRED, Display.cardExpired().kind());
        assertEquals(DisplayKind.CARD_NOT_YET_VALID, Display.cardNotYetValid().kind());
        assertEquals(DisplayKind.TAP_AGAIN, Display.tapAgain().kind());
    }

    @Test
    void nullTextsBecomeEmpty() {
        Display display = Display.ready(null);
        assertEquals("", display.detail());
        assertEquals("", display.riderCategory());
    }

    @Test
    void everyCategoryButAdultIsAConcession() {
        assertFalse(Display.paid(200, 0, "adult").isConcession());
        assertFalse(Display.paid(200, 0, "ADULT").isConcession());
        assertFalse(Display.paid(200, 0, "").isConcession());
        assertFalse(Display.paid(200, 0, null).isConcession());
        assertTrue(Display.paid(100, 0, "student").isConcession());
        assertTrue(Display.paid(0, 0, "senior").isConcession());
        assertTrue(Display.paid(0, 0, "free").isConcession());
        assertTrue(Display.paid(0, 0, "disabled").isConcession());
        assertFalse(Display.cardBlocked().isConcession());
    }

    @Test
    void categoryLabelIsUpperCaseAndBlankIsAdult() {
        assertEquals("STUDENT", Display.paid(100, 0, "student").categoryLabel());
        assertEquals("ADULT", Display.paid(100, 0, null).categoryLabel());
    }

    @Test
    void negativeFareAndMissingKindAreClearErrors() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> Display.paid(-1, 0, "adult"));
        assertTrue(negative.getMessage().contains("fare"));
        NullPointerException noKind = assertThrows(NullPointerException.class, () -> new Display(null, 0, 0, "", ""));
        assertTrue(noKind.getMessage().contains("kind"));
    }

    @Test
    void refusalsAreTheKindsThatTurnAPassengerAway() {
        assertTrue(DisplayKind.LOW_BALANCE.isRefusal());
        assertTrue(DisplayKind.CARD_REJECTED.isRefusal());
        assertFalse(DisplayKind.TAP_AGAIN.isRefusal());
        assertFalse(DisplayKind.OUT_OF_SERVICE.isRefusal());
        assertFalse(DisplayKind.PAID.isRefusal());
    }
}
