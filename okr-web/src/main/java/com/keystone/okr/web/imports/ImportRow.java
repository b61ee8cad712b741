package com.keystone.okr.web.imports;

import com.keystone.okr.domain.Checks;
import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.Text;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One data row, read by column name. Values are stripped and an empty value is absent. Each
 * typed read reports a bad value on this row and column and answers {@code null}, so that one
 * pass over a row finds all its bad values.
 */
public final class ImportRow {

    /** Plain decimals with ASCII digits only (BigDecimal alone would take other scripts' digits). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,9})?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_NUMBER_LENGTH = 100;

    private final int number;
    private final Map<String, String> values;
    private final Set<String> header;
    private final ErrorList errors;

    ImportRow(int number, Map<String, String> values, Set<String> header, ErrorList errors) {
        this.number = number;
        this.values = values;
        this.header = header;
        this.errors = errors;
    }

    public int number() {
        return number;
    }

    /** Whether the file has this column at all (an absent column leaves stored values as they are). */
    public boolean has(String column) {
        return header.contains(column);
    }

    /** Whether any problem has been reported for this row so far. */
    public boolean ok() {
        return !errors.hasErrorIn(number);
    }

    public void error(String column, String message) {
        errors.add(number, column, message);
    }

    /** A problem the upload page shows in its language. */
    void error(String column, Text text) {
        errors.add(number, column, text);
    }

    /** A domain refusal at {@code column}. */
    void error(String column, InvalidInputException e) {
        errors.add(number, column, e);
    }

    /** The stripped value, or {@code null} when empty or when the column is absent. */
    public String text(String column) {
        return values.get(column);
    }

    public String required(String column) {
        String v = text(column);
        if (v == null) {
            error(column, ImportText.text("required", column));
        }
        return v;
    }

    /** A user name, compared without regard to case as at sign-in. */
    public String username(String column) {
        String v = text(column);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    /** A figure (value, start, target, warning), checked by the one rule of the API and the web UI ({@link Checks#figure}). */
    public BigDecimal decimal(String column, boolean required) {
        return checked(column, number(column, required), Checks::figure);
    }

    /** A weight, checked as everywhere ({@link Checks#weight}); absent when empty (the entity's default is 1). */
    public BigDecimal weight(String column) {
        return checked(column, number(column, false), Checks::weight);
    }

    /** The domain's check of a number read from {@code column}, its refusal reported on this row. */
    private BigDecimal checked(String column, BigDecimal n, BiFunction<String, BigDecimal, BigDecimal> check) {
        if (n == null) {
            return null;
        }
        try {
            return check.apply(column, n);
        } catch (InvalidInputException e) {
            error(column, e);
            return null;
        }
    }

    private BigDecimal number(String column, boolean required) {
        String v = required ? required(column) : text(column);
        if (v == null) {
            return null;
        }
        if (v.length() > MAX_NUMBER_LENGTH || !DECIMAL.matcher(v).matches()) {
            error(column, ImportText.text("notANumber", abbreviate(v)));
            return null;
        }
        try {
            return parseDecimal(v);
        } catch (IllegalArgumentException e) {
            error(column, e.getMessage());
            return null;
        }
    }

    /** A plain decimal as written (its size and decimals are the domain's to check). */
    static BigDecimal parseDecimal(String v) {
        if (v.length() > MAX_NUMBER_LENGTH || !DECIMAL.matcher(v).matches()) {
            throw new IllegalArgumentException("'" + abbreviate(v) + "' is not a number: write a plain decimal with a '.' and no"
                    + " thousands separator, e.g. 1234.5 or 1e3");
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + abbreviate(v) + "' is not a number this product can store");
        }
    }

    /** A date written {@code YYYY-MM-DD}. */
    public LocalDate date(String column, boolean required) {
        String v = required ? required(column) : text(column);
        if (v == null) {
            return null;
        }
        if (ISO_DATE.matcher(v).matches() && !v.startsWith("0000")) {
            try {
                return LocalDate.parse(v, DATE);
            } catch (DateTimeException e) {
                // reported below
            }
        }
        error(column, ImportText.text("notADate", abbreviate(v)));
        return null;
    }

    /** An enum constant, in any case. */
    public <E extends Enum<E>> E choice(String column, Class<E> type, boolean required) {
        String v = required ? required(column) : text(column);
        if (v == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        error(column, ImportText.text("notAChoice", abbreviate(v), column,
                Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
        return null;
    }

    /** A whole number from 1 to 10. */
    public Integer confidence(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = parseDecimal(v);
            if (d.compareTo(BigDecimal.ONE) >= 0 && d.compareTo(BigDecimal.TEN) <= 0 && d.stripTrailingZeros().scale() <= 0) {
                return d.intValueExact();
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            // reported below
        }
        error(column, ImportText.text("notAConfidence", column, abbreviate(v)));
        return null;
    }

    /** A flag written {@code true} or {@code false} (in any case); absent when empty. */
    public Boolean flag(String column, boolean required) {
        String v = required ? required(column) : text(column);
        if (v == null) {
            return null;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.valueOf(v.equalsIgnoreCase("true"));
        }
        error(column, ImportText.text("notAFlag", abbreviate(v)));
        return null;
    }

    /** A moment in UTC written as ISO 8601, e.g. {@code 2026-11-20T17:00:00.123456Z}. */
    public Instant instant(String column, boolean required) {
        String v = required ? required(column) : text(column);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeException e) {
            error(column, "'" + abbreviate(v) + "' is not a moment: write it in UTC as YYYY-MM-DDTHH:MM:SSZ, e.g. "
                    + "2026-11-20T17:00:00Z");
            return null;
        }
    }

    static String abbreviate(String v) {
        return v.length() <= 60 ? v : v.substring(0, 57) + "...";
    }
}
