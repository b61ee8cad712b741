package com.keystone.okr.web.app.review;

import com.keystone.okr.web.report.ChartJson;
import com.keystone.okr.web.report.QuarterlyReview;
import com.keystone.okr.web.report.QuarterlyReview.Figures;
import com.keystone.okr.web.report.QuarterlyReview.Row;
import com.keystone.okr.web.report.ReviewComparison;
import com.keystone.okr.web.report.ReviewExports;
import com.keystone.okr.web.report.ReviewService;
import com.keystone.okr.web.report.TableFiles.Export;
import com.keystone.okr.web.ui.Downloads;
import com.keystone.okr.web.ui.ViewContext;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/**
 * The HR quarterly review of the session's cycle beside the cycle before it: the per-unit table
 * with company totals, each figure with the previous cycle's and the change, two charts, and the
 * same table as Excel, PDF or CSV. Only HR, administrators and leads see it; the
 * exports check again, as a POST can come from anywhere.
 */
@Named
@ViewScoped
public class ReviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String RED = "#dc2626";
    static final String YELLOW = "#f59e0b";
    static final String GREEN = "#16a34a";
    static final String GREY = "#9ca3af";

    @Inject
    ReviewService reviews;
    @Inject
    ViewContext context;

    private boolean allowed;
    private ReviewComparison comparison;

    @PostConstruct
    void load() {
        allowed = reviews.isReviewer();
        if (allowed && context.getCycle() != null) {
            comparison = reviews.comparison(context.getCycle(), context.getAsOf());
        }
    }

    public boolean isAllowed() {
        return allowed;
    }

    public boolean isCycleThere() {
        return context.getCycle() != null;
    }

    public QuarterlyReview getReview() {
        return comparison == null ? null : comparison.getReview();
    }

    /** The review with the previous cycle's figures and the changes. */
    public ReviewComparison getComparison() {
        return comparison;
    }

    /** Stacked bars: each department's objectives (with its teams') by grade band. */
    public String getGradeChart() {
        List<Row> departments = getReview().getDepartments();
        List<String> labels = departments.stream().map(Row::name).toList();
        return ChartJson.bar(labels, List.of(
                new ChartJson.Series(text("rev", "review.band.RED"), counts(departments, Figures::gradeRed), RED, false),
                new ChartJson.Series(text("rev", "review.band.YELLOW"), counts(departments, Figures::gradeYellow), YELLOW,
                        false),
                new ChartJson.Series(text("rev", "review.band.GREEN"), counts(departments, Figures::gradeGreen), GREEN,
                        false)), true);
    }

    /** A doughnut of the company's KPIs by status (R7). */
    public String getKpiChart() {
        Figures t = getReview().getTotals();
        return ChartJson.doughnut(
                List.of(text("msg", "status.GREEN"), text("msg", "status.AMBER"), text("msg", "status.RED"),
                        text("msg", "status.NO_DATA")),
                List.of(t.kpiGreen(), t.kpiAmber(), t.kpiRed(), t.kpiNoData()),
                List.of(GREEN, YELLOW, RED, GREY));
    }

    public void exportXlsx() throws IOException {
        send(ReviewExports::xlsx);
    }

    public void exportPdf() throws IOException {
        send(ReviewExports::pdf);
    }

    public void exportCsv() throws IOException {
        send(ReviewExports::csv);
    }

    /** Writes the file as the response to the (non-Ajax) POST; a refusal stays on the page as a message. */
    private void send(Function<ReviewComparison, Export> format) throws IOException {
        Downloads.send("quarterly review", () -> {
            reviews.requireReviewer();
            return format.apply(comparison != null ? comparison : reviews.comparison(context.getCycle(), context.getAsOf()));
        });
    }

    private static List<Integer> counts(List<Row> rows, Function<Figures, Integer> count) {
        return rows.stream().map(r -> count.apply(r.figures())).toList();
    }

    private static String text(String bundle, String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, bundle).getString(key);
    }
}
