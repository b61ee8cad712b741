package com.keystone.okr.web.cycle;

import com.keystone.okr.domain.audit.AuditEntry;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.persistence.audit.AuditRepository;
import com.keystone.okr.persistence.objective.KeyResultRepository;
import com.keystone.okr.persistence.objective.ObjectiveRepository;
import com.keystone.okr.persistence.snapshot.CycleSnapshotLoader;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.objective.ContributorKind;
import com.keystone.okr.reporting.objective.GradedSubject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Cycle life cycle: closing a cycle freezes every objective's and key result's grade (R4). */
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
    AuditRepository audit;

    private final OkrEngine engine = new OkrEngine();

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
        audit.add(new AuditEntry(at, by, "CYCLE_CLOSED", "CYCLE", cycle.getName(), null,
                grades.size() + " grades frozen", null));
    }
}
