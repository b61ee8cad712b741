package com.keystone.okr.web.support;

import com.keystone.okr.domain.Text;
import java.util.Locale;

/** A key in the request names nothing that exists: answered with 404. */
public class UnknownKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Text text;

    public UnknownKeyException(String what, String key) {
        this(WebText.text("unknown", WebText.kind(what), key));
    }

    private UnknownKeyException(Text text) {
        super(text.english());
        this.text = text;
    }

    /** The message in the page's language. */
    public String getMessage(Locale locale) {
        return text.render(locale);
    }
}
