package com.keystone.okr.web.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers read on the pages: percentages of progress, values with sensible decimals. */
@Named("fmt")
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** Progress 0..1 as a whole percentage, e.g. 0.4321 → 43. */
    public int percent(double progress) {
        return (int) Math.round(progress * 100);
    }

    /**
     * A unit path that may wrap after each "/" in a narrow column ("Acme/Marketing/" then
     * "Performance") instead of inside a name: a zero-width space follows each separator. The
     * text is still escaped by the component that renders it.
     */
    public String wrappablePath(String path) {
        return path == null ? null : path.replace("/", "/\u200B");
    }

    /** A text shown as a sentence: first letter upper case (engine and API texts start lower case). */
    public String sentence(String text) {
        return Messages.sentence(text);
    }

    public String percentText(Double progress) {
        return progress == null ? "–" : percent(progress) + "%";
    }

    /** A value with at most four significant decimals, grouped by the page's language. */
    public String number(Object value) {
        if (value == null) {
            return "–";
        }
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        int scale = d.abs().compareTo(BigDecimal.ONE) >= 0 ? 2 : 4;
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMaximumFractionDigits(scale);
        f.setMinimumFractionDigits(0);
        return f.format(d.setScale(scale, RoundingMode.HALF_UP));
    }

    public String date(LocalDate d) {
        return d == null ? "–" : d.toString();
    }

    /** When something was recorded, in UTC (the clock of the histories): {@code 2026-12-05 10:12 UTC}. */
    public String utcTime(Instant at) {
        return at == null ? "–" : UTC_TIME.format(at) + " UTC";
    }

    private static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getViewRoot() == null ? Locale.ENGLISH : faces.getViewRoot().getLocale();
    }
}
