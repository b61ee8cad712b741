package com.keystone.okr.web.ui;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.web.cycle.CycleService;
import com.keystone.okr.web.objective.CheckInService;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Map;

/** The check-in dialog, shared by every page that lists key results. */
@Named
@ViewScoped
public class CheckInBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CheckInService checkIns;

    @Inject
    ViewContext context;

    @Inject
    ContextBacking reload;

    @Inject
    CycleService cycles;

    private String keyResult;
    private String title;
    private BigDecimal value;
    private Integer confidence;
    private String comment;
    private LocalDate date;
    private LocalDate earliest;
    private LocalDate latest;

    public void open(String krKey, String krTitle, double current) {
        this.keyResult = krKey;
        this.title = krTitle;
        this.value = BigDecimal.valueOf(current).stripTrailingZeros();
        this.confidence = null;
        this.comment = null;
        this.date = LocalDate.now();
        Cycle cycle = cycles.get(context.getCycle());
        this.earliest = cycle.getStartDate();
        LocalDate today = LocalDate.now();
        this.latest = today.isAfter(cycle.getEndDate()) ? cycle.getEndDate() : today;
        if (date.isAfter(latest)) {
            date = latest;
        }
    }

    /** The first day the dialog offers: the cycle's start. */
    public LocalDate getEarliestDate() {
        return earliest;
    }

    /** The last day the dialog offers: today, or the cycle's end if that came first. */
    public LocalDate getLatestDate() {
        return latest;
    }

    public void save() throws IOException {
        if (date != null && earliest != null && (date.isBefore(earliest) || date.isAfter(latest))) {
            // the page offers the cycle's days up to today (the API and imports take any date, R1)
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.addMessage("checkin:date", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    MessageFormat.format(Messages.label("checkin.dateRange"), earliest, latest), null));
            faces.validationFailed();
            return;
        }
        Object stored = Messages.attempt(() -> checkIns.record(context.getCycle(), keyResult, date, value, confidence, comment),
                Map.of("value", "checkin:value", "confidence", "checkin:confidence", "comment", "checkin:comment",
                        "date", "checkin:date"));
        if (stored != null) {
            Messages.info(Messages.label("checkin.saved"));
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            reload.reload();
        }
    }

    public String getKeyResult() {
        return keyResult;
    }

    public String getTitle() {
        return title;
    }

    public BigDecimal getValue() {
        return value;
    }

    public void setValue(BigDecimal value) {
        this.value = value;
    }

    public Integer getConfidence() {
        return confidence;
    }

    public void setConfidence(Integer confidence) {
        this.confidence = confidence;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }
}
