package com.keystone.okr.web.security;

import com.keystone.okr.domain.Text;
import com.keystone.okr.web.support.RefusalException;

/** The caller is signed in but may not do this; the message says what would be needed. */
public class AccessDeniedException extends RefusalException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }

    public AccessDeniedException(Text text) {
        super(text);
    }
}
