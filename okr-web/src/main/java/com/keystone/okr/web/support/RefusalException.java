package com.keystone.okr.web.support;

import com.keystone.okr.domain.Text;
import java.util.Locale;

/**
 * A refusal of the services that a page shows at its top: English for the API and the logs
 * ({@link #getMessage()}), the page's language for people ({@link #getMessage(Locale)}).
 */
public abstract class RefusalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Text text;

    protected RefusalException(String english) {
        super(english);
        this.text = null;
    }

    protected RefusalException(Text text) {
        super(text.english());
        this.text = text;
    }

    /** The message in the page's language (English when it has no text). */
    public String getMessage(Locale locale) {
        return text == null ? getMessage() : text.render(locale);
    }
}
