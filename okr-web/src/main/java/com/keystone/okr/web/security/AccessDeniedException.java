package com.keystone.okr.web.security;

import com.keystone.okr.domain.Text;
import java.util.Locale;

/** The caller is signed in but may not do this; the message says what would be needed. */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Text text;

    public AccessDeniedException(String message) {
        super(message);
        this.text = null;
    }

    public AccessDeniedException(Text text) {
        super(text.english());
        this.text = text;
    }

    /** The message in the page's language (English when it has no text). */
    public String getMessage(Locale locale) {
        return text == null ? getMessage() : text.render(locale);
    }
}
