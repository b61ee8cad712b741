package com.keystone.okr.web.ui;

import com.keystone.okr.web.objective.CheckInService;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
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

    private String keyResult;
    private String title;
    private BigDecimal value;
    private Integer confidence;
    private String comment;
    private LocalDate date;

    public void open(String krKey, String krTitle, double current) {
        this.keyResult = krKey;
        this.title = krTitle;
        this.value = BigDecimal.valueOf(current).stripTrailingZeros();
        this.confidence = null;
        this.comment = null;
        this.date = LocalDate.now();
    }

    public void save() throws IOException {
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
