package com.keystone.okr.web.report;

import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.unit.UnitResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Unit pickers of a large company: the unit paths that contain what was typed, so that a page
 * never sends thousands of units to the browser for a menu.
 */
@ApplicationScoped
public class UnitSearch {

    /** How many paths a picker offers at most. */
    public static final int LIMIT = 20;

    @Inject
    ReportService reports;

    /**
     * Up to {@link #LIMIT} unit paths of the cycle's company that contain {@code text} (any case),
     * in path order; a blank text gives the first ones (the company and its departments).
     */
    public List<String> matching(String cycle, LocalDate asOf, String text) {
        CycleReport report = reports.report(cycle, asOf);
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        List<String> hits = new ArrayList<>();
        for (UnitResult u : report.units()) {
            if (hits.size() == LIMIT) {
                break;
            }
            if (u.path().toLowerCase(Locale.ROOT).contains(needle)) {
                hits.add(u.path());
            }
        }
        return hits;
    }

    /** Whether {@code path} is a unit of the cycle's company. */
    public boolean exists(String cycle, LocalDate asOf, String path) {
        return path != null && reports.report(cycle, asOf).unit(path).isPresent();
    }
}
