package com.keystone.okr.domain;

/**
 * Thrown when an input would put the model into a state the rules forbid. It always names the
 * field (or CSV column) at fault, so the web layer and the importers can point at it without
 * parsing the message.
 */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field (or column) at fault, e.g. {@code target} or {@code parent_objective_key}. */
    public String getField() {
        return field;
    }
}
