package com.keystone.okr.web.app.okr;

import com.keystone.okr.domain.person.Person;
import com.keystone.okr.persistence.person.PersonRepository;
import com.keystone.okr.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.List;

/**
 * Who can own an objective or key result: the active people, by username. Everyone signed in
 * may read this short list (the full people list with roles and e-mails stays with admins and HR).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OwnerOptions {

    /** One choice of an owner picker. */
    public record Owner(String username, String displayName) implements Serializable {

        public String label() {
            return displayName == null || displayName.isBlank() ? username : displayName + " (" + username + ")";
        }
    }

    @Inject
    CurrentUser user;

    @PersistenceContext(unitName = "okr")
    EntityManager em;

    @Inject
    PersonRepository people;

    /** How many people an owner picker suggests at most. */
    public static final int LIMIT = 20;

    /** An owner picker's suggestions: the user names of active people whose user name or name contains {@code text}. */
    public List<String> matching(String text) {
        user.person();
        return people.activeMatching(text, LIMIT).stream().map(Person::getUsername).toList();
    }

    public List<Owner> active() {
        user.person();
        return em.createQuery("select p.username, p.displayName from Person p where p.active = true order by p.username",
                        Object[].class)
                .getResultList().stream().map(r -> new Owner((String) r[0], (String) r[1])).toList();
    }
}
