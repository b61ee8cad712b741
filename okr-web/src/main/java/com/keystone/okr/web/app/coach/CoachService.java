package com.keystone.okr.web.app.coach;

import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.quality.Finding;
import com.keystone.okr.reporting.quality.FindingCode;
import com.keystone.okr.reporting.quality.Severity;
import com.keystone.okr.reporting.unit.UnitResult;
import com.keystone.okr.web.report.ReportService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The OKR coach page's reads: the count of the company's findings by severity, and one page of
 * findings of a unit and the units below it, of a code and a severity, in an order. A unit's
 * subtree is one run of the report, so a unit's page costs its findings, not the company's; only
 * the page's findings become lines.
 */
@ApplicationScoped
public class CoachService {

    /** Which findings, in which order: null filters keep everything; a null order keeps R8's order (unit by unit). */
    public record Query(String unit, FindingCode code, Severity severity, Order order, boolean descending) {
    }

    /** The orders the table offers. */
    public enum Order {
        SEVERITY(Comparator.comparing(Finding::severity)),
        CODE(Comparator.comparing(Finding::code)),
        UNIT(Comparator.comparing(Finding::unitPath)),
        SUBJECT(Comparator.comparing(Finding::subject));

        final Comparator<Finding> comparator;

        Order(Comparator<Finding> comparator) {
            this.comparator = comparator;
        }
    }

    /** One page of lines, and how many findings the query keeps in all. */
    public record Page(List<CoachLine> lines, int total) {
    }

    @Inject
    ReportService reports;

    /** How many findings of each severity the company has (every severity present, zero when none). */
    public Map<Severity, Integer> counts(String cycle, LocalDate asOf) {
        EnumMap<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        for (Finding f : reports.report(cycle, asOf).findings()) {
            counts.merge(f.severity(), 1, Integer::sum);
        }
        return counts;
    }

    /** Lines {@code first} to {@code first + size} of the findings the query keeps. */
    public Page page(String cycle, LocalDate asOf, Query q, int first, int size) {
        return select(reports.report(cycle, asOf), q, first, size);
    }

    /** Lines {@code first} to {@code first + size} of the report's findings that the query keeps. */
    static Page select(CycleReport report, Query q, int first, int size) {
        List<Finding> kept = new ArrayList<>();
        if (q.unit() == null) {
            keep(report.findings(), q, kept);
        } else {
            for (UnitResult u : report.subtree(q.unit(), null)) {
                keep(report.findingsOf(u.path()), q, kept);
            }
        }
        if (q.order() != null) {
            Comparator<Finding> c = q.order().comparator;
            kept.sort(q.descending() ? c.reversed() : c); // stable: R8's order within equal keys
        }
        int from = Math.max(0, Math.min(first, kept.size()));
        int to = Math.min(kept.size(), from + Math.max(0, size));
        List<CoachLine> lines = new ArrayList<>(to - from);
        for (Finding f : kept.subList(from, to)) {
            lines.add(CoachLines.line(report, f));
        }
        return new Page(lines, kept.size());
    }

    private static void keep(List<Finding> findings, Query q, List<Finding> kept) {
        for (Finding f : findings) {
            if ((q.code() == null || f.code() == q.code()) && (q.severity() == null || f.severity() == q.severity())) {
                kept.add(f);
            }
        }
    }
}
