package com.keystone.okr.web.app.kpi;

import com.keystone.okr.reporting.kpi.KpiResult;
import com.keystone.okr.web.audit.AuditService;
import com.keystone.okr.web.kpi.MeasurementService;
import com.keystone.okr.web.report.ChartJson;
import com.keystone.okr.web.report.KpiTrends;
import com.keystone.okr.web.report.UnitSearch;
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
    KpiBoardService boards;
    @Inject
    UnitSearch units;
    @Inject
    MeasurementService measurements;
    @Inject
    ViewContext context;
    @Inject
    AuditService audit;

    private String unit;
    private boolean below;
    private String focus;

    // the rows shown; read again after a change of unit or a measurement, and when the view was restored elsewhere
    private transient KpiBoard board;

    private String measureKey;
    private String measureName;
    private String measureUnitOfMeasure;
    private LocalDate measureDate;
    private BigDecimal measureValue;

    /** The view action: the board of the unit asked for (or of the focused KPI's unit, or of the viewer's). */
    public void load() {
        board = null;
        board();
    }

    private KpiBoard board() {
        if (board == null) {
            board = boards.board(context.getCycle(), context.getAsOf(), unit, below, focus);
            unit = board.unit();
            focus = board.focused() == null ? null : board.focused().key();
        }
        return board;
    }

    /** Whether the person looking may read the KPI's history (the rule of {@link AuditService}). */
    public boolean canReadHistory(KpiLine l) {
        return audit.mayReadIn(l.kpi().unitPath());
    }

    public boolean isCycleThere() {
        return context.getCycle() != null;
    }

    /** The selected unit's KPIs, then (with "include units below") those of its descendants, in path order. */
    public List<KpiLine> getLines() {
        return board().lines();
    }

    /** The KPI shown in detail above the table (from the {@code kpi} parameter), or null. */
    public KpiLine getFocused() {
        return board().focused();
    }

    /** The unit picker: unit paths containing what was typed. */
    public List<String> completeUnit(String text) {
        return units.matching(context.getCycle(), context.getAsOf(), text);
    }

    /** The Chart.js configuration of a KPI's trend: its value as of each week, with its target and warning. */
    public String trendJson(KpiLine l) {
        KpiTrends trend = boards.trend(context.getCycle(), context.getAsOf(), l.key());
        List<String> labels = trend.dates().stream().map(LocalDate::toString).toList();
        int n = labels.size();
        KpiResult k = l.kpi();
        List<ChartJson.Series> series = List.of(
                new ChartJson.Series(k.name(), trend.of(k.key()), VALUE_COLOR, false),
                new ChartJson.Series(text("kpi.target"), Collections.nCopies(n, k.target()), TARGET_COLOR, true),
                new ChartJson.Series(text("kpi.warning"), Collections.nCopies(n, k.warning()), WARNING_COLOR, true));
        return ChartJson.line(labels, series);
    }

    /** Whether the trend has any point to draw (the cycle has started by the as-of date). */
    public boolean hasTrend() {
        return board().hasTrend();
    }

    public void unitChanged() {
        board = null;
    }

    // ---- the measurement dialog ----

    public void openMeasure(String kpiKey) {
        KpiLine l = getLines().stream().filter(x -> x.key().equals(kpiKey)).findFirst()
                .orElseGet(() -> boards.line(context.getCycle(), context.getAsOf(), kpiKey));
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
            board = null;
            measureKey = null;
        }
    }

    private static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "kpi").getString(key);
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        String path = unit == null || unit.isBlank() ? null : unit.strip();
        if (!Objects.equals(this.unit, path)) {
            board = null;
        }
        this.unit = path;
    }

    public boolean isBelow() {
        return below;
    }

    public void setBelow(boolean below) {
        if (this.below != below) {
            board = null;
        }
        this.below = below;
    }

    public String getKpi() {
        return focus;
    }

    public void setKpi(String kpi) {
        String key = kpi == null || kpi.isBlank() ? null : kpi;
        if (!Objects.equals(focus, key)) {
            board = null;
        }
        this.focus = key;
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
