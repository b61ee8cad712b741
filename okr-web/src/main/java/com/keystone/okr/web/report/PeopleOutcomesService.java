package com.keystone.okr.web.report;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.persistence.person.PersonEntry;
import com.keystone.okr.persistence.person.PersonRepository;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.web.cycle.CycleService;
import com.keystone.okr.web.report.PeopleOutcomes.Owners;
import com.keystone.okr.web.report.PeopleOutcomes.Person;
import com.keystone.okr.web.report.PeopleOutcomes.Sheet;
import com.keystone.okr.web.security.AccessDeniedException;
import com.keystone.okr.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The people view's reads (HR and administrators): one page of people, filtered by name and by
 * unit (with or without the units below it), each with the objectives and key results they own in
 * the cycle, as of the review date ({@link QuarterlyReview#reviewDate}); or every such person, for
 * the exports and the API. People come from the database a page at a time (one query for the page,
 * one for its roles, one count); what they own comes from the cycle's report, indexed by owner once
 * per report and shared by every reader until the next change.
 */
@ApplicationScoped
public class PeopleOutcomesService {

    /** Which people: null or blank filters keep everyone. */
    public record Query(String name, String unit, boolean below) {
    }

    /** One page of rows, and how many people the query keeps in all. */
    public record Page(List<Person> rows, int total) {
    }

    @Inject
    PersonRepository people;
    @Inject
    CycleService cycles;
    @Inject
    ReportService reports;
    @Inject
    CurrentUser user;

    private final Map<String, Indexed> owners = new ConcurrentHashMap<>();

    /** HR or an administrator. */
    public boolean isAllowed() {
        return user.isSignedIn() && (user.isAdmin() || user.isHr());
    }

    public void requireAllowed() {
        if (!isAllowed()) {
            throw new AccessDeniedException(text("denied.people"));
        }
    }

    /** What the figures are: the review date, and whether grades are projected (the cycle is not closed). */
    public record Basis(LocalDate asOf, boolean projected) implements Serializable {
    }

    public Basis basis(String cycleName, LocalDate asOf) {
        requireAllowed();
        Cycle cycle = cycles.get(cycleName);
        return new Basis(QuarterlyReview.reviewDate(cycle.getState(), cycle.getEndDate(),
                asOf == null ? LocalDate.now() : asOf), cycle.getState() != CycleState.CLOSED);
    }

    /** How many people the query keeps. */
    public int count(Query q) {
        requireAllowed();
        return (int) people.directoryCount(q.name(), q.unit(), q.below());
    }

    /** Rows {@code first} to {@code first + size} of the people the query keeps, in name order. */
    public Page page(String cycleName, LocalDate asOf, Query q, int first, int size) {
        requireAllowed();
        Reviewed r = reviewed(cycleName, asOf);
        int total = (int) people.directoryCount(q.name(), q.unit(), q.below());
        List<PersonEntry> entries = people.directory(q.name(), q.unit(), q.below(), first, Math.min(Math.max(size, 1), 500));
        return new Page(rows(entries, r), total);
    }

    /** Every person the query keeps, with the cycle's state and review date (for exports and the API). */
    public Sheet sheet(String cycleName, LocalDate asOf, Query q) {
        requireAllowed();
        Reviewed r = reviewed(cycleName, asOf);
        List<Person> rows = rows(people.directory(q.name(), q.unit(), q.below()), r);
        return new Sheet(r.cycle.getName(), r.state.name(), r.cycle.getStartDate(), r.cycle.getEndDate(), r.date,
                r.state != CycleState.CLOSED, rows);
    }

    private List<Person> rows(List<PersonEntry> entries, Reviewed r) {
        List<String> names = entries.stream().map(PersonEntry::username).toList();
        return PeopleOutcomes.rows(entries, people.rolesOf(names), r.owners, r.state == CycleState.CLOSED, r.date);
    }

    private Reviewed reviewed(String cycleName, LocalDate asOf) {
        Cycle cycle = cycles.get(cycleName);
        LocalDate date = QuarterlyReview.reviewDate(cycle.getState(), cycle.getEndDate(),
                asOf == null ? LocalDate.now() : asOf);
        CycleReport report = reports.report(cycleName, date);
        Indexed known = owners.get(cycleName);
        if (known == null || known.report != report) {
            known = new Indexed(report, Owners.of(report));
            owners.put(cycleName, known);
        }
        return new Reviewed(cycle, report.state(), date, known.owners);
    }

    /** The owner index of the last report of each cycle: reports are immutable, a new one comes with every change. */
    private record Indexed(CycleReport report, Owners owners) {
    }

    private record Reviewed(Cycle cycle, CycleState state, LocalDate date, Owners owners) {
    }
}
