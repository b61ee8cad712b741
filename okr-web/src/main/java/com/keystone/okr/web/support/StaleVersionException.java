package com.keystone.okr.web.support;

/** The caller changed an older version than the one stored: answered with 409. */
public class StaleVersionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException(String what, long expected, long actual) {
        super(what + " was changed by someone else (version " + actual + ", you sent " + expected
                + "): reload it and apply your change again.");
    }
}
