package com.keystone.okr.web.support;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.Text;

/** Optimistic locking from the outside: the caller says which version it changes (If-Match or a body field). */
public final class Versions {

    private Versions() {
    }

    /**
     * Refuses the change when the caller named a version and it is not the stored one; {@code what}
     * names the thing, e.g. {@code WebText.text("subject.unit", path)}.
     */
    public static void check(Text what, Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw new StaleVersionException(what, expected, actual);
        }
    }

    /** The version in an If-Match header ({@code "3"}, {@code W/"3"}), or null when absent or "*". */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "If-Match must carry the ETag of the resource, e.g. \"3\"");
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
