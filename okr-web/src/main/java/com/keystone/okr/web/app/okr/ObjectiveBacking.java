package com.keystone.okr.web.app.okr;

import com.keystone.okr.domain.person.UnitRole;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.web.objective.OkrService;
import com.keystone.okr.web.objective.OkrService.ObjectiveCommand;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.ui.ContextBacking;
import com.keystone.okr.web.ui.Messages;
import com.keystone.okr.web.ui.ViewContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One objective of the session's cycle ({@code ?key=}): where it sits in the cascade, why its
 * progress is what it is (R2), its key results with their check-ins, charts and forecasts (R1, R5),
 * grades of a closed cycle with the override (R4), and its audit history. Changes go through the
 * services, whose refusals appear at the field.
 * <p>
 * What the page shows is rebuilt from the engine whenever it is missing (after the view was
 * restored elsewhere), so only the view's inputs and the dialogs' fields are kept with the view.
 */
@Named
@ViewScoped
public class ObjectiveBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Map<String, String> EDIT_FIELDS = Map.of(
            "objective", "edit:title", "title", "edit:title",
            "description", "edit:description",
            "objective_weight", "edit:weight", "weight", "edit:weight",
            "owner", "edit:owner");

    static final Map<String, String> GRADE_FIELDS = Map.of("grade", "grade:value", "reason", "grade:reason");

    @Inject
    ObjectivePageService pages;
    @Inject
    OkrService okr;
    @Inject
    CurrentUser user;
    @Inject
    ViewContext context;
    @Inject
    ContextBacking reload;

    private String key;
    private String cycle;
    private LocalDate asOf;
    private transient ObjectivePage page;

    // the edit dialog
    private String editTitle;
    private String editDescription;
    private String editOwner;
    private BigDecimal editWeight;

    // the grade override dialog
    private boolean gradeOfObjective;
    private String gradeSubject;
    private String gradeSubjectTitle;
    private BigDecimal gradeComputed;
    private BigDecimal gradeValue;
    private String gradeReason;

    /** Runs once per view, after the key is set from the address. */
    public void load() {
        cycle = context.getCycle();
        asOf = context.getAsOf();
        page = pages.page(cycle, asOf, key);
    }

    /** What the page shows: read once per view, and again when the view was restored elsewhere. */
    private ObjectivePage page() {
        if (page == null) {
            page = pages.page(cycle, asOf, key);
        }
        return page;
    }

    // ---- the edit dialog ----

    public void openEdit() {
        ObjectiveResult o = page().objective();
        editTitle = o.title();
        editDescription = page().description();
        editOwner = o.owner();
        editWeight = o.weight() == null ? BigDecimal.ONE : o.weight().stripTrailingZeros();
    }

    public void saveEdit() throws IOException {
        ObjectiveCommand command = new ObjectiveCommand(null, text(editTitle), editDescription == null ? "" : editDescription,
                null, editOwner == null ? "" : editOwner, editWeight, null, page().version());
        if (Messages.attempt(() -> okr.updateObjective(cycle, key, command), EDIT_FIELDS) != null) {
            done(OkrLabels.get("objective.saved"));
        }
    }

    /** An emptied field is sent as empty, so that the service refuses a missing title instead of keeping the old one. */
    private static String text(String s) {
        return s == null ? "" : s;
    }

    // ---- the grade override dialog ----

    public void openObjectiveGrade() {
        ObjectiveResult o = page().objective();
        openGrade(true, o.key(), o.title(), o.grade() == null ? null : o.grade().computed(),
                o.grade() == null ? null : o.grade().effective());
    }

    public void openKeyResultGrade(String krKey) {
        KeyResultResult k = page().keyResults().stream().map(KeyResultView::k).filter(r -> r.key().equals(krKey))
                .findFirst().orElseThrow();
        openGrade(false, k.key(), k.title(), k.grade() == null ? null : k.grade().computed(),
                k.grade() == null ? null : k.grade().effective());
    }

    private void openGrade(boolean objective, String subject, String title, BigDecimal computed, BigDecimal effective) {
        gradeOfObjective = objective;
        gradeSubject = subject;
        gradeSubjectTitle = title;
        gradeComputed = computed;
        gradeValue = effective;
        gradeReason = null;
    }

    public void saveGrade() throws IOException {
        Object done = Messages.attempt(() -> gradeOfObjective
                ? okr.overrideObjectiveGrade(cycle, gradeSubject, gradeValue, gradeReason)
                : okr.overrideKeyResultGrade(cycle, gradeSubject, gradeValue, gradeReason), GRADE_FIELDS);
        if (done != null) {
            done(OkrLabels.get("grade.saved"));
        }
    }

    private void done(String message) throws IOException {
        Messages.info(message);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        reload.reload();
    }

    // ---- what the page shows ----

    public boolean isCycleThere() {
        return cycle != null;
    }

    public boolean isFound() {
        return page().found();
    }

    public ObjectiveResult getObjective() {
        return page().objective();
    }

    public ObjectiveResult getParent() {
        return page().parent();
    }

    public List<ObjectiveResult> getAncestors() {
        return page().ancestors();
    }

    public List<ObjectiveResult> getChildren() {
        return page().children();
    }

    public List<ContributorLine> getContributors() {
        return page().contributors();
    }

    /** The contributors that count and add something, for the stacked bar. */
    public List<ContributorLine> getShares() {
        return page().contributors().stream().filter(c -> c.counted() && c.share() > 0).toList();
    }

    public double getWeightTotal() {
        return page().weightTotal();
    }

    public double getWeightedSum() {
        return page().weightedSum();
    }

    public List<KeyResultView> getKeyResults() {
        return page().keyResults();
    }

    public List<AuditLine> getAudit() {
        return page().audit();
    }

    public String getDescription() {
        return page().description();
    }

    public String getObjectiveOverrideReason() {
        return page().objectiveOverrideReason();
    }

    public boolean isClosed() {
        return page().closed();
    }

    public LocalDate getCycleEnd() {
        return page().endDate();
    }

    public boolean isHistory() {
        return asOf != null;
    }

    /** Leads of the unit (or above) and admins edit an objective of a cycle that is not closed. */
    public boolean isCanEdit() {
        return page().found() && !isClosed() && !isHistory() && user.canWriteInPath(page().objective().unitPath());
    }

    public boolean isCanOverrideObjective() {
        ObjectiveResult o = page().objective();
        return page().found() && pages.mayOverride(page().closed(), isHistory(), o.owner(), o.unitPath(), o.grade() != null);
    }

    /**
     * Those who may write in the objective's unit or in a unit below it (the only units a child
     * objective may live in) may start an objective aligned to this one.
     */
    public boolean isCanAlign() {
        if (!page().found() || isClosed() || isHistory()) {
            return false;
        }
        String unitPath = page().objective().unitPath();
        return user.canWriteInPath(unitPath) || user.memberships().stream().anyMatch(m -> m.getRole() == UnitRole.LEAD
                && m.getUnit().getPath().startsWith(unitPath + OrgUnit.SEPARATOR));
    }

    public boolean isAnyGrade() {
        return isClosed() && (page().objective().grade() != null
                || page().keyResults().stream().anyMatch(k -> k.k().grade() != null));
    }

    public String ownerName(String username) {
        if (username == null) {
            return null;
        }
        String name = page().ownerNames().get(username);
        return name == null ? username : name;
    }

    public List<OwnerOptions.Owner> getOwnerOptions() {
        return page().ownerOptions();
    }

    public String getCycle() {
        return cycle;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key == null ? null : key.strip();
    }

    public String getEditTitle() {
        return editTitle;
    }

    public void setEditTitle(String editTitle) {
        this.editTitle = editTitle;
    }

    public String getEditDescription() {
        return editDescription;
    }

    public void setEditDescription(String editDescription) {
        this.editDescription = editDescription;
    }

    public String getEditOwner() {
        return editOwner;
    }

    public void setEditOwner(String editOwner) {
        this.editOwner = editOwner;
    }

    public BigDecimal getEditWeight() {
        return editWeight;
    }

    public void setEditWeight(BigDecimal editWeight) {
        this.editWeight = editWeight;
    }

    public boolean isGradeOfObjective() {
        return gradeOfObjective;
    }

    public String getGradeSubject() {
        return gradeSubject;
    }

    public String getGradeSubjectTitle() {
        return gradeSubjectTitle;
    }

    public BigDecimal getGradeComputed() {
        return gradeComputed;
    }

    public BigDecimal getGradeValue() {
        return gradeValue;
    }

    public void setGradeValue(BigDecimal gradeValue) {
        this.gradeValue = gradeValue;
    }

    public String getGradeReason() {
        return gradeReason;
    }

    public void setGradeReason(String gradeReason) {
        this.gradeReason = gradeReason;
    }
}
