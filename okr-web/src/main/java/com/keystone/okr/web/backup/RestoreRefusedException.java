package com.keystone.okr.web.backup;

import com.keystone.okr.domain.Text;
import com.keystone.okr.web.support.RefusalException;

/** A restore into a database that already holds a company: answered with 409, nothing changed. */
public class RestoreRefusedException extends RefusalException {

    private static final long serialVersionUID = 1L;

    public RestoreRefusedException(Text text) {
        super(text);
    }
}
