package com.keystone.okr.web.report;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.kpi.KpiResult;
import com.keystone.okr.reporting.objective.GradeBand;
import com.keystone.okr.reporting.objective.GradeInfo;
import com.keystone.okr.reporting.objective.Grading;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.reporting.unit.UnitResult;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The HR quarterly review of one cycle, from one engine report: per unit (the company, then each
 * department followed by its teams, in path order) how many objectives and key results it has,
 * how its objectives grade (R4), how regularly its key results are checked in, and how its KPIs
 * stand (R7); with department sums (a department and all its teams) and company totals.
 * <ul>
 * <li>Grades are the objectives' grades. A closed cycle counts the frozen effective grade (the
 * override where there is one); any other cycle counts the grade its progress would round to
 * today, shown as "projected".</li>
 * <li>Check-in discipline: the share of a unit's key results that take check-ins (not
 * KPI-linked) whose latest check-in is dated within the 14 days up to the review date
 * ({@code (date - 14 days, date]}, the window of R8's {@code STALE_KEY_RESULT}).</li>
 * <li>The review date: the as-of date, but no later than the end of a closed cycle
 * ({@link #reviewDate}). The report must be computed as of that date, so that its latest
 * check-ins and KPI values are those of that day.</li>
 * </ul>
 */
public final class QuarterlyReview implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Days a check-in keeps a key result current (as R8's stale check). */
    public static final int CHECK_IN_WINDOW_DAYS = 14;

    public enum Level {
        COMPANY, DEPARTMENT, TEAM
    }

    /**
     * The counts of one unit, or summed over several. Grades are counted per band; {@code gradeSum}
     * adds the grades so that averages of sums stay exact.
     */
    public record Figures(int objectives, int keyResults, int gradeRed, int gradeYellow, int gradeGreen,
                          BigDecimal gradeSum, int checkInKeyResults, int checkedIn, int kpiGreen, int kpiAmber,
                          int kpiRed, int kpiNoData) implements Serializable {

        public static final Figures NONE = new Figures(0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0);

        public Figures {
            Objects.requireNonNull(gradeSum, "gradeSum");
        }

        public int graded() {
            return gradeRed + gradeYellow + gradeGreen;
        }

        /** The mean grade of the objectives, two decimals half-up; null without objectives. */
        public BigDecimal averageGrade() {
            return graded() == 0 ? null : gradeSum.divide(BigDecimal.valueOf(graded()), 2, RoundingMode.HALF_UP);
        }

        /** The share (0..1) of check-in key results checked in within the window; null without such key results. */
        public Double discipline() {
            return checkInKeyResults == 0 ? null : (double) checkedIn / checkInKeyResults;
        }

        public int kpis() {
            return kpiGreen + kpiAmber + kpiRed + kpiNoData;
        }

        /**
         * The figures of some objectives, key results and KPIs (a unit's own, or a person's) as of
         * the review date {@code asOf}: grades by {@link #gradeOf}, check-in discipline by
         * {@link #checkedInWithinWindow}, KPIs by their status (R7).
         */
        public static Figures of(List<ObjectiveResult> objectives, List<KeyResultResult> keyResults,
                                 List<KpiResult> kpis, boolean closed, LocalDate asOf) {
            int red = 0;
            int yellow = 0;
            int green = 0;
            BigDecimal gradeSum = BigDecimal.ZERO;
            for (ObjectiveResult o : objectives) {
                BigDecimal grade = gradeOf(o.grade(), o.progress(), closed);
                gradeSum = gradeSum.add(grade);
                switch (GradeBand.of(grade)) {
                    case GREEN -> green++;
                    case YELLOW -> yellow++;
                    case RED -> red++;
                }
            }
            int checkInKrs = 0;
            int checkedIn = 0;
            for (KeyResultResult kr : keyResults) {
                if (takesCheckIns(kr)) {
                    checkInKrs++;
                    if (checkedInWithinWindow(kr, asOf)) {
                        checkedIn++;
                    }
                }
            }
            int kpiGreen = 0;
            int kpiAmber = 0;
            int kpiRed = 0;
            int kpiNoData = 0;
            for (KpiResult k : kpis) {
                switch (k.status()) {
                    case GREEN -> kpiGreen++;
                    case AMBER -> kpiAmber++;
                    case RED -> kpiRed++;
                    case NO_DATA -> kpiNoData++;
                }
            }
            return new Figures(objectives.size(), keyResults.size(), red, yellow, green, gradeSum, checkInKrs, checkedIn,
                    kpiGreen, kpiAmber, kpiRed, kpiNoData);
        }

        public Figures plus(Figures o) {
            return new Figures(objectives + o.objectives, keyResults + o.keyResults, gradeRed + o.gradeRed,
                    gradeYellow + o.gradeYellow, gradeGreen + o.gradeGreen, gradeSum.add(o.gradeSum),
                    checkInKeyResults + o.checkInKeyResults, checkedIn + o.checkedIn, kpiGreen + o.kpiGreen,
                    kpiAmber + o.kpiAmber, kpiRed + o.kpiRed, kpiNoData + o.kpiNoData);
        }
    }

    /**
     * One unit's own figures (its own objectives, key results and KPIs, not those of the units below).
     *
     * @param department the path of the department the unit belongs to (itself for a department), null for the company
     */
    public record Row(String unitPath, String name, String department, Level level, int depth, Figures figures)
            implements Serializable {
    }

    private final String cycleName;
    private final CycleState state;
    private final LocalDate startDate;
    private final LocalDate endDate;
    private final LocalDate asOf;
    private final List<Row> rows;
    private final List<Row> departments;
    private final Figures totals;

    private QuarterlyReview(CycleReport report, LocalDate asOf, List<Row> rows, List<Row> departments, Figures totals) {
        this.cycleName = report.cycleName();
        this.state = report.state();
        this.startDate = report.startDate();
        this.endDate = report.endDate();
        this.asOf = asOf;
        this.rows = List.copyOf(rows);
        this.departments = List.copyOf(departments);
        this.totals = totals;
    }

    /** The date a review of a cycle in {@code state} looks at on {@code day}: the day, at most a closed cycle's end. */
    public static LocalDate reviewDate(CycleState state, LocalDate endDate, LocalDate day) {
        return state == CycleState.CLOSED && day.isAfter(endDate) ? endDate : day;
    }

    /**
     * The review from a report computed as of {@code asOf} (see {@link #reviewDate}).
     *
     * @throws IllegalArgumentException when the report is as of another date: its latest check-ins would not be
     *                                  those of the review date
     */
    public static QuarterlyReview of(CycleReport report, LocalDate asOf) {
        return of(report, asOf, null, null);
    }

    /**
     * The review from a report, reusing the figures of every unit whose rows are the very rows of
     * {@code before} (the report {@code earlier} was made from): a live model's next report
     * replaces only the rows a write touched, so a review after a check-in recomputes the few
     * units it changed. The figures are the same as {@link #of(CycleReport, LocalDate)}'s.
     */
    public static QuarterlyReview of(CycleReport report, LocalDate asOf, CycleReport before, QuarterlyReview earlier) {
        Objects.requireNonNull(asOf, "asOf");
        if (!asOf.equals(report.asOf())) {
            throw new IllegalArgumentException("the review as of " + asOf + " needs the report as of that date, not "
                    + report.asOf());
        }
        boolean closed = report.state() == CycleState.CLOSED;
        boolean reuse = earlier != null && report.sameLayout(before) && asOf.equals(earlier.asOf)
                && report.state() == earlier.state && before.asOf().equals(asOf);
        List<Row> rows = new ArrayList<>();
        Map<String, Figures> byDepartment = new LinkedHashMap<>();
        Figures totals = Figures.NONE;
        List<UnitResult> units = report.units();
        for (int i = 0; i < units.size(); i++) {
            UnitResult u = units.get(i);
            Figures f = reuse && sameRows(report, before, u.path()) ? earlier.rows.get(i).figures()
                    : figures(report, u.path(), closed, asOf);
            String department = departmentOf(u.path(), u.depth());
            Level level = u.depth() == 0 ? Level.COMPANY : u.depth() == 1 ? Level.DEPARTMENT : Level.TEAM;
            rows.add(new Row(u.path(), nameOf(u.path()), department, level, u.depth(), f));
            if (department != null) {
                byDepartment.merge(department, f, Figures::plus);
            }
            totals = totals.plus(f);
        }
        List<Row> departments = new ArrayList<>();
        byDepartment.forEach((path, f) -> departments.add(new Row(path, nameOf(path), path, Level.DEPARTMENT, 1, f)));
        return new QuarterlyReview(report, asOf, rows, departments, totals);
    }

    /** Whether the unit's objectives, key results and KPIs are the same objects in both reports (of one layout). */
    private static boolean sameRows(CycleReport report, CycleReport before, String unitPath) {
        return identical(report.objectivesOf(unitPath), before.objectivesOf(unitPath))
                && identical(report.keyResultsOfUnit(unitPath), before.keyResultsOfUnit(unitPath))
                && identical(report.kpisOf(unitPath), before.kpisOf(unitPath));
    }

    private static boolean identical(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static Figures figures(CycleReport report, String unitPath, boolean closed, LocalDate asOf) {
        return Figures.of(report.objectivesOf(unitPath), report.keyResultsOfUnit(unitPath), report.kpisOf(unitPath),
                closed, asOf);
    }

    /**
     * The grade the review counts for an objective or a key result: in a closed cycle the frozen
     * effective grade (the override where there is one), else the grade its progress rounds to
     * (R4, "projected"). One definition for the review, its comparison and the people view.
     */
    public static BigDecimal gradeOf(GradeInfo frozen, double progress, boolean closed) {
        return closed && frozen != null && frozen.effective() != null ? frozen.effective() : Grading.grade(progress);
    }

    /** Whether a key result counts in check-in discipline: it takes check-ins (it is not linked to a KPI). */
    public static boolean takesCheckIns(KeyResultResult kr) {
        return kr.kpiKey() == null;
    }

    /**
     * Whether a key result that takes check-ins was checked in within the window up to the review
     * date: its latest check-in is dated in {@code (asOf - 14 days, asOf]} (R8's stale window).
     */
    public static boolean checkedInWithinWindow(KeyResultResult kr, LocalDate asOf) {
        LocalDate latest = kr.latestCheckIn();
        return latest != null && latest.isAfter(asOf.minusDays(CHECK_IN_WINDOW_DAYS)) && !latest.isAfter(asOf);
    }

    /** The path of the depth-1 ancestor of a unit (the unit itself at depth 1); null for the company. */
    static String departmentOf(String path, int depth) {
        if (depth == 0) {
            return null;
        }
        int first = path.indexOf('/');
        int second = path.indexOf('/', first + 1);
        return second < 0 ? path : path.substring(0, second);
    }

    private static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public String getCycleName() {
        return cycleName;
    }

    public CycleState getState() {
        return state;
    }

    /** Whether grades are projections from progress (any cycle not closed) rather than the frozen ones. */
    public boolean isProjected() {
        return state != CycleState.CLOSED;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    /** The review date: figures and check-in discipline are as of this day. */
    public LocalDate getAsOf() {
        return asOf;
    }

    /** The company, then every department followed by its teams, in path order; each with its own figures. */
    public List<Row> getRows() {
        return rows;
    }

    /** Each department with the sum of its own and its teams' figures, in path order. */
    public List<Row> getDepartments() {
        return departments;
    }

    /** The whole company: every unit's figures summed. */
    public Figures getTotals() {
        return totals;
    }
}
