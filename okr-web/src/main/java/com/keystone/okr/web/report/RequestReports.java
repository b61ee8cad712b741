package com.keystone.okr.web.report;

import com.keystone.okr.reporting.CycleReport;
import jakarta.enterprise.context.RequestScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The reports computed during one request, so that a page asking the same cycle and date from
 * several places computes it once, and no page needs to keep a whole report in its view
 * between requests (a report of a large company weighs megabytes; views live in the session).
 */
@RequestScoped
public class RequestReports {

    private record Key(String cycle, LocalDate asOf) {
    }

    private final Map<Key, CycleReport> reports = new HashMap<>();

    /** After a write in this request: the next report is computed afresh. */
    void clear() {
        reports.clear();
    }

    CycleReport computeIfAbsent(String cycle, LocalDate asOf, Supplier<CycleReport> compute) {
        Key key = new Key(cycle, asOf);
        CycleReport known = reports.get(key);
        if (known == null) {
            known = compute.get();
            reports.put(key, known);
        }
        return known;
    }
}
