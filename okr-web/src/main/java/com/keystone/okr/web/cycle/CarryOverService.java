package com.keystone.okr.web.cycle;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.web.audit.AuditTrail;
import com.keystone.okr.web.report.ReportService;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.support.UnknownKeyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Carrying objectives and key results into a later cycle (issue 10): leads for their units and
 * the units below, admins for any unit or the whole company. One transaction: the target quarter
 * (when created), every copy, its alignment and the audit entries commit together or not at all.
 */
@ApplicationScoped
@Transactional
public class CarryOverService {

    @Inject
    CycleRepository cycles;
    @Inject
    OrgUnitRepository units;
    @Inject
    ReportService reports;
    @Inject
    AuditTrail trail;
    @Inject
    CurrentUser user;
    @PersistenceContext(unitName = "okr")
    EntityManager em;

    private final Clock clock = Clock.systemDefaultZone();

    /**
     * Carries the objectives of {@code unitPath} (null or blank: the whole company) and the units below
     * it from cycle {@code from} into {@code to}; {@code unfinishedOnly} null means true.
     */
    public CarryOverReport carryOver(String from, String to, String unitPath, Boolean unfinishedOnly) {
        Cycle source = cycles.findByName(from).orElseThrow(() -> new UnknownKeyException("cycle", from));
        OrgUnit scope = scope(unitPath);
        user.requireWriteIn(scope, CarryOver.text("action.carryOver", scope.getPath(), source.getName()));
        // the engine's figures first, from the live model as committed, before this transaction writes anything
        CycleReport report = reports.report(source.getName(), asOf(source));
        CarryOver carry = new CarryOver(em, trail::record);
        CarryOver.Target target = carry.target(source, to);
        return carry.carry(source, report, target, scope, unfinishedOnly == null || unfinishedOnly);
    }

    /** The date of the values carried: the source cycle's end, or today if the cycle has not ended. */
    LocalDate asOf(Cycle source) {
        LocalDate today = LocalDate.now(clock);
        return today.isBefore(source.getEndDate()) ? today : source.getEndDate();
    }

    private OrgUnit scope(String unitPath) {
        if (unitPath == null || unitPath.isBlank()) {
            return units.findRoot().orElseThrow(() -> new InvalidInputException("unit", CarryOver.text("unit.noCompany")));
        }
        return units.findByPath(unitPath.strip())
                .orElseThrow(() -> new InvalidInputException("unit", CarryOver.text("unit.unknown", unitPath.strip())));
    }
}
