package com.keystone.okr.web.objective;

import static com.keystone.okr.domain.DomainText.field;
import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.objective.CheckIn;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.objective.CheckInRepository;
import com.keystone.okr.persistence.objective.KeyResultRepository;
import com.keystone.okr.web.metrics.BusinessMetrics;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.support.UnknownKeyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Check-ins on key results: recorded by the KR's owner, its unit's leads or an admin; read by anyone signed in. */
@ApplicationScoped
@Transactional
public class CheckInService {

    @Inject
    CycleRepository cycles;
    @Inject
    KeyResultRepository keyResults;
    @Inject
    CheckInRepository checkIns;
    @Inject
    CurrentUser user;
    @Inject
    BusinessMetrics metrics;
    @PersistenceContext(unitName = "okr")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    public CheckIn record(String cycleName, String krKey, LocalDate date, BigDecimal value, Integer confidence, String comment) {
        KeyResult kr = find(cycleName, krKey);
        user.requireCheckIn(kr);
        if (date == null) {
            throw new InvalidInputException("date", text("date.required", field("date")));
        }
        CheckIn c = checkIns.add(kr.checkIn(date, value, confidence, comment, user.username(), clock.instant()));
        em.flush();
        metrics.checkInsRecorded(1);
        return c;
    }

    public List<CheckIn> history(String cycleName, String krKey) {
        user.person();
        return checkIns.history(find(cycleName, krKey));
    }

    public KeyResult find(String cycleName, String krKey) {
        Cycle cycle = cycles.findByName(cycleName).orElseThrow(() -> new UnknownKeyException("cycle", cycleName));
        return keyResults.findByKey(cycle, krKey).orElseThrow(() -> new UnknownKeyException("key result", krKey));
    }
}
