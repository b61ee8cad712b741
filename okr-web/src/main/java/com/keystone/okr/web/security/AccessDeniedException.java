package com.keystone.okr.web.security;

/** The caller is signed in but may not do this; the message says what would be needed. */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
