package com.keystone.okr.web.security;

import com.keystone.okr.domain.person.GlobalRole;
import com.keystone.okr.domain.person.Membership;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.person.UnitRole;
import com.keystone.okr.persistence.person.PersonRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks usernames and passwords against the people table (PBKDF2 hashes) and gives each active
 * person their groups. A recently verified password is remembered (as a keyed hash, never in
 * clear) so that API clients sending HTTP Basic on every call do not pay 600,000 PBKDF2
 * iterations per request. A hash of older settings is replaced by a stronger one at the sign-in
 * that proves the password.
 */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {

    @Inject
    PersonRepository people;

    @Inject
    PasswordHasher hasher;

    @Inject
    CredentialCache cache;

    @Inject
    PasswordUpgrade upgrade;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential upc)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String username = upc.getCaller() == null ? "" : upc.getCaller().strip().toLowerCase(Locale.ROOT);
        String password = upc.getPasswordAsString();
        Optional<Person> found = people.findByUsername(username).filter(Person::isActive);
        try {
            if (found.isEmpty() || found.get().getPasswordHash() == null) {
                hasher.hash(password == null ? "" : password); // same work as a real check: no user enumeration by timing
                return CredentialValidationResult.INVALID_RESULT;
            }
            Person person = found.get();
            String stored = person.getPasswordHash();
            boolean remembered = cache.isRemembered(username, password, stored);
            if (!remembered && !hasher.verify(password, stored)) {
                return CredentialValidationResult.INVALID_RESULT;
            }
            if (!remembered && PasswordHasher.needsUpgrade(stored)) {
                String stronger = hasher.hash(password);
                upgrade.upgrade(username, stored, stronger);
                stored = stronger;
            }
            cache.remember(username, password, stored);
            return new CredentialValidationResult(username, groupsOf(person, people));
        } catch (PasswordHasher.HashingBusyException busy) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
    }

    /**
     * ADMIN/HR from the person's company-wide roles, LEAD/MEMBER when they hold such a role in some unit, USER always,
     * and {@link Roles#MUST_CHANGE_PASSWORD} while their password is a temporary one.
     */
    static Set<String> groupsOf(Person person, PersonRepository people) {
        Set<String> groups = new HashSet<>();
        groups.add(Roles.USER);
        if (person.hasRole(GlobalRole.ADMIN)) {
            groups.add(Roles.ADMIN);
        }
        if (person.hasRole(GlobalRole.HR)) {
            groups.add(Roles.HR);
        }
        if (person.isPasswordTemporary()) {
            groups.add(Roles.MUST_CHANGE_PASSWORD);
        }
        for (Membership m : people.membershipsOf(person)) {
            groups.add(m.getRole() == UnitRole.LEAD ? Roles.LEAD : Roles.MEMBER);
        }
        return groups;
    }
}
