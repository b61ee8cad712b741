package com.keystone.okr.web.app.okr;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;

/** Labels of the "okr" bundle in the page's language, for the few texts the beans compose. */
final class OkrLabels {

    private OkrLabels() {
    }

    static String get(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = faces.getApplication().getResourceBundle(faces, "okr").getString(key);
        return args.length == 0 ? text : new MessageFormat(text, faces.getViewRoot().getLocale()).format(args);
    }
}
