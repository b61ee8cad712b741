package com.keystone.okr.web.security;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.Text;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.person.GlobalRole;
import com.keystone.okr.domain.person.Membership;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.person.UnitRole;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.person.PersonRepository;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.List;

/**
 * Who is calling, and what they may do. Every service asks here before it changes anything,
 * whether the call came from the REST API or a page: admins anywhere; leads in their units and
 * the units below; members check in on the key results they own; HR reads only.
 */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext security;

    @Inject
    PersonRepository people;

    private Person person;
    private List<Membership> memberships;

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    public String username() {
        Principal p = security.getCallerPrincipal();
        return p == null ? null : p.getName();
    }

    public Person person() {
        if (person == null) {
            String name = username();
            if (name == null) {
                throw new AccessDeniedException(text("denied.signIn"));
            }
            person = people.findByUsername(name).orElseThrow(() -> new AccessDeniedException(text("denied.unknownUser", name)));
            memberships = people.membershipsOf(person);
        }
        return person;
    }

    public List<Membership> memberships() {
        person();
        return memberships;
    }

    public boolean isAdmin() {
        return isSignedIn() && person().hasRole(GlobalRole.ADMIN);
    }

    public boolean isHr() {
        return isSignedIn() && person().hasRole(GlobalRole.HR);
    }

    /** Admin, or lead of this unit or of an ancestor of it. */
    public boolean canWriteIn(OrgUnit unit) {
        if (isAdmin()) {
            return true;
        }
        return isSignedIn() && memberships().stream()
                .anyMatch(m -> m.getRole() == UnitRole.LEAD && unit.isSelfOrDescendantOf(m.getUnit()));
    }

    /** The same rule as {@link #canWriteIn(OrgUnit)}, for a unit known by its path (views built from reports). */
    public boolean canWriteInPath(String unitPath) {
        if (isAdmin()) {
            return true;
        }
        return isSignedIn() && memberships().stream().anyMatch(m -> m.getRole() == UnitRole.LEAD
                && (unitPath.equals(m.getUnit().getPath()) || unitPath.startsWith(m.getUnit().getPath() + OrgUnit.SEPARATOR)));
    }

    /** The same rule as {@link #canCheckIn(KeyResult)}, for a key result known by its owner and unit path. */
    public boolean canCheckIn(String owner, String unitPath) {
        return isSignedIn() && (username().equals(owner) || canWriteInPath(unitPath));
    }

    /** The paths of the units this person belongs to (as lead or member). */
    public List<String> unitPaths() {
        return isSignedIn() ? memberships().stream().map(m -> m.getUnit().getPath()).toList() : List.of();
    }

    /** The KR's owner, a lead of its unit or an ancestor, or an admin. */
    public boolean canCheckIn(KeyResult kr) {
        return isOwner(kr.getOwner()) || canWriteIn(kr.getObjective().getUnit());
    }

    /** The KPI's owner, a lead of its unit or an ancestor, or an admin. */
    public boolean canMeasure(Kpi kpi) {
        return isOwner(kpi.getOwner()) || canWriteIn(kpi.getUnit());
    }

    private boolean isOwner(Person owner) {
        return owner != null && isSignedIn() && owner.getUsername().equals(username());
    }

    /** {@code action} says what the caller tried, e.g. {@code text("action.createUnits")}. */
    public void requireAdmin(Text action) {
        if (!isAdmin()) {
            throw new AccessDeniedException(text("denied.admin", action));
        }
    }

    public void requireWriteIn(OrgUnit unit, Text action) {
        if (!canWriteIn(unit)) {
            throw new AccessDeniedException(text("denied.lead", unit.getPath(), action));
        }
    }

    public void requireCheckIn(KeyResult kr) {
        if (!canCheckIn(kr)) {
            throw new AccessDeniedException(text("denied.checkIn", kr.getKey(), kr.getObjective().getUnit().getPath()));
        }
    }

    public void requireMeasure(Kpi kpi) {
        if (!canMeasure(kpi)) {
            throw new AccessDeniedException(text("denied.measure", kpi.getKey(), kpi.getUnit().getPath()));
        }
    }
}
