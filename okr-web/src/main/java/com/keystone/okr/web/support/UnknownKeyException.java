package com.keystone.okr.web.support;

import com.keystone.okr.domain.Text;

/** A key in the request names nothing that exists: answered with 404. */
public class UnknownKeyException extends RefusalException {

    private static final long serialVersionUID = 1L;

    public UnknownKeyException(String what, String key) {
        this(WebText.text("unknown", WebText.kind(what), key));
    }

    private UnknownKeyException(Text text) {
        super(text);
    }
}
