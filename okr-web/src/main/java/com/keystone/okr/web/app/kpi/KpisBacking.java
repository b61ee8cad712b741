package com.keystone.okr.web.app.kpi;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.kpi.KpiResult;
import com.keystone.okr.reporting.kpi.KpiSource;
import com.keystone.okr.reporting.unit.UnitResult;
import com.keystone.okr.web.kpi.MeasurementService;
import com.keystone.okr.web.report.ChartJson;
import com.keystone.okr.web.report.KpiTrends;
import com.keystone.okr.web.report.ReportService;
import com.keystone.okr.web.report.TrendService;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.ui.Messages;
import com.keystone.okr.web.ui.ViewContext;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The KPI board: the KPIs of one unit (and, on request, of the units below it) for the session's
 * cycle and as-of date, each with a weekly trend computed from one snapshot, the parts of roll-ups
 * and ratios, and a dialog to record a measurement. View parameters: {@code unit}, {@code below},
 * and {@code kpi} (a KPI to show in detail; its unit becomes the selected one).
 */
@Named
@ViewScoped
public class KpisBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String VALUE_COLOR = "#1d4ed8";
    private static final String TARGET_COLOR = "#16a34a";
    private static final String WARNING_COLOR = "#d97706";

    @Inject
    ReportService reports;
    @Inject
    TrendService trends;
    @Inject
    MeasurementService measurements;
    @Inject
    CurrentUser user;
    @Inject
    ViewContext context;

    private String unit;
    private boolean below;
    private String focus;
    private List<String> unitPaths = List.of();
    private KpiTrends trendCache;

    // the lines shown; the report itself is not kept in the view (ReportService keeps it for one request)
    private transient List<KpiLine> lines;

    private String measureKey;
    private String measureName;
    private String measureUnitOfMeasure;
    private LocalDate measureDate;
    private BigDecimal measureValue;

    /** The view action: the report, the units to pick from, and the unit to show first. */
    public void load() {
        if (!isCycleThere()) {
            return;
        }
        CycleReport r = report();
        unitPaths = r.units().stream().map(UnitResult::path).toList();
        if (focus != null) {
            r.kpi(focus).ifPresentOrElse(k -> unit = k.unitPath(), () -> focus = null);
        }
        if (unit == null || !unitPaths.contains(unit)) {
            List<String> mine = user.unitPaths();
            unit = mine.stream().filter(unitPaths::contains).findFirst()
                    .orElse(r.units().stream().filter(u -> u.depth() == 0).map(UnitResult::path).findFirst().orElse(null));
        }
        lines = null;
    }

    public boolean isCycleThere() {
        return context.getCycle() != null;
    }

    /** The selected unit's KPIs, then (with "include units below") those of its descendants, in path order. */
    public List<KpiLine> getLines() {
        if (lines == null) {
            lines = buildLines();
        }
        return lines;
    }

    private List<KpiLine> buildLines() {
        if (!isCycleThere() || unit == null) {
            return List.of();
        }
        List<KpiLine> result = new ArrayList<>();
        String prefix = unit + "/";
        for (UnitResult u : report().units()) {
            if (u.path().equals(unit) || below && u.path().startsWith(prefix)) {
                for (KpiResult k : report().kpisOf(u.path())) {
                    result.add(line(k));
                }
            }
        }
        return result;
    }

    private KpiLine line(KpiResult k) {
        return new KpiLine(k, k.unitOfMeasure(), mayMeasure(k));
    }

    /** KPI owner, lead of its unit or above, or admin; only measured KPIs, and only when looking at today. */
    private boolean mayMeasure(KpiResult k) {
        if (context.isHistory() || report().state() == CycleState.CLOSED || k.source() != KpiSource.MEASURED) {
            return false;
        }
        return Objects.equals(user.username(), k.owner()) || user.canWriteInPath(k.unitPath());
    }

    /** The KPI shown in detail above the table (from the {@code kpi} parameter), or null. */
    public KpiLine getFocused() {
        if (focus == null || !isCycleThere()) {
            return null;
        }
        return report().kpi(focus).map(this::line).orElse(null);
    }

    /** The Chart.js configuration of a KPI's trend: its value as of each week, with its target and warning. */
    public String trendJson(KpiLine l) {
        if (trendCache == null) {
            trendCache = trends.kpiTrends(context.getCycle(), context.getAsOf());
        }
        List<String> labels = trendCache.dates().stream().map(LocalDate::toString).toList();
        int n = labels.size();
        KpiResult k = l.kpi();
        List<ChartJson.Series> series = List.of(
                new ChartJson.Series(k.name(), trendCache.of(k.key()), VALUE_COLOR, false),
                new ChartJson.Series(text("kpi.target"), Collections.nCopies(n, k.target()), TARGET_COLOR, true),
                new ChartJson.Series(text("kpi.warning"), Collections.nCopies(n, k.warning()), WARNING_COLOR, true));
        return ChartJson.line(labels, series);
    }

    /** Whether the trend has any point to draw (the cycle has started by the as-of date). */
    public boolean hasTrend() {
        return report().asOf() != null && !report().asOf().isBefore(report().startDate());
    }

    public void unitChanged() {
        lines = null;
    }

    // ---- the measurement dialog ----

    public void openMeasure(String kpiKey) {
        KpiLine l = getLines().stream().filter(x -> x.key().equals(kpiKey)).findFirst()
                .orElseGet(() -> report().kpi(kpiKey).map(this::line).orElse(null));
        measureKey = null;
        if (l == null || !l.canMeasure()) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, text("measure.notAllowed"), null));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        measureKey = l.key();
        measureName = l.kpi().name();
        measureUnitOfMeasure = l.unitOfMeasure();
        measureDate = LocalDate.now();
        measureValue = null;
    }

    public void saveMeasurement() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (measureKey == null || context.isHistory()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text("measure.notAllowed"), null));
            faces.validationFailed();
            return;
        }
        Object stored = Messages.attempt(() -> measurements.record(measureKey, measureDate, measureValue),
                Map.of("value", "kpis:measureValue", "date", "kpis:measureDate"));
        if (stored != null) {
            // the summary alone: the growl would repeat it as the detail
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    MessageFormat.format(text("measure.saved"), measureKey, measureDate.toString()), ""));
            reports.forgetThisRequest();
            lines = null;
            trendCache = null;
            measureKey = null;
        }
    }

    private CycleReport report() {
        return reports.report(context.getCycle(), context.getAsOf());
    }

    private static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "kpi").getString(key);
    }

    public List<String> getUnitPaths() {
        return unitPaths;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        if (!Objects.equals(this.unit, unit)) {
            lines = null;
        }
        this.unit = unit == null || unit.isBlank() ? null : unit;
    }

    public boolean isBelow() {
        return below;
    }

    public void setBelow(boolean below) {
        if (this.below != below) {
            lines = null;
        }
        this.below = below;
    }

    public String getKpi() {
        return focus;
    }

    public void setKpi(String kpi) {
        this.focus = kpi == null || kpi.isBlank() ? null : kpi;
    }

    public boolean isHistory() {
        return context.isHistory();
    }

    public String getMeasureKey() {
        return measureKey;
    }

    public String getMeasureName() {
        return measureName;
    }

    public String getMeasureUnitOfMeasure() {
        return measureUnitOfMeasure;
    }

    public LocalDate getMeasureDate() {
        return measureDate;
    }

    public void setMeasureDate(LocalDate measureDate) {
        this.measureDate = measureDate;
    }

    public BigDecimal getMeasureValue() {
        return measureValue;
    }

    public void setMeasureValue(BigDecimal measureValue) {
        this.measureValue = measureValue;
    }
}
