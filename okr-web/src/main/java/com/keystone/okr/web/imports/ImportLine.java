package com.keystone.okr.web.imports;

import java.io.Serializable;

/**
 * What an import does with one key (an objective, key result, KPI or person) or one row (a
 * check-in, a measurement): what the upload page's preview lists.
 *
 * @param row     the file's row (spreadsheet numbering), where one row is the subject; null for keys that
 *                several rows declare (an objective repeated on each of its key results' rows)
 * @param subject {@code objective}, {@code key_result}, {@code kpi}, {@code checkin}, {@code measurement},
 *                {@code person}
 * @param key     what it is about: a key ({@code 2026-Q4/CO-1}, {@code CONV}), a user name, or a key result or
 *                KPI with its date ({@code CO-1-KR1 2026-11-20})
 */
public record ImportLine(Integer row, String subject, String key, Change change) implements Serializable {

    /** What happens to it. */
    public enum Change {
        CREATED, UPDATED, UNCHANGED
    }
}
