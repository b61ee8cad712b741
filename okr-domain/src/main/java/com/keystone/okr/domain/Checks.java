package com.keystone.okr.domain;

import static com.keystone.okr.domain.DomainText.field;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Argument checks shared by the entities; each failure names the field. */
public final class Checks {

    /** Keys are what integrations type in CSV files and URLs: letters, digits and {@code - _ .}. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Checks() {
    }

    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, DomainText.text("checks.required", field(field)));
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidInputException(field, DomainText.text("checks.tooLong", field(field), maxLength));
        }
        return trimmed;
    }

    public static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(field, value, maxLength);
    }

    public static String key(String field, String value) {
        String k = text(field, value, 64);
        if (!KEY.matcher(k).matches()) {
            throw new InvalidInputException(field, DomainText.text("checks.key", field(field), k));
        }
        return k;
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, DomainText.text("checks.required", field(field)));
        }
        return value;
    }

    public static BigDecimal weight(String field, BigDecimal weight) {
        if (weight == null) {
            return BigDecimal.ONE;
        }
        if (weight.signum() < 0) {
            throw new InvalidInputException(field, DomainText.text("checks.negativeWeight", field(field), weight.toPlainString()));
        }
        return weight;
    }
}
