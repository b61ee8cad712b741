package com.keystone.okr.web.app.coach;

import com.keystone.okr.reporting.quality.FindingCode;
import com.keystone.okr.reporting.quality.Severity;
import com.keystone.okr.web.report.UnitSearch;
import com.keystone.okr.web.ui.ViewContext;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The OKR coach: the quality findings (R8) of the session's cycle as of its date, filtered by unit
 * (a unit and the units below it, picked by typing part of its path), code and severity, with a
 * count per severity. The table loads one page at a time from {@link CoachService}.
 */
@Named
@ViewScoped
public class CoachBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CoachService coach;
    @Inject
    UnitSearch units;
    @Inject
    ViewContext context;

    private final EnumMap<Severity, Integer> counts = new EnumMap<>(Severity.class);
    private String unit;
    private FindingCode code;
    private Severity severity;
    private final Findings findings = new Findings();

    @PostConstruct
    void load() {
        if (context.getCycle() == null) {
            for (Severity s : Severity.values()) {
                counts.put(s, 0);
            }
            return;
        }
        counts.putAll(coach.counts(context.getCycle(), context.getAsOf()));
    }

    /** The table's rows: one page of the filtered findings per request. */
    final class Findings extends LazyDataModel<CoachLine> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return coach.page(context.getCycle(), context.getAsOf(), query(Map.of()), 0, 0).total();
        }

        @Override
        public List<CoachLine> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            CoachService.Page page = coach.page(context.getCycle(), context.getAsOf(), query(sortBy), first, pageSize);
            setRowCount(page.total());
            return page.lines();
        }

        @Override
        public String getRowKey(CoachLine line) {
            return line.code() + ":" + line.subject();
        }
    }

    private CoachService.Query query(Map<String, SortMeta> sortBy) {
        CoachService.Order order = null;
        boolean descending = false;
        for (SortMeta s : sortBy.values()) {
            if (s.getOrder() == null || s.getOrder() == SortOrder.UNSORTED) {
                continue;
            }
            order = orderOf(s.getField());
            descending = s.getOrder() == SortOrder.DESCENDING;
            break;
        }
        return new CoachService.Query(unit, code, severity, order, descending);
    }

    /** The column a sort names: its {@code field}. */
    static CoachService.Order orderOf(String field) {
        String f = field == null ? "" : field.toLowerCase(Locale.ROOT);
        for (CoachService.Order o : CoachService.Order.values()) {
            if (f.contains(o.name().toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        return null;
    }

    /** The unit picker: unit paths containing what was typed. */
    public List<String> completeUnit(String text) {
        return units.matching(context.getCycle(), context.getAsOf(), text);
    }

    public boolean isCycleThere() {
        return context.getCycle() != null;
    }

    /** The company has no finding at all (the filters aside). */
    public boolean isHealthy() {
        return counts.values().stream().allMatch(c -> c == 0);
    }

    public LazyDataModel<CoachLine> getFindings() {
        return findings;
    }

    public String getUnit() {
        return unit;
    }

    /** An unknown or blank path clears the unit filter. */
    public void setUnit(String unit) {
        String path = unit == null || unit.isBlank() ? null : unit.strip();
        this.unit = path != null && units.exists(context.getCycle(), context.getAsOf(), path) ? path : null;
    }

    public FindingCode getCode() {
        return code;
    }

    public void setCode(FindingCode code) {
        this.code = code;
    }

    public Severity getSeverity() {
        return severity;
    }

    public void setSeverity(Severity severity) {
        this.severity = severity;
    }

    public FindingCode[] getCodes() {
        return FindingCode.values();
    }

    public Severity[] getSeverities() {
        return Severity.values();
    }

    public int count(Severity s) {
        return counts.getOrDefault(s, 0);
    }

    public Map<Severity, Integer> getCounts() {
        return counts;
    }
}
