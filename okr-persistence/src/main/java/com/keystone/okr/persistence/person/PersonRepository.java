package com.keystone.okr.persistence.person;

import static com.keystone.okr.domain.DomainText.text;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.person.Membership;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** People and their roles. */
@ApplicationScoped
public class PersonRepository extends Repository<Person> {

    public PersonRepository() {
        super(Person.class);
    }

    public PersonRepository(EntityManager em) {
        super(Person.class, em);
    }

    @Override
    public Person add(Person person) {
        if (findByUsername(person.getUsername()).isPresent()) {
            throw new InvalidInputException("username", text("person.usernameTaken", person.getUsername()));
        }
        return super.add(person);
    }

    public Optional<Person> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return first(em.createQuery("select p from Person p where p.username = :u", Person.class)
                .setParameter("u", username.strip().toLowerCase(Locale.ROOT)).getResultList());
    }

    /** A page of people ordered by username. */
    public List<Person> page(int first, int size) {
        return em.createQuery("select p from Person p order by p.username", Person.class)
                .setFirstResult(first).setMaxResults(size).getResultList();
    }

    /** The memberships of a person with their units, in one query. */
    public List<Membership> membershipsOf(Person person) {
        return em.createQuery("select m from Membership m join fetch m.unit where m.person = :p order by m.unit.path",
                        Membership.class)
                .setParameter("p", person).getResultList();
    }

    /** Who has a role in exactly this unit. */
    public List<Membership> membersOf(OrgUnit unit) {
        return em.createQuery("select m from Membership m join fetch m.person where m.unit = :u order by m.person.username",
                        Membership.class)
                .setParameter("u", unit).getResultList();
    }
}
