package com.keystone.okr.web.person;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.persistence.person.PersonRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may be named the owner of an objective, key result or KPI: an existing person, and an
 * active one unless they already own it (a deactivated person keeps what they owned until
 * someone reassigns it, so editing the title of their objective still works).
 */
@ApplicationScoped
public class Owners {

    @Inject
    PersonRepository people;

    /**
     * The person named by {@code username} as the new owner of something {@code current} owns
     * now; null for a blank name (no owner). Refusals name {@code field}.
     */
    public Person resolve(String field, String username, Person current) {
        if (username.isBlank()) {
            return null;
        }
        Person p = people.findByUsername(username.strip())
                .orElseThrow(() -> new InvalidInputException(field, text("noSuch.user", username)));
        boolean keeps = current != null && current.getUsername().equals(p.getUsername());
        if (!p.isActive() && !keeps) {
            throw new InvalidInputException(field, text("owner.inactive", p.getUsername()));
        }
        return p;
    }
}
