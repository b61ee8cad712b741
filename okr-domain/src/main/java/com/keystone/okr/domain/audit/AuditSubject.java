package com.keystone.okr.domain.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * What an audit entry is about. Stored by name; the API names a subject {@code TYPE:KEY} with the
 * lower-case, hyphenated form ({@code objective:CO-1}, {@code key-result:KR-1}, {@code kpi:CONV},
 * {@code person:alice}, {@code unit:Acme/Sales}, {@code cycle:2026-Q4}).
 */
public enum AuditSubject {
    OBJECTIVE, KEY_RESULT, KPI, PERSON, UNIT, CYCLE, IMPORT, ADDRESS;

    /** The name the API uses: {@code key-result} for {@link #KEY_RESULT}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The subject type an API name means, in any case. */
    public static Optional<AuditSubject> ofApiName(String name) {
        for (AuditSubject s : values()) {
            if (s.apiName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
