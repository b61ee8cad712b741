package com.keystone.okr.web.app.coach;

import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.quality.FindingCode;
import com.keystone.okr.reporting.quality.Severity;
import com.keystone.okr.reporting.unit.UnitResult;
import com.keystone.okr.web.report.ReportService;
import com.keystone.okr.web.ui.ViewContext;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OKR coach: every quality finding (R8) of the session's cycle as of its date, to filter by
 * unit (a unit and the units below it), code and severity, with a count per severity.
 */
@Named
@ViewScoped
public class CoachBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReportService reports;
    @Inject
    ViewContext context;

    private List<CoachLine> findings = List.of();
    private List<CoachLine> filtered;
    private List<String> units = List.of();
    private final EnumMap<Severity, Integer> counts = new EnumMap<>(Severity.class);

    @PostConstruct
    void load() {
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        if (context.getCycle() == null) {
            return;
        }
        CycleReport report = reports.report(context.getCycle(), context.getAsOf());
        findings = List.copyOf(CoachLines.of(report));
        for (CoachLine f : findings) {
            counts.merge(f.severity(), 1, Integer::sum);
        }
        units = new ArrayList<>(report.units().stream().map(UnitResult::path).toList());
    }

    /** The unit filter: the chosen unit and the units below it ("Acme/Sales" keeps "Acme/Sales/Inbound", not "Acme/Sales-Ops"). */
    public boolean unitFilter(Object value, Object filter, Locale locale) {
        if (filter == null || filter.toString().isBlank()) {
            return true;
        }
        String path = String.valueOf(value);
        String chosen = filter.toString();
        return path.equals(chosen) || path.startsWith(chosen + "/");
    }

    public boolean isCycleThere() {
        return context.getCycle() != null;
    }

    public List<CoachLine> getFindings() {
        return findings;
    }

    public List<CoachLine> getFiltered() {
        return filtered;
    }

    public void setFiltered(List<CoachLine> filtered) {
        this.filtered = filtered;
    }

    /** Every unit, in path order (a unit's filter keeps the units below it too). */
    public List<String> getUnits() {
        return units;
    }

    public FindingCode[] getCodes() {
        return FindingCode.values();
    }

    public Severity[] getSeverities() {
        return Severity.values();
    }

    public int count(Severity severity) {
        return counts.getOrDefault(severity, 0);
    }

    public Map<Severity, Integer> getCounts() {
        return counts;
    }
}
