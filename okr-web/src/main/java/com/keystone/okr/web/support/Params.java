package com.keystone.okr.web.support;

import static com.keystone.okr.domain.DomainText.field;

import com.keystone.okr.domain.InvalidInputException;

/** Whole numbers from query parameters, refused with a message naming the parameter. */
public final class Params {

    private Params() {
    }

    /** A whole number of 0 or more, or null when the parameter is absent. */
    public static Integer nonNegative(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInputException(field, WebText.text("count.invalid", field(field), text));
    }
}
