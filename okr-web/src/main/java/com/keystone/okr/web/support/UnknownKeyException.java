package com.keystone.okr.web.support;

/** A key in the request names nothing that exists: answered with 404. */
public class UnknownKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownKeyException(String what, String key) {
        super("There is no " + what + " '" + key + "'.");
    }
}
