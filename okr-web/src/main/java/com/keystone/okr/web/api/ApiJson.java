package com.keystone.okr.web.api;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.Measurement;
import com.keystone.okr.domain.objective.CheckIn;
import com.keystone.okr.domain.objective.Grade;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.person.Membership;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.web.support.Decimals;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The request and response bodies of the write endpoints (JSON-B). */
public final class ApiJson {

    private ApiJson() {
    }

    /** {@code {"name":"2027-Q1"}} or {@code {"name":"FY27 H1","startDate":"2027-01-01","endDate":"2027-06-30"}} */
    public record CycleRequest(String name, String startDate, String endDate) {
    }

    public record CycleJson(String name, String startDate, String endDate, String state, long version) {

        static CycleJson of(Cycle c) {
            return new CycleJson(c.getName(), c.getStartDate().toString(), c.getEndDate().toString(), c.getState().name(),
                    c.getVersion());
        }
    }

    /** {@code {"date":"2026-11-20","value":42.5,"confidence":7,"comment":"..."}} */
    public record CheckInRequest(String date, BigDecimal value, Integer confidence, String comment) {
    }

    public record CheckInJson(long id, String cycle, String keyResult, String date, BigDecimal value, Integer confidence,
                              String comment, String author, String recordedAt) {

        static CheckInJson of(CheckIn c) {
            return new CheckInJson(c.getId(), c.getKeyResult().getCycle().getName(), c.getKeyResult().getKey(),
                    c.getEffectiveDate().toString(), Decimals.clean(c.getValue()), c.getConfidence(), c.getComment(),
                    c.getAuthor(), c.getRecordedAt().toString());
        }
    }

    /** {@code {"date":"2026-11-20","value":0.031}} */
    public record MeasurementRequest(String date, BigDecimal value) {
    }

    public record MeasurementJson(String kpi, String date, BigDecimal value, String recordedBy, String recordedAt) {

        static MeasurementJson of(Measurement m) {
            return new MeasurementJson(m.getKpi().getKey(), m.getDate().toString(), Decimals.clean(m.getValue()),
                    m.getRecordedBy(), m.getRecordedAt().toString());
        }
    }

    public record UnitRequest(String parentPath, String name, Boolean archived, Long version) {
    }

    public record UnitJson(String path, String name, int depth, String parentPath, boolean archived, long version) {

        static UnitJson of(OrgUnit u) {
            return new UnitJson(u.getPath(), u.getName(), u.getDepth(),
                    u.getParent() == null ? null : u.getParent().getPath(), u.isArchived(), u.getVersion());
        }
    }

    public record MembershipJson(String unitPath, String role) {
    }

    /**
     * A person: company-wide {@code roles}, unit {@code memberships} with their role (by unit path), the same
     * memberships as the people import writes them ({@code unitRoles}), and whether they have a password and
     * whether it is a temporary one that must be changed at the next sign-in. Never a password or its hash.
     */
    public record PersonJson(String username, String displayName, String email, boolean active, List<String> roles,
                             List<MembershipJson> memberships, String unitRoles, boolean passwordSet,
                             boolean passwordTemporary, long version) {

        static PersonJson of(Person p, List<Membership> memberships) {
            List<MembershipJson> sorted = memberships.stream()
                    .map(m -> new MembershipJson(m.getUnit().getPath(), m.getRole().name()))
                    .sorted(Comparator.comparing(MembershipJson::unitPath)).toList();
            return new PersonJson(p.getUsername(), p.getDisplayName(), p.getEmail(), p.isActive(),
                    p.getGlobalRoles().stream().map(Enum::name).sorted().toList(), sorted,
                    sorted.stream().map(m -> m.role() + ":" + m.unitPath()).collect(Collectors.joining(";")),
                    p.hasPassword(), p.isPasswordTemporary(), p.getVersion());
        }
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record GradeOverride(BigDecimal grade, String reason) {
    }

    public record GradeJson(BigDecimal computed, BigDecimal override, String reason, String by) {

        static GradeJson of(Grade g) {
            return g == null || !g.isGraded() ? null
                    : new GradeJson(g.getComputed(), g.getOverride(), g.getOverrideReason(), g.getOverrideBy());
        }
    }

    public record ObjectiveJson(String cycle, String key, String title, String description, String unitPath, String owner,
                                BigDecimal weight, String parentKey, List<String> keyResults, GradeJson grade, long version) {

        static ObjectiveJson of(Objective o, List<KeyResult> krs) {
            return new ObjectiveJson(o.getCycle().getName(), o.getKey(), o.getTitle(), o.getDescription(),
                    o.getUnit().getPath(), o.getOwner() == null ? null : o.getOwner().getUsername(),
                    Decimals.clean(o.getWeight()), o.getParent() == null ? null : o.getParent().getKey(),
                    krs.stream().map(KeyResult::getKey).toList(), GradeJson.of(o.getGrade()), o.getVersion());
        }
    }

    public record KeyResultJson(String cycle, String key, String title, String objectiveKey, String type, BigDecimal start,
                                BigDecimal target, BigDecimal weight, String owner, String kpi, GradeJson grade,
                                long version) {

        static KeyResultJson of(KeyResult k) {
            return new KeyResultJson(k.getCycle().getName(), k.getKey(), k.getTitle(), k.getObjective().getKey(),
                    k.getType().name(), Decimals.clean(k.getStartValue()), Decimals.clean(k.getTargetValue()),
                    Decimals.clean(k.getWeight()), k.getOwner() == null ? null : k.getOwner().getUsername(),
                    k.getKpi() == null ? null : k.getKpi().getKey(), GradeJson.of(k.getGrade()), k.getVersion());
        }
    }

    public record KpiJson(String key, String name, String unitPath, String direction, String kind, BigDecimal target,
                          BigDecimal warning, String timeAggregation, String unitOfMeasure, String owner,
                          String unitAggregation, List<String> children, String numeratorKey, String denominatorKey,
                          long version) {

        static KpiJson of(Kpi k) {
            return new KpiJson(k.getKey(), k.getName(), k.getUnit().getPath(), k.getDirection().name(), k.getKind().name(),
                    Decimals.clean(k.getTarget()), Decimals.clean(k.getWarning()), k.getTimeAggregation().name(),
                    k.getUnitOfMeasure(), k.getOwner() == null ? null : k.getOwner().getUsername(),
                    k.getUnitAggregation() == null ? null : k.getUnitAggregation().name(),
                    k.getChildren().stream().map(Kpi::getKey).sorted().toList(),
                    k.getNumerator() == null ? null : k.getNumerator().getKey(),
                    k.getDenominator() == null ? null : k.getDenominator().getKey(), k.getVersion());
        }
    }
}
