package com.keystone.okr.web.support;

import static com.keystone.okr.domain.DomainText.field;

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
            throw new InvalidInputException(field, WebText.text("date.invalid", field(field), text));
        }
    }

    public static LocalDate required(String field, String text) {
        LocalDate d = parse(field, text);
        if (d == null) {
            throw new InvalidInputException(field, WebText.text("date.required", field(field)));
        }
        return d;
    }
}
