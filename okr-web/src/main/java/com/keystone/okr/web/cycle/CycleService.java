package com.keystone.okr.web.cycle;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.DomainText;
import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.objective.KeyResultRepository;
import com.keystone.okr.persistence.objective.ObjectiveRepository;
import com.keystone.okr.persistence.snapshot.CycleSnapshotLoader;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.objective.ContributorKind;
import com.keystone.okr.reporting.objective.GradedSubject;
import com.keystone.okr.web.audit.AuditTrail;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.support.UnknownKeyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Cycles: created and moved through PLANNING → ACTIVE → CLOSED by admins; closing freezes every grade (R4). */
@ApplicationScoped
@Transactional
public class CycleService {

    @Inject
    CycleSnapshotLoader snapshots;

    @Inject
    ObjectiveRepository objectives;

    @Inject
    KeyResultRepository keyResults;

    @Inject
    AuditTrail trail;

    @Inject
    CycleRepository cycles;

    @Inject
    CurrentUser user;

    private final OkrEngine engine = new OkrEngine();
    private final Clock clock = Clock.systemUTC();

    public Cycle find(String name) {
        return cycles.findByName(name).orElseThrow(() -> new UnknownKeyException("cycle", name));
    }

    public Cycle get(String name) {
        user.person();
        return find(name);
    }

    public List<Cycle> list() {
        user.person();
        return cycles.all();
    }

    /** A new cycle in planning: a YYYY-Qn name derives its dates, other names need both dates. */
    public Cycle create(String name, LocalDate start, LocalDate end) {
        user.requireAdmin(text("action.createCycles"));
        Cycle c = Cycle.isQuarterName(name) && start == null && end == null ? Cycle.quarter(name) : Cycle.of(name, start, end);
        Cycle added = cycles.add(c);
        trail.record(AuditSubject.CYCLE, added.getName(), AuditAction.CYCLE_CREATED, null,
                added.getStartDate() + " to " + added.getEndDate());
        return added;
    }

    public Cycle activate(String name) {
        user.requireAdmin(text("action.activateCycles"));
        Cycle c = find(name);
        c.activate();
        trail.record(AuditSubject.CYCLE, c.getName(), AuditAction.CYCLE_ACTIVATED, null, null);
        return c;
    }

    /** Closes the cycle now, freezing every grade (R4). */
    public Cycle close(String name) {
        user.requireAdmin(text("action.closeCycles"));
        Cycle c = find(name);
        if (c.isClosed()) {
            throw new InvalidInputException("state", DomainText.text("cycle.alreadyClosed", name));
        }
        close(c, clock.instant(), user.username());
        return c;
    }

    /** Grades the cycle as of its end date, freezes the grades and closes it, in one transaction. */
    public void close(Cycle cycle, Instant at, String by) {
        Map<GradedSubject, BigDecimal> grades = engine.gradesToFreeze(snapshots.load(cycle));
        Map<Long, Objective> objectivesById = objectives.ofCycle(cycle).stream()
                .collect(Collectors.toMap(Objective::getId, Function.identity()));
        Map<Long, KeyResult> krsById = keyResults.ofCycle(cycle).stream()
                .collect(Collectors.toMap(KeyResult::getId, Function.identity()));
        grades.forEach((subject, grade) -> {
            if (subject.kind() == ContributorKind.KEY_RESULT) {
                krsById.get(subject.id()).freezeGrade(grade);
            } else {
                objectivesById.get(subject.id()).freezeGrade(grade);
            }
        });
        cycle.close(at);
        trail.recordAs(by, AuditSubject.CYCLE, cycle.getName(), AuditAction.CYCLE_CLOSED, null, grades.size() + " grades frozen");
    }
}
