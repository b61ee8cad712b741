package com.keystone.okr.domain;

import java.util.Locale;

/**
 * Thrown when an input would put the model into a state the rules forbid. It always names the
 * field (or CSV column) at fault, so the web layer and the importers can point at it without
 * parsing the message. {@link #getMessage()} is English (the API, the imports, the logs);
 * {@link #getMessage(Locale)} renders it in the UI's language when it was made from a {@link Text}.
 */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final Text text;

    /** A refusal in English only, for texts that only the API or the imports show. */
    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
        this.text = null;
    }

    /** A refusal that people read in their language. */
    public InvalidInputException(String field, Text text) {
        super(text.english());
        this.field = field;
        this.text = text;
    }

    /** The field (or column) at fault, e.g. {@code target} or {@code parent_objective_key}. */
    public String getField() {
        return field;
    }

    /** The same refusal pointing at another field (a form names the field differently from the model). */
    public InvalidInputException forField(String otherField) {
        return text == null ? new InvalidInputException(otherField, getMessage())
                : new InvalidInputException(otherField, text);
    }

    /** The refusal as a translatable text, or {@code null} when it is English only. */
    public Text text() {
        return text;
    }

    /** The message in {@code locale}; English when the refusal has no translated text. */
    public String getMessage(Locale locale) {
        return text == null ? getMessage() : text.render(locale);
    }
}
