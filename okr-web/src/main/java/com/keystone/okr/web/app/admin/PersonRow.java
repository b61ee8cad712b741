package com.keystone.okr.web.app.admin;

import com.keystone.okr.domain.person.GlobalRole;
import com.keystone.okr.domain.person.Membership;
import com.keystone.okr.domain.person.Person;
import java.io.Serializable;
import java.util.List;

/** One person as the people table shows them, copied from the service's answer so the view never touches an entity. */
public record PersonRow(String username, String displayName, String email, boolean active, List<String> roles,
                        List<UnitRoleRow> memberships, long version) implements Serializable {

    /** "LEAD of Acme/Sales". */
    public record UnitRoleRow(String unitPath, String role) implements Serializable {
    }

    static PersonRow of(Person p, List<Membership> memberships) {
        return new PersonRow(p.getUsername(), p.getDisplayName(), p.getEmail(), p.isActive(),
                p.getGlobalRoles().stream().sorted().map(GlobalRole::name).toList(),
                memberships.stream().map(m -> new UnitRoleRow(m.getUnit().getPath(), m.getRole().name())).toList(),
                p.getVersion());
    }
}
