package com.keystone.okr.web.ui;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.web.cycle.CycleService;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * What the signed-in person is looking at, kept for their session: the cycle, the "as of" date
 * (none means today, a past date shows history from the engine), and the language.
 */
@Named
@SessionScoped
public class ViewContext implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CycleService cycles;

    private String cycle;
    private LocalDate asOf;
    private String language;

    /** The chosen cycle, or the active one containing today, or the newest one; null when there is none. */
    public String getCycle() {
        if (cycle == null) {
            List<Cycle> all = cycles.list();
            LocalDate today = LocalDate.now();
            cycle = all.stream().filter(c -> c.getState().name().equals("ACTIVE") && c.contains(today)).findFirst()
                    .or(() -> all.stream().findFirst()).map(Cycle::getName).orElse(null);
        }
        return cycle;
    }

    public void setCycle(String cycle) {
        this.cycle = cycle == null || cycle.isBlank() ? null : cycle;
    }

    /**
     * Shows what a page's address names ({@link PageAddressFilter}): the cycle, and the date
     * ({@code asOf}; none, not a date, or not a past date meaning today). An unknown cycle changes
     * nothing.
     */
    public void show(String cycleName, String asOfText) {
        if (!cycleName.equals(cycle) && !getCycles().contains(cycleName)) {
            return;
        }
        cycle = cycleName;
        LocalDate day = null;
        if (asOfText != null && !asOfText.isBlank()) {
            try {
                day = LocalDate.parse(asOfText.strip());
            } catch (DateTimeParseException notADate) {
                day = null;
            }
        }
        setAsOf(day);
    }

    public List<String> getCycles() {
        return cycles.list().stream().map(Cycle::getName).toList();
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public void setAsOf(LocalDate asOf) {
        this.asOf = asOf == null || !asOf.isBefore(LocalDate.now()) ? null : asOf;
    }

    /** The date figures are computed for: the chosen past date, else today. */
    public LocalDate getDay() {
        return asOf == null ? LocalDate.now() : asOf;
    }

    public LocalDate getToday() {
        return LocalDate.now();
    }

    public boolean isHistory() {
        return asOf != null;
    }

    public void backToToday() {
        asOf = null;
    }

    public String getLanguage() {
        if (language == null) {
            Locale requested = FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
            language = requested != null && requested.getLanguage().equals("pt") ? "pt-BR" : "en";
        }
        return language;
    }

    public void setLanguage(String language) {
        this.language = "pt-BR".equals(language) ? "pt-BR" : "en";
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(getLanguage());
    }
}
