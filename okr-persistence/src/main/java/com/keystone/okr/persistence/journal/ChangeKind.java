package com.keystone.okr.persistence.journal;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.Measurement;
import com.keystone.okr.domain.objective.CheckIn;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.unit.OrgUnit;

/** The kinds of rows a report is computed from, as the journal names them. */
public enum ChangeKind {
    UNIT(OrgUnit.class), CYCLE(Cycle.class), OBJECTIVE(Objective.class), KEY_RESULT(KeyResult.class),
    CHECK_IN(CheckIn.class), KPI(Kpi.class), MEASUREMENT(Measurement.class);

    private final Class<?> entity;

    ChangeKind(Class<?> entity) {
        this.entity = entity;
    }

    /** The kind of an entity, or null for one no report reads (people, audit entries). */
    public static ChangeKind of(Object entity) {
        for (ChangeKind k : values()) {
            if (k.entity.isInstance(entity)) {
                return k;
            }
        }
        return null;
    }
}
