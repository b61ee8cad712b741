package com.keystone.okr.web.app.kpi;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.kpi.KpiResult;
import com.keystone.okr.reporting.kpi.KpiSource;
import com.keystone.okr.reporting.unit.UnitResult;
import com.keystone.okr.web.report.KpiTrends;
import com.keystone.okr.web.report.ReportService;
import com.keystone.okr.web.report.TrendService;
import com.keystone.okr.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The KPI board's reads: one unit's KPIs (or its subtree's) from one report of the live model, and
 * one KPI's weekly trend computed from that KPI's rows alone. Cost follows what the board shows,
 * not the company.
 */
@ApplicationScoped
public class KpiBoardService {

    @Inject
    ReportService reports;
    @Inject
    TrendService trends;
    @Inject
    CurrentUser user;

    /**
     * The board of {@code unit} (with the units below it when {@code below}) as of {@code asOf}
     * (null: today). A {@code focus} KPI that exists shows in detail and picks its unit; an unknown
     * unit falls back to the viewer's first unit, then to the company.
     */
    public KpiBoard board(String cycle, LocalDate asOf, String unit, boolean below, String focus) {
        if (cycle == null) {
            return KpiBoard.NONE;
        }
        CycleReport report = reports.report(cycle, asOf);
        boolean closed = report.state() == CycleState.CLOSED;
        boolean history = asOf != null;
        KpiResult focused = focus == null ? null : report.kpi(focus).orElse(null);
        String shown = focused != null ? focused.unitPath() : unit;
        if (shown == null || report.unit(shown).isEmpty()) {
            shown = user.unitPaths().stream().filter(p -> report.unit(p).isPresent()).findFirst()
                    .orElse(report.units().isEmpty() ? null : report.units().get(0).path());
        }
        List<KpiLine> lines = new ArrayList<>();
        if (shown != null) {
            for (UnitResult u : below ? report.subtree(shown, null) : List.of(report.unit(shown).orElseThrow())) {
                for (KpiResult k : report.kpisOf(u.path())) {
                    lines.add(line(k, closed, history));
                }
            }
        }
        return new KpiBoard(shown, lines, focused == null ? null : line(focused, closed, history), closed,
                report.asOf() != null && !report.asOf().isBefore(report.startDate()), report.asOf());
    }

    /** One KPI's line as the board shows it, or null when the cycle has no such KPI. */
    public KpiLine line(String cycle, LocalDate asOf, String kpiKey) {
        CycleReport report = reports.report(cycle, asOf);
        return report.kpi(kpiKey).map(k -> line(k, report.state() == CycleState.CLOSED, asOf != null)).orElse(null);
    }

    /** How many KPIs a picker suggests at most. */
    public static final int PICKER_LIMIT = 20;

    /**
     * A KPI picker's suggestions: the keys of at most {@value #PICKER_LIMIT} KPIs of the company whose
     * key or name contains {@code text} (any case), in the report's order (unit path, then creation).
     */
    public List<String> matchingKpis(String cycle, LocalDate asOf, String text) {
        if (cycle == null) {
            return List.of();
        }
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        List<String> hits = new ArrayList<>();
        for (KpiResult k : reports.report(cycle, asOf).kpis()) {
            if (hits.size() == PICKER_LIMIT) {
                break;
            }
            if (k.key().toLowerCase(Locale.ROOT).contains(needle) || k.name().toLowerCase(Locale.ROOT).contains(needle)) {
                hits.add(k.key());
            }
        }
        return hits;
    }

    /** R6: the KPI's value as of the end of each week of the cycle up to {@code asOf}. */
    public KpiTrends trend(String cycle, LocalDate asOf, String kpiKey) {
        return trends.kpiTrends(cycle, asOf, Set.of(kpiKey));
    }

    private KpiLine line(KpiResult k, boolean closed, boolean history) {
        return new KpiLine(k, k.unitOfMeasure(), mayMeasure(k, closed, history));
    }

    /** KPI owner, lead of its unit or above, or admin; only measured KPIs of an open cycle, and only when looking at today. */
    private boolean mayMeasure(KpiResult k, boolean closed, boolean history) {
        if (history || closed || k.source() != KpiSource.MEASURED) {
            return false;
        }
        return Objects.equals(user.username(), k.owner()) || user.canWriteInPath(k.unitPath());
    }
}
