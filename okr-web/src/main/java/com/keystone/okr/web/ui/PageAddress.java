package com.keystone.okr.web.ui;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every page's address says what it shows: the links, buttons and redirects Faces builds to a page
 * of the application carry the cycle and the "as of" date of the page they start from
 * ({@code ?cycle=2026-Q3&asOf=2026-09-30}), so a link copied from the address bar, or a page's
 * link followed, opens what its sender saw. {@link PageAddressFilter} reads them back. (A form's
 * post goes to the page's plain address: what it changes is in the person's view context.)
 */
public class PageAddress extends ViewHandlerWrapper {

    static final String CYCLE = "cycle";
    static final String AS_OF = "asOf";

    public PageAddress(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getBookmarkableURL(FacesContext context, String viewId, Map<String, List<String>> parameters,
                                     boolean includeViewParams) {
        return super.getBookmarkableURL(context, viewId, withContext(viewId, parameters), includeViewParams);
    }

    @Override
    public String getRedirectURL(FacesContext context, String viewId, Map<String, List<String>> parameters,
                                 boolean includeViewParams) {
        return super.getRedirectURL(context, viewId, withContext(viewId, parameters), includeViewParams);
    }

    /** The parameters that say which cycle and date a page shows: the cycle always, the date only for history. */
    static Map<String, String> context(ViewContext view) {
        Map<String, String> c = new LinkedHashMap<>();
        String cycle = view.getCycle();
        if (cycle != null) {
            c.put(CYCLE, cycle);
        }
        if (view.getAsOf() != null) {
            c.put(AS_OF, view.getAsOf().toString());
        }
        return c;
    }

    static boolean isApplicationPage(String viewId) {
        return viewId != null && viewId.startsWith("/app/");
    }

    private static Map<String, List<String>> withContext(String viewId, Map<String, List<String>> parameters) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!isApplicationPage(viewId) || faces == null || faces.getExternalContext().getUserPrincipal() == null) {
            return parameters; // e.g. the expired page's link for someone not signed in: the sign-in page comes first
        }
        Map<String, List<String>> p = new HashMap<>(parameters == null ? Map.of() : parameters);
        context(viewContext()).forEach((name, value) -> p.putIfAbsent(name, List.of(value)));
        return p;
    }

    private static ViewContext viewContext() {
        return CDI.current().select(ViewContext.class).get();
    }
}
