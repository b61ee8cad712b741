package com.keystone.okr.web.ui;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.web.support.RefusalException;
import com.keystone.okr.web.support.WebText;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a page action and turns the services' refusals into messages next to the field they
 * name (or at the top of the page), so a person sees what to fix and nothing was stored. The
 * refusals read in the page's language; their {@code getMessage()} stays English for the API
 * and the logs.
 */
public final class Messages {

    private Messages() {
    }

    /**
     * Runs the action; on a refusal, shows its message at the component mapped from the refused
     * field (the domain's field names, e.g. "value" → "checkin:value") and returns null.
     */
    public static <T> T attempt(Supplier<T> action, Map<String, String> fieldToClientId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = locale(faces);
        try {
            return action.get();
        } catch (InvalidInputException e) {
            String clientId = fieldToClientId.get(e.getField());
            faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, sentence(e.getMessage(locale)), null));
        } catch (RefusalException e) {
            // not allowed, unknown key, stale version: shown at the top of the page
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, sentence(e.getMessage(locale)), null));
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof InvalidInputException)) {
                cause = cause.getCause();
            }
            if (cause instanceof InvalidInputException iie) {
                faces.addMessage(fieldToClientId.get(iie.getField()),
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, sentence(iie.getMessage(locale)), null));
            } else if (isDataError(e)) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        sentence(WebText.text("data.outOfRange").render(locale)), null));
            } else {
                throw e;
            }
        }
        faces.validationFailed();
        return null;
    }

    /** The database refused a value (too long, out of range): the domain's checks let something past. */
    private static boolean isDataError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.DataException || t instanceof java.sql.SQLDataException) {
                return true;
            }
        }
        return false;
    }

    /** A message as a sentence for people: its first letter upper case (the API's texts start lower case). */
    public static String sentence(String text) {
        if (text == null || text.isEmpty() || !Character.isLowerCase(text.charAt(0))) {
            return text;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The page's language: the view's locale (set from the language switch), else English. */
    public static Locale locale(FacesContext faces) {
        Locale locale = faces == null || faces.getViewRoot() == null ? null : faces.getViewRoot().getLocale();
        return locale == null ? Locale.ENGLISH : locale;
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** A label of the "msg" bundle in the page's language. */
    public static String label(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }
}
