package com.keystone.okr.web.person;

import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.domain.person.Membership;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.web.audit.AuditTrail;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * What of a person the history follows (never the password), and the one way its changes are
 * recorded: by the people service (the admin pages, the API) and by the people import alike.
 */
public record PersonState(String username, String displayName, String email, boolean active, String roles,
                          String memberships) {

    public static PersonState of(Person p, Collection<Membership> memberships) {
        return new PersonState(p.getUsername(), p.getDisplayName(), p.getEmail(), p.isActive(),
                p.getGlobalRoles().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")),
                memberships.stream().map(m -> m.getRole() + " " + m.getUnit().getPath()).sorted()
                        .collect(Collectors.joining(", ")));
    }

    /** As the history has always shown a created person (without the user name, which is the entry's key). */
    @Override
    public String toString() {
        return "PersonState[displayName=" + displayName + ", email=" + email + ", active=" + active + ", roles=" + roles
                + ", memberships=" + memberships + "]";
    }

    /** Records a new person as created, with what they are. */
    public static void recordCreated(AuditTrail trail, PersonState created) {
        trail.record(AuditSubject.PERSON, created.username(), AuditAction.PERSON_CREATED, null, created.toString());
    }

    /** Records each thing that differs between two states of one person (nothing when they are equal). */
    public static void recordChanges(AuditTrail trail, PersonState before, PersonState after) {
        String who = after.username();
        trail.change(AuditSubject.PERSON, who, AuditAction.RENAMED, before.displayName(), after.displayName());
        trail.change(AuditSubject.PERSON, who, AuditAction.EMAIL_CHANGED, before.email(), after.email());
        trail.change(AuditSubject.PERSON, who, AuditAction.ROLES_CHANGED, before.roles(), after.roles());
        trail.change(AuditSubject.PERSON, who, AuditAction.MEMBERSHIPS_CHANGED, before.memberships(), after.memberships());
        if (before.active() != after.active()) {
            trail.record(AuditSubject.PERSON, who, after.active() ? AuditAction.ACTIVATED : AuditAction.DEACTIVATED, null, null);
        }
    }
}
