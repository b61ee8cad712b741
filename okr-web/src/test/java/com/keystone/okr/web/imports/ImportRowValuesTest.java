package com.keystone.okr.web.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.keystone.okr.domain.Checks;
import com.keystone.okr.domain.InvalidInputException;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImportRowValuesTest {

    /** A value as an import reads it: the syntax here, then the domain's one check of figures. */
    private static BigDecimal value(String text) {
        BigDecimal d = ImportRow.parseDecimal(text);
        try {
            return Checks.figure("value", d);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
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
        "0.1234567890, 0.123456789",
        "1.50000000000000000000, 1.5",
        "0e999999999, 0",
        "99999999999999999999.9999999999, 99999999999999999999.9999999999",
    })
    void plainDecimalsWithinWhatTheDatabaseKeepsAreReadAsWritten(String text, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(value(text)), () -> text + " -> " + value(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,5", "1 000", "NaN", "Infinity", "-Infinity", "0x10", "1e", "e3", "--1", "1.2.3", "١٢٣",
        "123456789012345678901", "1e20", "1e21", "99999999999999999999.99999999999", "1e999999999", "1e9999999999",
        "0.12345678904", "1e-300"})
    void anythingElseIsRefusedNeverRounded(String text) {
        assertThrows(IllegalArgumentException.class, () -> value(text));
    }
}
