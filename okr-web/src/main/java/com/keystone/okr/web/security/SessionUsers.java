package com.keystone.okr.web.security;

import com.keystone.okr.domain.person.Person;
import com.keystone.okr.persistence.person.PersonRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

/**
 * The people signed in through the web UI, re-read on each request: a deactivation, or a password
 * changed or reset elsewhere, ends their sessions at the next request.
 */
@ApplicationScoped
public class SessionUsers {

    @Inject
    PersonRepository people;

    /**
     * The groups of an active person whose password is still the one the session signed in with
     * ({@code stamp}), or {@code null} when the person is gone, deactivated, or has another password now.
     */
    public Set<String> groupsOf(String username, String stamp) {
        return people.findByUsername(username).filter(Person::isActive)
                .filter(p -> Objects.equals(stamp(p), stamp))
                .map(p -> DatabaseIdentityStore.groupsOf(p, people)).orElse(null);
    }

    /** The stamp of the person's current password, kept in a session at sign-in (null for an unknown person). */
    public String stampOf(String username) {
        return people.findByUsername(username).map(SessionUsers::stamp).orElse(null);
    }

    /**
     * A digest of the password's credential version: it changes when the password is set (changed,
     * reset) and not when its hash is upgraded to more iterations at a sign-in.
     */
    static String stamp(Person p) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((p.getUsername() + "/" + p.getCredentialVersion())
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
