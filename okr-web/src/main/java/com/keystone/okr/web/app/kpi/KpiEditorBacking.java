package com.keystone.okr.web.app.kpi;

import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.person.UnitRole;
import com.keystone.okr.web.app.okr.OwnerOptions;
import com.keystone.okr.web.kpi.KpiService;
import com.keystone.okr.web.kpi.KpiService.KpiCommand;
import com.keystone.okr.web.kpi.KpiService.KpiDefinition;
import com.keystone.okr.web.report.UnitSearch;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.ui.Messages;
import com.keystone.okr.web.ui.ViewContext;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The KPI board's "define / edit a KPI" dialog: every field of a KPI, and how it is computed
 * (measured, rolled up from child KPIs, or the ratio of two KPIs). It only carries what was typed
 * to {@link KpiService}, the one that the API uses too; the service's refusals show at the field
 * they name. The pickers suggest as you type (a company has thousands of KPIs and people).
 */
@Named
@ViewScoped
public class KpiEditorBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The service's field names (JSON and CSV spellings) → the dialog's components. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("key", "kpiEdit:key"), Map.entry("kpi_key", "kpiEdit:key"),
            Map.entry("name", "kpiEdit:name"),
            Map.entry("unitPath", "kpiEdit:unit"), Map.entry("unit_path", "kpiEdit:unit"),
            Map.entry("direction", "kpiEdit:direction"), Map.entry("kind", "kpiEdit:kind"),
            Map.entry("target", "kpiEdit:target"), Map.entry("warning", "kpiEdit:warning"),
            Map.entry("timeAggregation", "kpiEdit:timeAggregation"), Map.entry("time_aggregation", "kpiEdit:timeAggregation"),
            Map.entry("unitOfMeasure", "kpiEdit:uom"), Map.entry("unit_of_measure", "kpiEdit:uom"),
            Map.entry("owner", "kpiEdit:owner"),
            Map.entry("unitAggregation", "kpiEdit:unitAggregation"), Map.entry("unit_aggregation", "kpiEdit:unitAggregation"),
            Map.entry("children", "kpiEdit:children"),
            Map.entry("numeratorKey", "kpiEdit:numerator"), Map.entry("numerator_key", "kpiEdit:numerator"),
            Map.entry("denominatorKey", "kpiEdit:denominator"), Map.entry("denominator_key", "kpiEdit:denominator"));

    @Inject
    KpiService kpis;
    @Inject
    KpiBoardService boards;
    @Inject
    UnitSearch units;
    @Inject
    OwnerOptions owners;
    @Inject
    CurrentUser user;
    @Inject
    ViewContext context;

    private boolean editing;
    private String key;
    private String name;
    private String unitPath;
    private String unitOfMeasure;
    private String direction;
    private String kind;
    private BigDecimal target;
    private BigDecimal warning;
    private String timeAggregation;
    private String owner;
    private String source;
    private String unitAggregation;
    private List<String> children = new ArrayList<>();
    private String numeratorKey;
    private String denominatorKey;
    private Long version;

    /** Whether the person may define KPIs somewhere (an admin, or a lead), and the page shows today. */
    public boolean isCanDefine() {
        return !context.isHistory() && (user.isAdmin()
                || user.memberships().stream().anyMatch(m -> m.getRole() == UnitRole.LEAD));
    }

    /** Whether the person may change this KPI (a lead of its unit or above, an admin), and the page shows today. */
    public boolean canEdit(KpiLine l) {
        return !context.isHistory() && user.canWriteInPath(l.kpi().unitPath());
    }

    /** A new KPI, proposed in {@code unit} when the person may write there. */
    public void openNew(String unit) {
        editing = false;
        key = null;
        name = null;
        unitPath = unit != null && user.canWriteInPath(unit) ? unit : null;
        unitOfMeasure = null;
        direction = "HIGHER_IS_BETTER";
        kind = "LEADING";
        target = null;
        warning = null;
        timeAggregation = "SUM";
        owner = user.username();
        source = "MEASURED";
        unitAggregation = "SUM";
        children = new ArrayList<>();
        numeratorKey = null;
        denominatorKey = null;
        version = null;
    }

    /** An existing KPI as stored now. */
    public void openEdit(String kpiKey) {
        KpiDefinition d = Messages.attempt(() -> kpis.definition(kpiKey), Map.of());
        if (d == null) {
            return;
        }
        editing = true;
        key = d.key();
        name = d.name();
        unitPath = d.unitPath();
        unitOfMeasure = d.unitOfMeasure();
        direction = d.direction();
        kind = d.kind();
        target = d.target();
        warning = d.warning();
        timeAggregation = d.timeAggregation();
        owner = d.owner();
        source = d.source();
        unitAggregation = d.unitAggregation() == null ? "SUM" : d.unitAggregation();
        children = new ArrayList<>(d.children());
        numeratorKey = d.numeratorKey();
        denominatorKey = d.denominatorKey();
        version = d.version();
    }

    /** Stores the KPI through the service; on a refusal the dialog stays open with the message at the field. */
    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (context.isHistory()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text("kpiEdit.history"), null));
            faces.validationFailed();
            return;
        }
        boolean rollUp = "ROLL_UP".equals(source);
        boolean ratio = "RATIO".equals(source);
        KpiCommand c = new KpiCommand(key, name, unitPath, direction, kind, target, warning, timeAggregation,
                unitOfMeasure == null ? "" : unitOfMeasure, owner == null ? "" : owner, rollUp ? unitAggregation : null,
                rollUp ? List.copyOf(children) : ratio ? null : List.of(), ratio ? blankToEmpty(numeratorKey) : "",
                ratio ? blankToEmpty(denominatorKey) : "", editing ? version : null);
        Kpi saved = Messages.attempt(() -> editing ? kpis.update(key, c) : kpis.create(c), FIELDS);
        if (saved != null) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    MessageFormat.format(text(editing ? "kpiEdit.updated" : "kpiEdit.created"), saved.getKey()), ""));
        }
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    // ---- the pickers ----

    /** Units the person may define KPIs in, containing what was typed. */
    public List<String> completeUnit(String text) {
        return units.matching(context.getCycle(), context.getAsOf(), text).stream().filter(user::canWriteInPath).toList();
    }

    /** KPIs whose key or name contains what was typed. */
    public List<String> completeKpi(String text) {
        return boards.matchingKpis(context.getCycle(), context.getAsOf(), text);
    }

    /** Active people whose user name or name contains what was typed. */
    public List<String> completeOwner(String text) {
        return owners.matching(text);
    }

    private static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return java.util.ResourceBundle.getBundle("i18n.kpiedit", Messages.locale(faces)).getString(key);
    }

    // ---- the fields ----

    public boolean isEditing() {
        return editing;
    }

    public boolean isRollUp() {
        return "ROLL_UP".equals(source);
    }

    public boolean isRatio() {
        return "RATIO".equals(source);
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        if (!editing) {
            this.key = key;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUnitPath() {
        return unitPath;
    }

    public void setUnitPath(String unitPath) {
        this.unitPath = unitPath;
    }

    public String getUnitOfMeasure() {
        return unitOfMeasure;
    }

    public void setUnitOfMeasure(String unitOfMeasure) {
        this.unitOfMeasure = unitOfMeasure;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public void setTarget(BigDecimal target) {
        this.target = target;
    }

    public BigDecimal getWarning() {
        return warning;
    }

    public void setWarning(BigDecimal warning) {
        this.warning = warning;
    }

    public String getTimeAggregation() {
        return timeAggregation;
    }

    public void setTimeAggregation(String timeAggregation) {
        this.timeAggregation = timeAggregation;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getUnitAggregation() {
        return unitAggregation;
    }

    public void setUnitAggregation(String unitAggregation) {
        this.unitAggregation = unitAggregation;
    }

    public List<String> getChildren() {
        return children;
    }

    public void setChildren(List<String> children) {
        this.children = children == null ? new ArrayList<>() : new ArrayList<>(children);
    }

    public String getNumeratorKey() {
        return numeratorKey;
    }

    public void setNumeratorKey(String numeratorKey) {
        this.numeratorKey = numeratorKey;
    }

    public String getDenominatorKey() {
        return denominatorKey;
    }

    public void setDenominatorKey(String denominatorKey) {
        this.denominatorKey = denominatorKey;
    }
}
