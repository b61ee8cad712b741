package com.keystone.okr.web.startup;

/** A start that cannot succeed as configured; the message tells the operator what to change. */
public class StartupFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartupFailure(String message) {
        super(message);
    }

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
