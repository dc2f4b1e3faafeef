package org.farebox.fare.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void yuanAmountsBecomeExactFen() {
        assertEquals(200, Money.parseYuan("2"));
        assertEquals(250, Money.parseYuan("2.5"));
        assertEquals(1205, Money.parseYuan("12.05"));
        assertEquals(0, Money.parseYuan("0.00"));
    }

    @Test
    void amountsWithThreeDecimalsSignsOrTextAreRefused() {
        for (String bad : new String[] {"2.505", "-1", "+1", "1e3", "", "abc", "1,5", "2000000"}) {
            assertThrows(IllegalArgumentException.class, () -> Money.parseYuan(bad), bad);
        }
    }

    @Test
    void percentDiscountRoundsHalfUpToTheFen() {
        assertEquals(38, Money.percentOf(250, 1500), "15% of 2.50 = 37.5 fen rounds up");
        assertEquals(37, Money.percentOf(249, 1500), "15% of 2.49 = 37.35 fen rounds down");
        assertEquals(1, Money.percentOf(1, 5000), "50% of 1 fen = 0.5 rounds up");
        assertEquals(0, Money.percentOf(1, 4999), "49.99% of 1 fen rounds down");
        assertEquals(300, Money.percentOf(300, 10_000));
        assertEquals(0, Money.percentOf(0, 10_000));
    }

    @Test
    void percentOfLargestAmountDoesNotOverflow() {
        assertEquals(Money.MAX_FEN, Money.percentOf(Money.MAX_FEN, 10_000));
        assertEquals(33_330_000, Money.percentOf(Money.MAX_FEN, 3333));
    }
}
