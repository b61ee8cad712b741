package com.keystone.okr.web.support;

import static com.keystone.okr.domain.DomainText.field;

import com.keystone.okr.domain.DomainText;
import com.keystone.okr.domain.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum values from requests, case-insensitive, refused with the list of allowed values. */
public final class Enums {

    private Enums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, WebText.text("enum.invalid", field(field), text,
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
        }
    }

    public static <E extends Enum<E>> E required(Class<E> type, String field, String text) {
        E e = parse(type, field, text);
        if (e == null) {
            throw new InvalidInputException(field, DomainText.text("checks.required", field(field)));
        }
        return e;
    }
}
