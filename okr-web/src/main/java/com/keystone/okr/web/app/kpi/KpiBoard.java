package com.keystone.okr.web.app.kpi;

import java.time.LocalDate;
import java.util.List;

/**
 * What the KPI board shows, read in one go by {@link KpiBoardService}.
 *
 * @param unit     the unit shown (the one asked for, else the focused KPI's, else the viewer's first, else the company)
 * @param lines    the unit's KPIs, and with "below" those of the units below it, in path order
 * @param focused  the KPI shown in detail, or null
 * @param closed   the cycle is closed: no measurement is recorded on its board
 * @param hasTrend the cycle has started by the as-of date, so a trend has points
 * @param asOf     the date the figures are as of
 */
public record KpiBoard(String unit, List<KpiLine> lines, KpiLine focused, boolean closed, boolean hasTrend,
                       LocalDate asOf) {

    public static final KpiBoard NONE = new KpiBoard(null, List.of(), null, false, false, null);

    public KpiBoard {
        lines = List.copyOf(lines);
    }
}
