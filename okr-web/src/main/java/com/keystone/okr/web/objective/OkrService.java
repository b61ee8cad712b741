package com.keystone.okr.web.objective;

import static com.keystone.okr.domain.DomainText.field;
import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.DomainText;
import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.Text;
import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.GraphLocks;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.kpi.KpiRepository;
import com.keystone.okr.persistence.objective.KeyResultRepository;
import com.keystone.okr.persistence.objective.ObjectiveRepository;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import com.keystone.okr.web.audit.AuditTrail;
import com.keystone.okr.web.person.Owners;
import com.keystone.okr.web.security.AccessDeniedException;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.support.Enums;
import com.keystone.okr.web.support.UnknownKeyException;
import com.keystone.okr.web.support.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Creating and changing objectives and key results. Leads write in their units and below,
 * admins anywhere; the owner's lead overrides a grade with a reason (never the owner).
 */
@ApplicationScoped
@Transactional
public class OkrService {

    @Inject
    CycleRepository cycles;
    @Inject
    GraphLocks graphLocks;
    @Inject
    ObjectiveRepository objectives;
    @Inject
    KeyResultRepository keyResults;
    @Inject
    OrgUnitRepository units;
    @Inject
    Owners owners;
    @Inject
    KpiRepository kpis;
    @Inject
    AuditTrail trail;
    @Inject
    CurrentUser user;
    @PersistenceContext(unitName = "okr")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** What a caller may set on an objective; null leaves a field as it is (an empty parent removes the alignment). */
    public record ObjectiveCommand(String key, String title, String description, String unitPath, String owner,
                                   BigDecimal weight, String parentKey, Long version) {
    }

    /** What a caller may set on a key result; null leaves a field as it is (an empty kpi unlinks it). */
    public record KeyResultCommand(String key, String title, String type, BigDecimal start, BigDecimal target,
                                   BigDecimal weight, String owner, String kpi, String objectiveKey, Long version) {
    }

    public List<Objective> objectivesOf(String cycleName) {
        user.person();
        return objectives.ofCycle(cycle(cycleName));
    }

    public Objective objective(String cycleName, String key) {
        user.person();
        return findObjective(cycle(cycleName), key);
    }

    public List<KeyResult> keyResultsOf(Objective o) {
        return keyResults.ofObjective(o);
    }

    public KeyResult keyResult(String cycleName, String key) {
        user.person();
        return findKeyResult(cycle(cycleName), key);
    }

    public Objective createObjective(String cycleName, ObjectiveCommand c) {
        Cycle cycle = cycle(cycleName);
        OrgUnit unit = unit(c.unitPath());
        user.requireWriteIn(unit, text("action.createObjectivesIn", unit.getPath()));
        Objective o = new Objective(cycle, c.key(), c.title(), unit);
        apply(o, c);
        objectives.add(o);
        em.flush();
        record(AuditSubject.OBJECTIVE, o.getCycle(), o.getKey(), AuditAction.CREATED, null, o.getTitle());
        if (o.getParent() != null) {
            recordAlignment(o, null, o.getParent());
        }
        return o;
    }

    public Objective updateObjective(String cycleName, String key, ObjectiveCommand c) {
        Cycle cycle = cycle(cycleName);
        Objective o = findObjective(cycle, key);
        user.requireWriteIn(o.getUnit(), text("action.changeObjective", key));
        Versions.check(text("subject.objective", key), c.version(), o.getVersion());
        if (c.key() != null && !c.key().equals(key)) {
            throw new InvalidInputException("key", text("objective.keyCannotChange"));
        }
        if (c.unitPath() != null && !c.unitPath().equals(o.getUnit().getPath())) {
            throw new InvalidInputException("unitPath", text("objective.unitCannotChange"));
        }
        ObjectiveState before = ObjectiveState.of(o);
        if (c.title() != null) {
            o.retitle(c.title());
        }
        apply(o, c);
        em.flush();
        ObjectiveState after = ObjectiveState.of(o);
        change(AuditSubject.OBJECTIVE, o.getCycle(), key, AuditAction.TITLE_CHANGED, before.title(), after.title());
        change(AuditSubject.OBJECTIVE, o.getCycle(), key, AuditAction.DESCRIPTION_CHANGED, before.description(), after.description());
        change(AuditSubject.OBJECTIVE, o.getCycle(), key, AuditAction.OWNER_CHANGED, before.owner(), after.owner());
        change(AuditSubject.OBJECTIVE, o.getCycle(), key, AuditAction.WEIGHT_CHANGED, before.weight(), after.weight());
        if (!Objects.equals(before.weight(), after.weight()) && o.getParent() != null
                && Objects.equals(key(before.parent()), key(after.parent()))) {
            // the child's weight moves the parent's progress: its owner sees who changed it in the parent's history
            change(AuditSubject.OBJECTIVE, o.getCycle(), o.getParent().getKey(), AuditAction.CHILD_WEIGHT_CHANGED,
                    key + " " + before.weight(), key + " " + after.weight());
        }
        if (!Objects.equals(key(before.parent()), key(after.parent()))) {
            recordAlignment(o, before.parent(), after.parent());
        }
        return o;
    }

    private void apply(Objective o, ObjectiveCommand c) {
        if (c.description() != null) {
            o.describe(c.description());
        }
        if (c.owner() != null) {
            o.assignOwner(owners.resolve("owner", c.owner(), o.getOwner()));
        }
        if (c.weight() != null) {
            o.reweigh(c.weight());
        }
        if (c.parentKey() != null) {
            if (!c.parentKey().isBlank()) {
                graphLocks.lockCascade(o.getCycle()); // before the cascade is read: concurrent alignments cannot close a loop
            }
            Objective parent = c.parentKey().isBlank() ? null : objectiveRef(o.getCycle(), "parentKey", c.parentKey());
            try {
                o.alignTo(parent);
            } catch (InvalidInputException e) {
                // the domain names the CSV column; this call's JSON field is parentKey
                throw "parent_objective_key".equals(e.getField()) ? e.forField("parentKey") : e;
            }
        }
    }

    public KeyResult createKeyResult(String cycleName, String objectiveKey, KeyResultCommand c) {
        Objective o = findObjective(cycle(cycleName), objectiveKey);
        user.requireWriteIn(o.getUnit(), text("action.addKeyResultsTo", objectiveKey));
        KeyResultType type = Enums.required(KeyResultType.class, "type", c.type());
        KeyResult kr = new KeyResult(o, c.key(), c.title(), type, c.start(), c.target());
        applyKeyResult(kr, c);
        keyResults.add(kr);
        em.flush();
        record(AuditSubject.KEY_RESULT, o.getCycle(), kr.getKey(), AuditAction.CREATED, null, kr.getTitle() + " (" + measure(kr) + ")");
        return kr;
    }

    public KeyResult updateKeyResult(String cycleName, String key, KeyResultCommand c) {
        Cycle cycle = cycle(cycleName);
        KeyResult kr = findKeyResult(cycle, key);
        user.requireWriteIn(kr.getObjective().getUnit(), text("action.changeKeyResult", key));
        Versions.check(text("subject.keyResult", key), c.version(), kr.getVersion());
        if (c.key() != null && !c.key().equals(key)) {
            throw new InvalidInputException("key", text("keyResult.keyCannotChange"));
        }
        KeyResultState before = KeyResultState.of(kr);
        if (c.title() != null) {
            kr.retitle(c.title());
        }
        if (c.type() != null || c.start() != null || c.target() != null) {
            KeyResultType type = c.type() == null ? kr.getType() : Enums.required(KeyResultType.class, "type", c.type());
            kr.remeasure(type, c.start() == null ? kr.getStartValue() : c.start(),
                    c.target() == null ? kr.getTargetValue() : c.target());
        }
        if (c.objectiveKey() != null && !c.objectiveKey().equals(kr.getObjective().getKey())) {
            Objective target = objectiveRef(cycle, "objectiveKey", c.objectiveKey());
            user.requireWriteIn(target.getUnit(), text("action.moveKeyResultsTo", target.getKey()));
            kr.moveTo(target);
        }
        applyKeyResult(kr, c);
        em.flush();
        KeyResultState after = KeyResultState.of(kr);
        change(AuditSubject.KEY_RESULT, cycle, key, AuditAction.TITLE_CHANGED, before.title(), after.title());
        change(AuditSubject.KEY_RESULT, cycle, key, AuditAction.MEASURE_CHANGED, before.measure(), after.measure());
        change(AuditSubject.KEY_RESULT, cycle, key, AuditAction.WEIGHT_CHANGED, before.weight(), after.weight());
        change(AuditSubject.KEY_RESULT, cycle, key, AuditAction.OWNER_CHANGED, before.owner(), after.owner());
        change(AuditSubject.KEY_RESULT, cycle, key, AuditAction.MOVED, before.objective(), after.objective());
        change(AuditSubject.KEY_RESULT, cycle, key, AuditAction.KPI_LINKED, before.kpi(), after.kpi());
        return kr;
    }

    private void applyKeyResult(KeyResult kr, KeyResultCommand c) {
        if (c.weight() != null) {
            kr.reweigh(c.weight());
        }
        if (c.owner() != null) {
            kr.assignOwner(owners.resolve("owner", c.owner(), kr.getOwner()));
        }
        if (c.kpi() != null) {
            kr.linkKpi(c.kpi().isBlank() ? null : kpi(c.kpi()));
        }
    }

    /** R4: the owner's lead (a lead of the unit or above, not the owner) or an admin overrides a frozen grade. */
    public Objective overrideObjectiveGrade(String cycleName, String key, BigDecimal grade, String reason) {
        Objective o = findObjective(cycle(cycleName), key);
        requireGrader(o.getUnit(), o.getOwner(), text("subject.objective", key));
        BigDecimal before = o.getGrade().effective();
        o.overrideGrade(grade, reason, user.username(), clock.instant());
        auditGrade(AuditSubject.OBJECTIVE, cycleName + "/" + key, before, o.getGrade().effective(), reason);
        return o;
    }

    public KeyResult overrideKeyResultGrade(String cycleName, String key, BigDecimal grade, String reason) {
        KeyResult kr = findKeyResult(cycle(cycleName), key);
        requireGrader(kr.getObjective().getUnit(), kr.getOwner(), text("subject.keyResult", key));
        BigDecimal before = kr.getGrade().effective();
        kr.overrideGrade(grade, reason, user.username(), clock.instant());
        auditGrade(AuditSubject.KEY_RESULT, cycleName + "/" + key, before, kr.getGrade().effective(), reason);
        return kr;
    }

    private void requireGrader(OrgUnit unit, Person owner, Text what) {
        user.requireWriteIn(unit, text("action.overrideGrade", what));
        if (!user.isAdmin() && owner != null && owner.getUsername().equals(user.username())) {
            throw new AccessDeniedException(text("denied.ownGrade", what));
        }
    }

    // ---- the audit history of objectives and key results (shown on the objective page) ----

    /** What of an objective its history follows. */
    private record ObjectiveState(String title, String description, String owner, String weight, Objective parent) {

        static ObjectiveState of(Objective o) {
            return new ObjectiveState(o.getTitle(), o.getDescription(), username(o.getOwner()), plain(o.getWeight()),
                    o.getParent());
        }
    }

    /** What of a key result its history follows. */
    private record KeyResultState(String title, String measure, String weight, String owner, String objective, String kpi) {

        static KeyResultState of(KeyResult kr) {
            return new KeyResultState(kr.getTitle(), OkrService.measure(kr), plain(kr.getWeight()), username(kr.getOwner()),
                    kr.getObjective().getKey(), kr.getKpi() == null ? null : kr.getKpi().getKey());
        }
    }

    private static String username(Person p) {
        return p == null ? null : p.getUsername();
    }

    private static String key(Objective o) {
        return o == null ? null : o.getKey();
    }

    private void change(AuditSubject type, Cycle cycle, String key, AuditAction action, String before, String after) {
        trail.change(type, cycle.getName() + "/" + key, action, before, after);
    }

    private void record(AuditSubject type, Cycle cycle, String key, AuditAction action, String before, String after) {
        trail.record(type, cycle.getName() + "/" + key, action, before, after);
    }

    /**
     * An alignment is recorded on the child and on the parents it leaves and joins: a lead who
     * aligns a new objective to the company's changes the company's progress, and its owner sees
     * who did it and with which weight in the company objective's own history.
     */
    private void recordAlignment(Objective child, Objective from, Objective to) {
        Cycle cycle = child.getCycle();
        record(AuditSubject.OBJECTIVE, cycle, child.getKey(), AuditAction.ALIGNED, from == null ? null : from.getKey(),
                to == null ? null : to.getKey());
        String contributor = child.getKey() + " (" + child.getUnit().getPath() + ", weight " + plain(child.getWeight()) + ")";
        if (from != null) {
            record(AuditSubject.OBJECTIVE, cycle, from.getKey(), AuditAction.CHILD_REMOVED, contributor, null);
        }
        if (to != null) {
            record(AuditSubject.OBJECTIVE, cycle, to.getKey(), AuditAction.CHILD_ALIGNED, null, contributor);
        }
    }

    private static String measure(KeyResult kr) {
        return kr.getType().name() + (kr.getStartValue() == null ? "" : " " + plain(kr.getStartValue()))
                + (kr.getTargetValue() == null ? "" : " \u2192 " + plain(kr.getTargetValue()));
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    private void auditGrade(AuditSubject type, String key, BigDecimal before, BigDecimal after, String reason) {
        trail.record(type, key, AuditAction.GRADE_OVERRIDDEN, Objects.toString(before, null), Objects.toString(after, null),
                reason);
    }

    private Cycle cycle(String name) {
        return cycles.findByName(name).orElseThrow(() -> new UnknownKeyException("cycle", name));
    }

    private Objective findObjective(Cycle cycle, String key) {
        return objectives.findByKey(cycle, key).orElseThrow(() -> new UnknownKeyException("objective", key));
    }

    private Objective objectiveRef(Cycle cycle, String field, String key) {
        return objectives.findByKey(cycle, key).orElseThrow(() -> new InvalidInputException(field,
                text("noSuch.objective", cycle.getName(), key)));
    }

    private KeyResult findKeyResult(Cycle cycle, String key) {
        return keyResults.findByKey(cycle, key).orElseThrow(() -> new UnknownKeyException("key result", key));
    }

    private OrgUnit unit(String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidInputException("unitPath", DomainText.text("checks.required", field("unitPath")));
        }
        return units.findByPath(path.strip()).orElseThrow(() -> new InvalidInputException("unitPath", text("noSuch.unit", path)));
    }

    private Kpi kpi(String key) {
        return kpis.findByKey(key).orElseThrow(() -> new InvalidInputException("kpi", text("noSuch.kpi", key)));
    }
}
