package com.keystone.okr.web.report;

import com.keystone.okr.web.report.QuarterlyReview.Figures;
import com.keystone.okr.web.report.QuarterlyReview.Row;
import com.keystone.okr.web.report.ReviewComparison.Change;
import com.keystone.okr.web.report.ReviewComparison.Line;
import com.keystone.okr.web.report.TableFiles.Export;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The quarterly review table as a file, through {@link TableFiles}: Excel, PDF and CSV. Columns are
 * named in English in every language, so that files from different people line up. One row per
 * unit, the last row the company total. After the review's own columns come the comparison with
 * the previous cycle ({@link ReviewComparison}): its name, the previous figures and the changes;
 * empty where there is no previous cycle or the unit was not in it.
 */
public final class ReviewExports {

    public static final String XLSX_TYPE = TableFiles.XLSX_TYPE;
    public static final String PDF_TYPE = TableFiles.PDF_TYPE;
    public static final String CSV_TYPE = TableFiles.CSV_TYPE;

    /** The review's own columns, in order. */
    public static final List<String> REVIEW_COLUMNS = List.of("Unit", "Department", "Level", "Objectives",
            "Key results", "Grades red", "Grades yellow", "Grades green", "Average grade", "Check-in key results",
            "Checked in (last 14 days)", "Check-in discipline", "KPIs green", "KPIs amber", "KPIs red", "KPIs no data",
            "Grades");

    /** The comparison's columns, after the review's. */
    public static final List<String> COMPARISON_COLUMNS = List.of("Previous cycle", "Previous grades red",
            "Previous grades yellow", "Previous grades green", "Grades green change", "Grades red change",
            "Previous average grade", "Average grade change", "Previous check-in discipline",
            "Check-in discipline change (points)", "Previous KPIs green", "Previous KPIs amber", "Previous KPIs red",
            "Previous KPIs no data", "KPIs green change", "KPIs red change", "Previous grades");

    /** Every column, in order. */
    public static final List<String> COLUMNS = concat(REVIEW_COLUMNS, COMPARISON_COLUMNS);

    private static final int TEXT_COLUMNS = 3;

    private ReviewExports() {
    }

    /** {@code keystone-review-<cycle>.<extension>}, the cycle name reduced to file-name-safe characters. */
    public static String fileName(QuarterlyReview review, String extension) {
        return "keystone-review-" + TableFiles.safe(review.getCycleName()) + "." + extension;
    }

    /** The review alone (no previous cycle): the comparison's columns stay empty. */
    public static Export xlsx(QuarterlyReview review) {
        return xlsx(ReviewComparison.of(review, null));
    }

    public static Export pdf(QuarterlyReview review) {
        return pdf(ReviewComparison.of(review, null));
    }

    public static Export csv(QuarterlyReview review) {
        return csv(ReviewComparison.of(review, null));
    }

    public static Export xlsx(ReviewComparison comparison) {
        QuarterlyReview review = comparison.getReview();
        return TableFiles.xlsx(fileName(review, "xlsx"), "Review " + review.getCycleName(), COLUMNS, table(comparison),
                true, TableFiles.widths(COLUMNS, 36, 26));
    }

    /**
     * A landscape table with the cycle, the review date, whether grades are final or projected, and
     * the cycle it is compared with above it.
     */
    public static Export pdf(ReviewComparison comparison) {
        QuarterlyReview review = comparison.getReview();
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> values : table(comparison)) {
            List<String> texts = new ArrayList<>(values.size());
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                texts.add(COLUMNS.get(c).contains(" change") ? signed(v) : TableFiles.text(v));
            }
            rows.add(texts);
        }
        float[] widths = new float[COLUMNS.size()];
        boolean[] numbers = new boolean[COLUMNS.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = c == 0 ? 5f : c == 1 ? 3.2f : c == 2 ? 2.2f : 1.6f;
            String column = COLUMNS.get(c);
            numbers[c] = c >= TEXT_COLUMNS && !column.equals("Grades") && !column.equals("Previous cycle")
                    && !column.equals("Previous grades");
        }
        String title = "Keystone quarterly review " + review.getCycleName();
        String subtitle = String.format(Locale.ROOT, "Cycle %s (%s to %s), %s; figures as of %s; %s grades. %s",
                review.getCycleName(), review.getStartDate(), review.getEndDate(), review.getState(), review.getAsOf(),
                review.isProjected() ? "projected" : "final",
                comparison.isCompared()
                        ? String.format(Locale.ROOT, "Compared with %s (%s, figures as of %s, %s grades).",
                                comparison.getPreviousCycle(), comparison.getPreviousState(),
                                comparison.getPreviousAsOf(), comparison.isPreviousProjected() ? "projected" : "final")
                        : "No earlier cycle to compare with.");
        return TableFiles.pdf(fileName(review, "pdf"), title, subtitle, COLUMNS, rows, widths, numbers, true);
    }

    public static Export csv(ReviewComparison comparison) {
        return TableFiles.csv(fileName(comparison.getReview(), "csv"), COLUMNS, table(comparison));
    }

    /** The table's rows after the header: one per unit, then the company total. Numbers stay numbers. */
    static List<List<Object>> table(QuarterlyReview review) {
        return table(ReviewComparison.of(review, null));
    }

    static List<List<Object>> table(ReviewComparison comparison) {
        QuarterlyReview review = comparison.getReview();
        List<List<Object>> rows = new ArrayList<>();
        String basis = basis(review.isProjected());
        for (Line line : comparison.getLines()) {
            Row row = line.row();
            List<Object> v = values(row.unitPath(), row.department() == null ? "" : row.department(), level(row.level()),
                    row.figures(), basis);
            v.addAll(compared(comparison, line));
            rows.add(v);
        }
        List<Object> total = values("Company total", "", "Total", review.getTotals(), basis);
        total.addAll(compared(comparison, comparison.getTotal()));
        rows.add(total);
        return rows;
    }

    private static List<Object> values(String unit, String department, String level, Figures f, String basis) {
        List<Object> v = new ArrayList<>();
        v.add(unit);
        v.add(department);
        v.add(level);
        v.add(f.objectives());
        v.add(f.keyResults());
        v.add(f.gradeRed());
        v.add(f.gradeYellow());
        v.add(f.gradeGreen());
        v.add(f.averageGrade());
        v.add(f.checkInKeyResults());
        v.add(f.checkedIn());
        v.add(f.discipline());
        v.add(f.kpiGreen());
        v.add(f.kpiAmber());
        v.add(f.kpiRed());
        v.add(f.kpiNoData());
        v.add(basis);
        return v;
    }

    /** The comparison's cells of one line: all empty without a previous figure (the cycle's name still given). */
    private static List<Object> compared(ReviewComparison comparison, Line line) {
        List<Object> v = new ArrayList<>();
        v.add(comparison.isCompared() ? comparison.getPreviousCycle() : "");
        Figures p = line.previous();
        if (p == null) {
            for (int i = 1; i < COMPARISON_COLUMNS.size(); i++) {
                v.add(null);
            }
            return v;
        }
        v.add(p.gradeRed());
        v.add(p.gradeYellow());
        v.add(p.gradeGreen());
        v.add(count(line.gradesGreen()));
        v.add(count(line.gradesRed()));
        v.add(p.averageGrade());
        v.add(line.averageGrade() == null ? null : line.averageGrade().difference());
        v.add(p.discipline());
        v.add(count(line.discipline()));
        v.add(p.kpiGreen());
        v.add(p.kpiAmber());
        v.add(p.kpiRed());
        v.add(p.kpiNoData());
        v.add(count(line.kpisGreen()));
        v.add(count(line.kpisRed()));
        v.add(basis(comparison.isPreviousProjected()));
        return v;
    }

    private static Integer count(Change c) {
        return c == null ? null : c.difference().intValueExact();
    }

    /** A change in the PDF: with its sign, "+0.12", "-3", "0". */
    private static String signed(Object v) {
        if (v instanceof Integer i) {
            return i > 0 ? "+" + i : i.toString();
        }
        if (v instanceof BigDecimal d) {
            return d.signum() > 0 ? "+" + d.toPlainString() : d.toPlainString();
        }
        return TableFiles.text(v);
    }

    private static String basis(boolean projected) {
        return projected ? "projected" : "final";
    }

    private static String level(QuarterlyReview.Level level) {
        return switch (level) {
            case COMPANY -> "Company";
            case DEPARTMENT -> "Department";
            case TEAM -> "Team";
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
