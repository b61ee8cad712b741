package com.keystone.okr.reporting.objective;

import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.reporting.cycle.Pace;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A key result as of a date.
 *
 * @param start            the start value R1 uses (0 for a milestone)
 * @param target           the target value R1 uses (1 for a milestone)
 * @param kpiKey           the KPI it takes its value from, or null
 * @param current          R1's {@code c}: the latest check-in's value, the linked KPI's value, or the start
 *                         value while there is none
 * @param hasValue         whether {@code current} is a real value (a check-in or a KPI value) rather than the
 *                         start value standing in for one
 * @param latestCheckIn    effective date of the check-in {@code current} comes from, or null
 * @param confidence       confidence (1..10) of that same check-in, or null
 * @param checkInsInCycle  check-ins dated within the cycle and on or before the as-of date
 * @param progress         R1, unrounded
 * @param forecast         R5, or null (fewer than 3 check-ins in the cycle, all on one date, or KPI-linked)
 * @param grade            R4, only for a closed cycle, else null
 */
public record KeyResultResult(long id, String key, String title, String objectiveKey, String unitPath,
                              KeyResultType type, String owner, BigDecimal weight, BigDecimal start, BigDecimal target,
                              String kpiKey, double current, boolean hasValue, LocalDate latestCheckIn,
                              Integer confidence, int checkInsInCycle, double progress, Pace pace, Forecast forecast,
                              GradeInfo grade) implements Serializable {
}
