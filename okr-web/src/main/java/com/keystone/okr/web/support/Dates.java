package com.keystone.okr.web.support;

import com.keystone.okr.domain.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** ISO dates from requests, refused with a message naming the field. */
public final class Dates {

    private Dates() {
    }

    public static LocalDate parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " '" + text + "' is not a date like 2026-11-20");
        }
    }

    public static LocalDate required(String field, String text) {
        LocalDate d = parse(field, text);
        if (d == null) {
            throw new InvalidInputException(field, field + " is required (a date like 2026-11-20)");
        }
        return d;
    }
}
