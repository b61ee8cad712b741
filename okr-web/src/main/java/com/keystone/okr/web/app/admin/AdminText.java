package com.keystone.okr.web.app.admin;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;

/** Labels of the "adm" bundle in the page's language, with {0}-style arguments. */
final class AdminText {

    private AdminText() {
    }

    static String label(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String pattern = faces.getApplication().getResourceBundle(faces, "adm").getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(args);
    }
}
