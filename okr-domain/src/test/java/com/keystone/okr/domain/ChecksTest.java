package com.keystone.okr.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The one check of figures and weights that the web UI, the API and the imports all go through. */
class ChecksTest {

    @Test
    void aFigureKeepsUpToTwentyDigitsBeforeThePointAndTenAfterIt() {
        for (String ok : new String[] {"0", "-3.5", "99999999999999999999.9999999999", "-99999999999999999999",
                "0.0000000001", "1.50000000000000000000", "1E+19"}) {
            assertEquals(new BigDecimal(ok), Checks.figure("value", new BigDecimal(ok)), ok);
        }
        for (String tooLarge : new String[] {"1E+20", "-100000000000000000000", "1E+999", "1E+999999999"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> Checks.figure("value", new BigDecimal(tooLarge)), tooLarge);
            assertEquals("value", e.getField());
            assertEquals(true, e.getMessage().startsWith("value must be smaller than"), e.getMessage());
            assertEquals(true, e.getMessage().length() < 200, "a short message for a huge value: " + e.getMessage());
        }
        InvalidInputException decimals = assertThrows(InvalidInputException.class,
                () -> Checks.figure("target", new BigDecimal("0.00000000001")));
        assertEquals("target", decimals.getField());
        assertEquals("target may have at most 10 decimals, was 0.00000000001", decimals.getMessage());
        assertEquals("value", assertThrows(InvalidInputException.class, () -> Checks.figure("value", null)).getField());
    }

    @Test
    void aWeightIsFromZeroToAHundredWithSixDecimalsAndDefaultsToOne() {
        assertEquals(BigDecimal.ONE, Checks.weight("kr_weight", null));
        for (String ok : new String[] {"0", "100", "99.999999", "0.000001", "100.000000"}) {
            assertEquals(new BigDecimal(ok), Checks.weight("kr_weight", new BigDecimal(ok)), ok);
        }
        assertEquals("objective_weight must be 100 or less, was 100.000001", assertThrows(InvalidInputException.class,
                () -> Checks.weight("objective_weight", new BigDecimal("100.000001"))).getMessage());
        assertEquals("kr_weight must be zero or more, was -1", assertThrows(InvalidInputException.class,
                () -> Checks.weight("kr_weight", new BigDecimal("-1"))).getMessage());
        assertEquals("kr_weight", assertThrows(InvalidInputException.class,
                () -> Checks.weight("kr_weight", new BigDecimal("1.0000001"))).getField());
        assertEquals("kr_weight", assertThrows(InvalidInputException.class,
                () -> Checks.weight("kr_weight", new BigDecimal("1E+999"))).getField());
    }
}
