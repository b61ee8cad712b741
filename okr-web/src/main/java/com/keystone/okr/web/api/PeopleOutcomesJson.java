package com.keystone.okr.web.api;

import com.keystone.okr.web.report.PeopleOutcomes;
import com.keystone.okr.web.report.PeopleOutcomes.Item;
import com.keystone.okr.web.report.PeopleOutcomes.Kind;
import com.keystone.okr.web.report.PeopleOutcomes.Person;
import com.keystone.okr.web.report.PeopleOutcomes.Sheet;
import com.keystone.okr.web.support.Decimals;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/v1/cycles/{cycle}/people}: outcomes by person, the people view's rows. Grades are
 * those the quarterly review counts (frozen in a closed cycle, else projected; {@code projected}
 * says which); discipline as in the review.
 */
public record PeopleOutcomesJson(String cycle, String state, String asOf, boolean projected, List<PersonJson> people) {

    public record RoleJson(String unitPath, String role) {
    }

    public record PersonJson(String username, String name, boolean active, List<RoleJson> roles, int objectives,
                             BigDecimal objectivesAverageGrade, int keyResults, BigDecimal keyResultsAverageGrade,
                             int checkInKeyResults, int checkedIn, Double discipline, List<ItemJson> items) {
    }

    /**
     * @param objective for a key result its objective, for an objective the one it is aligned to
     * @param checkedIn whether a key result taking check-ins was checked in within the 14 days up to {@code asOf};
     *                  null for objectives and KPI-linked key results
     */
    public record ItemJson(String kind, String key, String title, String unitPath, String objective, double progress,
                           BigDecimal grade, String band, boolean overridden, String kpi, String latestCheckIn,
                           Boolean checkedIn) {
    }

    static PeopleOutcomesJson of(Sheet s) {
        return new PeopleOutcomesJson(s.cycleName(), s.state(), s.asOf().toString(), s.projected(),
                s.people().stream().map(PeopleOutcomesJson::person).toList());
    }

    private static PersonJson person(Person p) {
        return new PersonJson(p.username(), p.displayName(), p.active(),
                p.roles().stream().map((PeopleOutcomes.Role r) -> new RoleJson(r.unitPath(), r.role())).toList(),
                p.figures().objectives(), p.figures().averageGrade(), p.figures().keyResults(), p.keyResultAverage(),
                p.figures().checkInKeyResults(), p.figures().checkedIn(), p.figures().discipline(),
                p.items().stream().map(PeopleOutcomesJson::item).toList());
    }

    private static ItemJson item(Item i) {
        return new ItemJson(i.kind() == Kind.OBJECTIVE ? "OBJECTIVE" : "KEY_RESULT", i.key(), i.title(), i.unitPath(),
                i.objectiveKey(), i.progress(), Decimals.clean(i.grade()), i.band().name(), i.overridden(), i.kpiKey(),
                i.latestCheckIn() == null ? null : i.latestCheckIn().toString(), i.checkedIn());
    }
}
