package com.keystone.okr.web.app.okr;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.web.app.okr.EditorTransaction.KeyResultChange;
import com.keystone.okr.web.app.okr.EditorTransaction.KeyResultRefused;
import com.keystone.okr.web.kpi.KpiService;
import com.keystone.okr.web.objective.OkrService;
import com.keystone.okr.web.objective.OkrService.KeyResultCommand;
import com.keystone.okr.web.objective.OkrService.ObjectiveCommand;
import com.keystone.okr.web.report.ReportService;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.ui.Messages;
import com.keystone.okr.web.ui.ViewContext;
import com.keystone.okr.web.unit.UnitService;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OKR editor: a new objective ({@code ?parent=KEY} proposes an alignment) or an existing one
 * ({@code ?key=KEY}) with its key results. It offers only what may be chosen: the units the person
 * may write in, and as parents the objectives of the same cycle in the same unit or above,
 * never the objective itself or one aligned below it (R2). The services decide; their refusals
 * appear at the field they name, and a refused save stores nothing.
 */
@Named
@ViewScoped
public class EditorBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the page can show. */
    public enum Mode {
        /** No cycle exists yet. */
        NO_CYCLE,
        /** The cycle is closed: its objectives no longer change. */
        CLOSED,
        /** The page is showing a past date ("as of"): history is read, not edited. */
        HISTORY,
        /** {@code ?key=} names no objective of the cycle. */
        NOT_FOUND,
        /** The person may not write in any unit, or not in the unit of this objective. */
        NOT_ALLOWED,
        FORM
    }

    static final Map<String, String> OBJECTIVE_FIELDS = Map.ofEntries(
            Map.entry("key", "editor:key"), Map.entry("objective_key", "editor:key"),
            Map.entry("objective", "editor:title"), Map.entry("title", "editor:title"),
            Map.entry("description", "editor:description"),
            Map.entry("unitPath", "editor:unit"), Map.entry("unit_path", "editor:unit"),
            Map.entry("owner", "editor:owner"),
            Map.entry("objective_weight", "editor:weight"), Map.entry("weight", "editor:weight"),
            Map.entry("parentKey", "editor:parent"), Map.entry("parent_objective_key", "editor:parent"));

    private static final Map<String, String> KEY_RESULT_FIELDS = Map.ofEntries(
            Map.entry("key", "krKey"), Map.entry("kr_key", "krKey"),
            Map.entry("key_result", "krTitle"), Map.entry("title", "krTitle"),
            Map.entry("type", "krType"), Map.entry("kr_type", "krType"),
            Map.entry("start", "krStart"), Map.entry("target", "krTarget"),
            Map.entry("kr_weight", "krWeight"), Map.entry("weight", "krWeight"),
            Map.entry("owner", "krOwner"), Map.entry("kpi", "krKpi"));

    @Inject
    ReportService reports;
    @Inject
    OkrService okr;
    @Inject
    UnitService unitService;
    @Inject
    KpiService kpiService;
    @Inject
    OwnerOptions owners;
    @Inject
    EditorTransaction transaction;
    @Inject
    CurrentUser user;
    @Inject
    ViewContext context;

    // view parameters
    private String key;
    private String parent;

    private String cycle;
    private Mode mode = Mode.NO_CYCLE;
    private String refusedUnit;

    // the objective as typed
    private String objectiveKey;
    private String title;
    private String description;
    private String unitPath;
    private String owner;
    private BigDecimal weight = BigDecimal.ONE;
    private String parentKey;
    private Long version;
    private final List<KeyResultDraft> keyResults = new ArrayList<>();

    // the choices
    private List<String> units = List.of();
    private List<OwnerOptions.Owner> ownerOptions = List.of();
    private List<Choice> kpiOptions = List.of();
    private List<ObjectiveRef> objectives = List.of();

    /** An objective of the cycle as a possible parent. */
    public record ObjectiveRef(String key, String title, String unitPath, String parentKey) implements Serializable {
    }

    /** Runs once per view, after the view parameters are set. */
    public void load() {
        cycle = context.getCycle();
        if (cycle == null) {
            mode = Mode.NO_CYCLE;
            return;
        }
        if (context.isHistory()) {
            mode = Mode.HISTORY;
            return;
        }
        CycleReport report = reports.report(cycle, context.getAsOf());
        if (report.state() == CycleState.CLOSED) {
            mode = Mode.CLOSED;
            return;
        }
        units = unitService.list().stream().filter(u -> !u.isArchived()).map(OrgUnit::getPath)
                .filter(user::canWriteInPath).toList();
        objectives = report.objectives().stream()
                .map(o -> new ObjectiveRef(o.key(), o.title(), o.unitPath(), o.parentKey())).toList();
        if (isEditing()) {
            ObjectiveResult o = report.objective(key).orElse(null);
            if (o == null) {
                mode = Mode.NOT_FOUND;
                return;
            }
            if (!user.canWriteInPath(o.unitPath())) {
                refusedUnit = o.unitPath();
                mode = Mode.NOT_ALLOWED;
                return;
            }
            fill(report, o);
        } else {
            if (units.isEmpty()) {
                mode = Mode.NOT_ALLOWED;
                return;
            }
            proposeNew(report);
        }
        ownerOptions = owners.active();
        kpiOptions = kpiService.list().stream().sorted(Comparator.comparing(Kpi::getKey))
                .map(k -> new Choice(k.getKey(), label(k))).toList();
        mode = Mode.FORM;
    }

    private static String label(Kpi k) {
        return k.getKey() + " · " + k.getName();
    }

    private void fill(CycleReport report, ObjectiveResult o) {
        Objective entity = okr.objective(cycle, o.key());
        objectiveKey = o.key();
        title = o.title();
        description = entity.getDescription();
        unitPath = o.unitPath();
        owner = o.owner();
        weight = o.weight() == null ? BigDecimal.ONE : o.weight().stripTrailingZeros();
        parentKey = o.parentKey();
        version = entity.getVersion();
        Map<String, Long> versions = new HashMap<>();
        for (KeyResult kr : okr.keyResultsOf(entity)) {
            versions.put(kr.getKey(), kr.getVersion());
        }
        for (KeyResultResult k : report.keyResultsOf(o.key())) {
            KeyResultDraft d = new KeyResultDraft(true, versions.get(k.key()));
            d.setKey(k.key());
            d.setTitle(k.title());
            d.setType(k.type().name());
            d.setStart(k.type().isLinear() ? plain(k.start()) : null);
            d.setTarget(k.type() == KeyResultType.MILESTONE ? null : plain(k.target()));
            d.setWeight(k.weight() == null ? BigDecimal.ONE : plain(k.weight()));
            d.setOwner(k.owner());
            d.setKpi(k.kpiKey());
            keyResults.add(d);
        }
    }

    private void proposeNew(CycleReport report) {
        ObjectiveResult p = parent == null ? null : report.objective(parent).orElse(null);
        unitPath = units.get(0);
        if (p != null) {
            // the first unit the person may write in where the proposed parent is a valid one
            units.stream().filter(u -> isSelfOrBelow(u, p.unitPath())).findFirst().ifPresent(u -> {
                unitPath = u;
                parentKey = p.key();
            });
        }
        owner = user.username();
        keyResults.add(new KeyResultDraft());
    }

    private static BigDecimal plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros();
    }

    private static boolean isSelfOrBelow(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + "/");
    }

    // ---- actions ----

    public void addKeyResult() {
        keyResults.add(new KeyResultDraft());
    }

    /** Drops a row not saved yet; saved key results stay (there is no deleting them). */
    public void removeKeyResult(int row) {
        if (row >= 0 && row < keyResults.size() && !keyResults.get(row).isExisting()) {
            keyResults.remove(row);
        }
    }

    /** The unit changed: a parent that is no longer valid is dropped. */
    public void unitChanged() {
        if (parentKey != null && getParentOptions().stream().noneMatch(c -> c.value().equals(parentKey))) {
            parentKey = null;
        }
    }

    public String save() {
        ObjectiveCommand command = new ObjectiveCommand(strip(objectiveKey), text(title), text(description),
                isEditing() ? null : unitPath, text(owner), weight, text(parentKey), isEditing() ? version : null);
        List<KeyResultChange> changes = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < keyResults.size(); i++) {
            KeyResultDraft d = keyResults.get(i);
            if (!d.isExisting() && isBlank(d.getKey()) && isBlank(d.getTitle())) {
                continue; // an untouched new row
            }
            changes.add(new KeyResultChange(!d.isExisting(), new KeyResultCommand(strip(d.getKey()), text(d.getTitle()),
                    d.getType(), d.isStartUsed() ? d.getStart() : null, d.isTargetUsed() ? d.getTarget() : null,
                    d.getWeight(), text(d.getOwner()), text(d.getKpi()), null, d.getVersion())));
            rows.add(i);
        }
        String saved;
        try {
            saved = Messages.attempt(() -> transaction.save(cycle, isEditing() ? key : null, command, changes),
                    OBJECTIVE_FIELDS);
        } catch (KeyResultRefused e) {
            saved = Messages.attempt(() -> {
                throw e.refusal();
            }, keyResultFields(rows.get(e.row())));
        }
        if (saved == null) {
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        Messages.info(OkrLabels.get(isEditing() ? "editor.saved" : "editor.created", saved));
        faces.getExternalContext().getFlash().setKeepMessages(true);
        return "/app/objective.xhtml?faces-redirect=true&key=" + URLEncoder.encode(saved, StandardCharsets.UTF_8);
    }

    static Map<String, String> keyResultFields(int row) {
        Map<String, String> fields = new HashMap<>();
        KEY_RESULT_FIELDS.forEach((field, id) -> fields.put(field, "editor:krs:" + row + ":" + id));
        return fields;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    /** A field left empty clears it, or is refused when required (the services read null as "leave as it is"). */
    private static String text(String s) {
        return s == null ? "" : s;
    }

    // ---- what the page shows ----

    /**
     * R2: the valid parents of an objective of the chosen unit: objectives of the same cycle in that
     * unit or an ancestor, except the objective itself and those aligned below it (a loop).
     */
    public List<Choice> getParentOptions() {
        if (unitPath == null) {
            return List.of();
        }
        Set<String> excluded = new HashSet<>();
        if (isEditing()) {
            excluded.add(key);
            boolean grew = true;
            while (grew) {
                grew = false;
                for (ObjectiveRef o : objectives) {
                    if (o.parentKey() != null && excluded.contains(o.parentKey()) && excluded.add(o.key())) {
                        grew = true;
                    }
                }
            }
        }
        return objectives.stream()
                .filter(o -> !excluded.contains(o.key()) && isSelfOrBelow(unitPath, o.unitPath()))
                .map(o -> new Choice(o.key(), o.key() + " · " + o.title() + " (" + o.unitPath() + ")"))
                .toList();
    }

    public List<String> getTypes() {
        return Arrays.stream(KeyResultType.values()).map(Enum::name).toList();
    }

    public boolean isEditing() {
        return key != null && !key.isBlank();
    }

    /** The past date the page shows, for the history notice. */
    public LocalDate getAsOf() {
        return context.getAsOf();
    }

    public Mode getMode() {
        return mode;
    }

    public boolean isForm() {
        return mode == Mode.FORM;
    }

    public String getRefusedUnit() {
        return refusedUnit;
    }

    public String getCycle() {
        return cycle;
    }

    public List<String> getUnits() {
        return units;
    }

    public List<OwnerOptions.Owner> getOwnerOptions() {
        return ownerOptions;
    }

    public List<Choice> getKpiOptions() {
        return kpiOptions;
    }

    public List<KeyResultDraft> getKeyResults() {
        return keyResults;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key == null || key.isBlank() ? null : key.strip();
    }

    public String getParent() {
        return parent;
    }

    public void setParent(String parent) {
        this.parent = parent == null || parent.isBlank() ? null : parent.strip();
    }

    public String getObjectiveKey() {
        return objectiveKey;
    }

    public void setObjectiveKey(String objectiveKey) {
        this.objectiveKey = objectiveKey;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getUnitPath() {
        return unitPath;
    }

    public void setUnitPath(String unitPath) {
        this.unitPath = unitPath;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public void setWeight(BigDecimal weight) {
        this.weight = weight;
    }

    public String getParentKey() {
        return parentKey;
    }

    public void setParentKey(String parentKey) {
        this.parentKey = parentKey;
    }
}
