package com.keystone.okr.web.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImportRowValuesTest {

    private static BigDecimal value(String text) {
        return ImportRow.parseDecimal(text, ImportRow.VALUE_INTEGER_DIGITS, ImportRow.VALUE_SCALE);
    }

    @ParameterizedTest
    @CsvSource({
        "42, 42",
        "-1.5, -1.5",
        "+7, 7",
        ".5, 0.5",
        "3., 3",
        "1e3, 1000",
        "2.5E-2, 0.025",
        "0.12345678904, 0.1234567890",
        "0.12345678905, 0.1234567891",
        "1e-300, 0",
        "0e999999999, 0",
        "99999999999999999999.9999999999, 99999999999999999999.9999999999",
    })
    void plainDecimalsAreReadAndRoundedToTheTenPlacesTheDatabaseKeeps(String text, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(value(text)), () -> text + " -> " + value(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,5", "1 000", "NaN", "Infinity", "-Infinity", "0x10", "1e", "e3", "--1", "1.2.3", "١٢٣",
        "123456789012345678901", "1e21", "99999999999999999999.99999999999", "1e999999999", "1e9999999999"})
    void anythingElseIsNotANumber(String text) {
        assertThrows(IllegalArgumentException.class, () -> value(text));
    }
}
