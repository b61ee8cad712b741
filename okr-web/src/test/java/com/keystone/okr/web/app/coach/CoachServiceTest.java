package com.keystone.okr.web.app.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.quality.Finding;
import com.keystone.okr.reporting.quality.FindingCode;
import com.keystone.okr.reporting.quality.Severity;
import com.keystone.okr.reporting.unit.UnitResult;
import com.keystone.okr.web.app.coach.CoachService.Order;
import com.keystone.okr.web.app.coach.CoachService.Query;
import com.keystone.okr.web.report.ReviewFixture;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The coach's pages against a plain filter of every finding of the report. */
class CoachServiceTest {

    private static final CycleReport REPORT = ReviewFixture.report(CycleState.ACTIVE, LocalDate.of(2026, 8, 15));

    @Test
    void theFixtureHasFindingsInSeveralUnitsOfSeveralCodes() {
        assertTrue(REPORT.findings().stream().map(Finding::unitPath).distinct().count() >= 3, REPORT.findings()::toString);
        assertTrue(REPORT.findings().stream().map(Finding::code).distinct().count() >= 2, REPORT.findings()::toString);
    }

    @Test
    void aUnitKeepsItsFindingsAndThoseOfTheUnitsBelowItNotThoseOfASiblingThatSharesItsName() {
        for (UnitResult u : REPORT.units()) {
            String path = u.path();
            List<Finding> expected = REPORT.findings().stream()
                    .filter(f -> f.unitPath().equals(path) || f.unitPath().startsWith(path + "/")).toList();
            CoachService.Page page = CoachService.select(REPORT, new Query(path, null, null, null, false), 0, 1000);
            assertEquals(expected, page.lines().stream().map(CoachLine::finding).toList(), path);
            assertEquals(expected.size(), page.total(), path);
        }
        List<Finding> sales = CoachService.select(REPORT, new Query("Acme/Sales", null, null, null, false), 0, 1000)
                .lines().stream().map(CoachLine::finding).toList();
        assertTrue(sales.stream().noneMatch(f -> f.unitPath().startsWith("Acme/Sales-Ops")), sales::toString);
    }

    @Test
    void codeAndSeverityFiltersKeepExactlyTheirFindings() {
        for (FindingCode code : FindingCode.values()) {
            for (Severity severity : Severity.values()) {
                Predicate<Finding> keep = f -> f.code() == code && f.severity() == severity;
                List<Finding> expected = REPORT.findings().stream().filter(keep).toList();
                CoachService.Page page = CoachService.select(REPORT, new Query(null, code, severity, null, false), 0, 1000);
                assertEquals(expected, page.lines().stream().map(CoachLine::finding).toList(), code + " " + severity);
            }
        }
    }

    @Test
    void pagesCoverTheOrderedFindingsOnceEachWithTheTotal() {
        List<Finding> bySeverityDescending = new ArrayList<>(REPORT.findings());
        bySeverityDescending.sort(Comparator.comparing(Finding::severity).reversed());
        List<Finding> seen = new ArrayList<>();
        for (int first = 0; first < bySeverityDescending.size(); first += 2) {
            CoachService.Page page = CoachService.select(REPORT, new Query(null, null, null, Order.SEVERITY, true), first, 2);
            assertEquals(bySeverityDescending.size(), page.total());
            page.lines().forEach(l -> seen.add(l.finding()));
        }
        assertEquals(bySeverityDescending, seen);
        assertEquals(0, CoachService.select(REPORT, new Query(null, null, null, null, false), 10_000, 25).lines().size(),
                "a page past the end is empty");
    }

    @Test
    void aSortNamesItsColumnByField() {
        assertEquals(Order.SEVERITY, CoachBacking.orderOf("severity"));
        assertEquals(Order.UNIT, CoachBacking.orderOf("unit"));
        assertEquals(Order.SUBJECT, CoachBacking.orderOf("subject"));
        assertEquals(Order.CODE, CoachBacking.orderOf("code"));
        assertEquals(null, CoachBacking.orderOf("fix"));
    }
}
