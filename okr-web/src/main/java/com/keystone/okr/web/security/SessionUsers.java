package com.keystone.okr.web.security;

import com.keystone.okr.domain.person.Person;
import com.keystone.okr.persistence.person.PersonRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/** The groups of a person signed in through the web UI, re-read on each request so a deactivation takes effect at once. */
@ApplicationScoped
public class SessionUsers {

    @Inject
    PersonRepository people;

    /** The groups of an active person, or {@code null} when the person is gone or deactivated. */
    public Set<String> groupsOfActive(String username) {
        return people.findByUsername(username).filter(Person::isActive)
                .map(p -> DatabaseIdentityStore.groupsOf(p, people)).orElse(null);
    }
}
