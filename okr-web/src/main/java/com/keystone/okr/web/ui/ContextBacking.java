package com.keystone.okr.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;

/**
 * Changing the cycle, the as-of date or the language reloads the page (keeping its view
 * parameters, e.g. the objective's key), so every figure on it follows.
 */
@Named
@RequestScoped
public class ContextBacking {

    @Inject
    ViewContext context;

    public void reload() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        String url = faces.getApplication().getViewHandler()
                .getRedirectURL(faces, faces.getViewRoot().getViewId(), Map.of(), true);
        faces.getExternalContext().redirect(url);
    }

    /**
     * This page's full address, with the cycle and date it shows ({@link PageAddress}); the layout
     * puts it in the address bar when the page was asked for without them. Empty off the application's pages.
     */
    public String getAddress() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!PageAddress.isApplicationPage(faces.getViewRoot().getViewId())) {
            return "";
        }
        return PageAddressFilter.fullAddress((HttpServletRequest) faces.getExternalContext().getRequest(),
                PageAddress.context(context));
    }

    public void backToToday() throws IOException {
        context.backToToday();
        reload();
    }
}
