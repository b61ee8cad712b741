package com.keystone.okr.web.support;

import java.math.BigDecimal;

/** Decimals as people write them: no trailing zeros from the database's scale, no exponent. */
public final class Decimals {

    private Decimals() {
    }

    public static BigDecimal clean(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
