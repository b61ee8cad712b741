package com.keystone.okr.web.report;

import com.keystone.okr.persistence.person.PersonEntry;
import com.keystone.okr.persistence.person.UnitRoleEntry;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.objective.GradeBand;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.web.report.QuarterlyReview.Figures;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Outcomes by person for HR: for each person, the objectives and key results of the cycle they
 * own, with progress and grades, and their check-in discipline, all by the quarterly review's
 * definitions ({@link QuarterlyReview#gradeOf}, {@link QuarterlyReview#checkedInWithinWindow}, and
 * {@link Figures#of} for the sums), from one engine report as of the review date.
 */
public final class PeopleOutcomes {

    private PeopleOutcomes() {
    }

    /** What a person owns. */
    public enum Kind {
        OBJECTIVE, KEY_RESULT
    }

    /**
     * One objective or key result a person owns.
     *
     * @param objectiveKey for a key result, its objective; for an objective, the one it is aligned to (or null)
     * @param grade        the grade the review counts: frozen in a closed cycle, else projected from progress
     * @param checkedIn    for a key result that takes check-ins, whether it was checked in within the 14 days up to
     *                     the review date; null for objectives and key results linked to a KPI
     */
    public record Item(Kind kind, String key, String title, String unitPath, String objectiveKey, double progress,
                       BigDecimal grade, GradeBand band, boolean overridden, String kpiKey, LocalDate latestCheckIn,
                       Boolean checkedIn) implements Serializable {
    }

    /** A person's role in a unit. */
    public record Role(String role, String unitPath) implements Serializable {

        /** "LEAD Acme/Sales". */
        public String text() {
            return role + " " + unitPath;
        }
    }

    /**
     * One person's outcomes in the cycle.
     *
     * @param roles             their roles, by unit path
     * @param figures           the review's figures of what they own: objectives by grade band and their average,
     *                          key results and check-in discipline (no KPIs)
     * @param keyResultAverage  the average grade of the key results they own (two decimals), null without any
     * @param keyResultGrades   their key results by band: red, yellow, green
     */
    public record Person(String username, String displayName, boolean active, List<Role> roles, Figures figures,
                         BigDecimal keyResultAverage, List<Integer> keyResultGrades, List<Item> items)
            implements Serializable {

        /** Whether they own nothing in the cycle. */
        public boolean isEmpty() {
            return items.isEmpty();
        }
    }

    /** The report's objectives and key results by owner (username), in the report's order. */
    public static final class Owners {

        private final Map<String, List<ObjectiveResult>> objectives = new HashMap<>();
        private final Map<String, List<KeyResultResult>> keyResults = new HashMap<>();

        private Owners() {
        }

        public static Owners of(CycleReport report) {
            Owners o = new Owners();
            for (ObjectiveResult r : report.objectives()) {
                if (r.owner() != null) {
                    o.objectives.computeIfAbsent(r.owner(), k -> new ArrayList<>()).add(r);
                }
            }
            for (KeyResultResult r : report.keyResults()) {
                if (r.owner() != null) {
                    o.keyResults.computeIfAbsent(r.owner(), k -> new ArrayList<>()).add(r);
                }
            }
            return o;
        }

        public List<ObjectiveResult> objectivesOf(String username) {
            return objectives.getOrDefault(username, List.of());
        }

        public List<KeyResultResult> keyResultsOf(String username) {
            return keyResults.getOrDefault(username, List.of());
        }
    }

    /**
     * A person's row: what {@code owners} says they own in a report of a cycle {@code closed} or
     * not, as of the review date {@code asOf}.
     */
    public static Person of(PersonEntry person, List<UnitRoleEntry> roles, Owners owners, boolean closed,
                            LocalDate asOf) {
        List<ObjectiveResult> objectives = owners.objectivesOf(person.username());
        List<KeyResultResult> keyResults = owners.keyResultsOf(person.username());
        List<Item> items = new ArrayList<>(objectives.size() + keyResults.size());
        for (ObjectiveResult o : objectives) {
            BigDecimal grade = QuarterlyReview.gradeOf(o.grade(), o.progress(), closed);
            items.add(new Item(Kind.OBJECTIVE, o.key(), o.title(), o.unitPath(), o.parentKey(), o.progress(), grade,
                    GradeBand.of(grade), closed && o.grade() != null && o.grade().isOverridden(), null, null, null));
        }
        int[] bands = new int[3];
        BigDecimal sum = BigDecimal.ZERO;
        for (KeyResultResult k : keyResults) {
            BigDecimal grade = QuarterlyReview.gradeOf(k.grade(), k.progress(), closed);
            sum = sum.add(grade);
            GradeBand band = GradeBand.of(grade);
            bands[band == GradeBand.RED ? 0 : band == GradeBand.YELLOW ? 1 : 2]++;
            Boolean checkedIn = QuarterlyReview.takesCheckIns(k) ? QuarterlyReview.checkedInWithinWindow(k, asOf) : null;
            items.add(new Item(Kind.KEY_RESULT, k.key(), k.title(), k.unitPath(), k.objectiveKey(), k.progress(), grade,
                    band, closed && k.grade() != null && k.grade().isOverridden(), k.kpiKey(), k.latestCheckIn(),
                    checkedIn));
        }
        BigDecimal krAverage = keyResults.isEmpty() ? null
                : sum.divide(BigDecimal.valueOf(keyResults.size()), 2, RoundingMode.HALF_UP);
        List<Role> roleTexts = roles.stream().map(r -> new Role(r.role().name(), r.unitPath())).toList();
        return new Person(person.username(), person.displayName(), person.active(), roleTexts,
                Figures.of(objectives, keyResults, List.of(), closed, asOf), krAverage,
                List.of(bands[0], bands[1], bands[2]), List.copyOf(items));
    }

    /** Rows for people in their order, their roles looked up by username. */
    public static List<Person> rows(List<PersonEntry> people, List<UnitRoleEntry> roles, Owners owners, boolean closed,
                                    LocalDate asOf) {
        Map<String, List<UnitRoleEntry>> byPerson = new HashMap<>();
        for (UnitRoleEntry r : roles) {
            byPerson.computeIfAbsent(r.username(), k -> new ArrayList<>()).add(r);
        }
        List<Person> rows = new ArrayList<>(people.size());
        for (PersonEntry p : people) {
            rows.add(of(p, byPerson.getOrDefault(p.username(), List.of()), owners, closed, asOf));
        }
        return rows;
    }

    /** A sheet of outcomes: the cycle, its state and review date, and the rows of the people asked for. */
    public record Sheet(String cycleName, String state, LocalDate startDate, LocalDate endDate, LocalDate asOf,
                        boolean projected, List<Person> people) implements Serializable {
    }
}
