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

    /**
     * A weight (R2, R3): from 0 to {@value #MAX_WEIGHT}, at most {@value #WEIGHT_DECIMALS}
     * decimals; none means 1.
     */
    public static BigDecimal weight(String field, BigDecimal weight) {
        if (weight == null) {
            return BigDecimal.ONE;
        }
        if (weight.signum() < 0) {
            throw new InvalidInputException(field, DomainText.text("checks.negativeWeight", field(field), shown(weight)));
        }
        if (weight.compareTo(BigDecimal.valueOf(MAX_WEIGHT)) > 0) {
            throw new InvalidInputException(field, DomainText.text("checks.weightTooLarge", field(field), MAX_WEIGHT,
                    shown(weight)));
        }
        return decimals(field, weight, WEIGHT_DECIMALS);
    }

    /** The largest weight: a child objective's weight, set by its lead, cannot outweigh the rest of its parent. */
    public static final int MAX_WEIGHT = 100;
    /** Decimals a weight keeps (the database's scale). */
    public static final int WEIGHT_DECIMALS = 6;
    /** Decimals a figure keeps (the database's scale: numeric(30, 10)). */
    public static final int FIGURE_DECIMALS = 10;
    /** Figures are smaller than this in size: numeric(30, 10) keeps 20 digits before the point. */
    public static final BigDecimal FIGURE_LIMIT = BigDecimal.TEN.pow(20);

    /**
     * A figure people enter (a check-in's or a measurement's value, a start, a target, a warning):
     * required, smaller than 10^20 in size and with at most 10 decimals, so that what is stored is
     * exactly what was entered. The one check of figures that the web UI, the API and the imports
     * all go through.
     */
    public static BigDecimal figure(String field, BigDecimal value) {
        required(field, value);
        if (value.abs().compareTo(FIGURE_LIMIT) >= 0) {
            throw new InvalidInputException(field, DomainText.text("checks.figureTooLarge", field(field), shown(value)));
        }
        return decimals(field, value, FIGURE_DECIMALS);
    }

    private static BigDecimal decimals(String field, BigDecimal value, int decimals) {
        if (value.stripTrailingZeros().scale() > decimals) {
            throw new InvalidInputException(field, DomainText.text("checks.tooManyDecimals", field(field), decimals,
                    shown(value)));
        }
        return value;
    }

    /** A value as a message shows it: in full when short, else in scientific notation. */
    private static String shown(BigDecimal v) {
        String plain = v.precision() - v.scale() > 40 || v.scale() > 40 ? v.toString() : v.toPlainString();
        return plain.length() > 60 ? v.round(new java.math.MathContext(12)).toString() : plain;
    }
}
