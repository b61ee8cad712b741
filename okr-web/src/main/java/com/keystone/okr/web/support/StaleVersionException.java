package com.keystone.okr.web.support;

import com.keystone.okr.domain.Text;
import java.util.Locale;

/** The caller changed an older version than the one stored: answered with 409. */
public class StaleVersionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Text text;

    /** {@code what} names the thing changed, e.g. {@code WebText.text("subject.unit", path)}. */
    public StaleVersionException(Text what, long expected, long actual) {
        this(WebText.text("stale", what, actual, expected));
    }

    private StaleVersionException(Text text) {
        super(text.english());
        this.text = text;
    }

    /** The message in the page's language. */
    public String getMessage(Locale locale) {
        return text.render(locale);
    }
}
