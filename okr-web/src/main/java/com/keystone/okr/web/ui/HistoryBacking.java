package com.keystone.okr.web.ui;

import com.keystone.okr.web.audit.AuditService;
import com.keystone.okr.web.audit.AuditService.Line;
import com.keystone.okr.web.security.AccessDeniedException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The history dialog of the units, people and KPI pages: the audit trail of one subject
 * ({@code unit:PATH}, {@code person:NAME}, {@code kpi:KEY}) as {@link AuditService} answers it to
 * the person looking, or a note that they may not read it.
 */
@Named
@ViewScoped
public class HistoryBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditService audit;

    private String subject;
    private String label;
    private boolean allowed;
    private transient List<Line> lines;

    /** Opens the history of {@code subject}, titled with {@code label} (a unit path, a name, a KPI key). */
    public void open(String subject, String label) {
        this.subject = subject;
        this.label = label;
        this.lines = null;
        load();
    }

    private void load() {
        try {
            lines = audit.history(subject, null);
            allowed = true;
        } catch (AccessDeniedException e) {
            lines = List.of();
            allowed = false;
        }
    }

    public List<Line> getLines() {
        if (lines == null && subject != null) {
            load();
        }
        return lines == null ? List.of() : lines;
    }

    public boolean isAllowed() {
        return allowed;
    }

    public String getLabel() {
        return label;
    }

    /** The action in the page's language (its name when it has no label, e.g. an entry older than the labels). */
    public String action(String action) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle hist = faces.getApplication().getResourceBundle(faces, "hist");
        return hist.containsKey("action." + action) ? hist.getString("action." + action) : action;
    }

}
