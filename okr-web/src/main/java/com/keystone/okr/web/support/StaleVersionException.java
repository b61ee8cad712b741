package com.keystone.okr.web.support;

import com.keystone.okr.domain.Text;

/** The caller changed an older version than the one stored: answered with 409. */
public class StaleVersionException extends RefusalException {

    private static final long serialVersionUID = 1L;

    /** {@code what} names the thing changed, e.g. {@code WebText.text("subject.unit", path)}. */
    public StaleVersionException(Text what, long expected, long actual) {
        this(WebText.text("stale", what, actual, expected));
    }

    private StaleVersionException(Text text) {
        super(text);
    }
}
