package com.keystone.okr.web.person;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.domain.person.GlobalRole;
import com.keystone.okr.domain.person.Membership;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.person.UnitRole;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.person.PersonRepository;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import com.keystone.okr.web.audit.AuditTrail;
import com.keystone.okr.web.security.AccessDeniedException;
import com.keystone.okr.web.security.CredentialCache;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.security.PasswordHasher;
import com.keystone.okr.web.support.Enums;
import com.keystone.okr.web.support.UnknownKeyException;
import com.keystone.okr.web.support.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** People: admins create, deactivate, reset passwords and assign roles; HR reads; everyone changes their own password. */
@ApplicationScoped
@Transactional
public class PersonService {

    @Inject
    PersonRepository people;
    @Inject
    OrgUnitRepository units;
    @Inject
    AuditTrail trail;
    @Inject
    PasswordHasher hasher;
    @Inject
    CredentialCache credentials;
    @Inject
    CurrentUser user;
    @PersistenceContext(unitName = "okr")
    EntityManager em;


    /** A role in a unit, as callers send it. */
    public record MembershipCommand(String unitPath, String role) {
    }

    /** What an admin may set on a person; null leaves a field as it is. */
    public record PersonCommand(String username, String displayName, String email, String password, Boolean active,
                                List<String> roles, List<MembershipCommand> memberships, Long version) {
    }

    public List<Person> page(int first, int size) {
        return page(first, size, null);
    }

    /** A page of the people whose user name or name contains {@code search} (null: everyone). */
    public List<Person> page(int first, int size, String search) {
        requireAdminOrHr();
        return people.page(Math.max(0, first), Math.max(1, Math.min(size, 500)), search);
    }

    public Person get(String username) {
        if (!username.equals(user.username())) {
            requireAdminOrHr();
        }
        return people.findByUsername(username).orElseThrow(() -> new UnknownKeyException("user", username));
    }

    public List<Membership> membershipsOf(Person p) {
        return people.membershipsOf(p);
    }

    public Person create(PersonCommand c) {
        user.requireAdmin(text("action.createPeople"));
        Person p = new Person(c.username(), c.displayName());
        if (c.password() == null) {
            throw new InvalidInputException("password", text("person.passwordRequired", PasswordHasher.MIN_LENGTH));
        }
        apply(p, c);
        people.add(p);
        em.flush();
        PersonState.recordCreated(trail, PersonState.of(p, people.membershipsOf(p)));
        return p;
    }

    public Person update(String username, PersonCommand c) {
        user.requireAdmin(text("action.changePeople"));
        Person p = people.findByUsername(username).orElseThrow(() -> new UnknownKeyException("user", username));
        Versions.check(text("subject.user", username), c.version(), p.getVersion());
        if (c.username() != null && !c.username().equals(p.getUsername())) {
            throw new InvalidInputException("username", text("person.usernameCannotChange"));
        }
        if (c.displayName() != null) {
            p.rename(c.displayName());
        }
        if (Boolean.FALSE.equals(c.active()) && p.getUsername().equals(user.username())) {
            throw new InvalidInputException("active", text("person.cannotDeactivateSelf"));
        }
        PersonState before = PersonState.of(p, people.membershipsOf(p));
        int credentialVersion = p.getCredentialVersion();
        apply(p, c);
        em.flush();
        PersonState.recordChanges(trail, before, PersonState.of(p, people.membershipsOf(p)));
        if (p.getCredentialVersion() != credentialVersion) {
            trail.record(AuditSubject.PERSON, p.getUsername(), AuditAction.PASSWORD_RESET, null, null);
        }
        credentials.forget(p.getUsername());
        return p;
    }

    /** Anyone signed in changes their own password, proving the current one. */
    public void changeOwnPassword(String current, String next) {
        Person p = user.person();
        if (!hasher.verify(current, p.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", text("person.wrongPassword"));
        }
        p.changePasswordHash(hasher.hash(checkedPassword("newPassword", next)));
        credentials.forget(p.getUsername());
        trail.record(AuditSubject.PERSON, p.getUsername(), AuditAction.PASSWORD_CHANGED, null, null);
    }

    private void apply(Person p, PersonCommand c) {
        if (c.email() != null) {
            p.changeEmail(c.email());
        }
        if (c.password() != null) {
            // a password an administrator chose is temporary: its owner must choose their own at the next sign-in
            p.setTemporaryPasswordHash(hasher.hash(checkedPassword("password", c.password())));
        }
        if (c.active() != null) {
            if (c.active()) {
                p.activate();
            } else {
                p.deactivate();
            }
        }
        if (c.roles() != null) {
            Set<GlobalRole> wanted = EnumSet.noneOf(GlobalRole.class);
            for (String r : c.roles()) {
                wanted.add(Enums.required(GlobalRole.class, "roles", r));
            }
            if (p.getUsername().equals(user.username()) && p.hasRole(GlobalRole.ADMIN) && !wanted.contains(GlobalRole.ADMIN)) {
                throw new InvalidInputException("roles", text("person.cannotDropOwnAdmin"));
            }
            for (GlobalRole r : GlobalRole.values()) {
                if (wanted.contains(r)) {
                    p.grant(r);
                } else {
                    p.revoke(r);
                }
            }
        }
        if (c.memberships() != null) {
            List<OrgUnit> keep = new ArrayList<>();
            for (MembershipCommand m : c.memberships()) {
                OrgUnit unit = units.findByPath(m.unitPath() == null ? "" : m.unitPath().strip())
                        .orElseThrow(() -> new InvalidInputException("memberships", text("noSuch.unit", m.unitPath())));
                p.assign(unit, Enums.required(UnitRole.class, "memberships", m.role()));
                keep.add(unit);
            }
            for (Membership m : List.copyOf(p.getMemberships())) {
                if (!keep.contains(m.getUnit())) {
                    p.unassign(m.getUnit());
                }
            }
        }
    }

    private static String checkedPassword(String field, String password) {
        if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
            throw new InvalidInputException(field, text("person.passwordTooShort", PasswordHasher.MIN_LENGTH));
        }
        if (password.length() > 200) {
            throw new InvalidInputException(field, text("person.passwordTooLong"));
        }
        return password;
    }

    private void requireAdminOrHr() {
        if (!user.isAdmin() && !user.isHr()) {
            throw new AccessDeniedException(text("denied.people"));
        }
    }
}
