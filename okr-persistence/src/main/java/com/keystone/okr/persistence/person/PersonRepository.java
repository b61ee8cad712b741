package com.keystone.okr.persistence.person;

import static com.keystone.okr.domain.DomainText.text;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.person.Membership;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
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
        return page(first, size, null);
    }

    /**
     * One page of the people whose user name or display name contains {@code search} (any case;
     * null or blank: everyone), by user name.
     */
    public List<Person> page(int first, int size, String search) {
        return matching("select p from Person p", search, " order by p.username", Person.class)
                .setFirstResult(first).setMaxResults(size).getResultList();
    }

    /** How many people {@link #page(int, int, String)} pages through. */
    public long count(String search) {
        return matching("select count(p) from Person p", search, "", Long.class).getSingleResult();
    }

    /**
     * The owner pickers' suggestions: at most {@code limit} active people whose user name or display
     * name contains {@code search} (any case; blank: the first ones), by user name.
     */
    public List<Person> activeMatching(String search, int limit) {
        String q = search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT);
        String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return em.createQuery("select p from Person p where p.active = true and (lower(p.username) like :q escape '\\'"
                        + " or lower(p.displayName) like :q escape '\\') order by p.username", Person.class)
                .setParameter("q", pattern).setMaxResults(limit).getResultList();
    }

    private <T> jakarta.persistence.TypedQuery<T> matching(String select, String search, String order, Class<T> type) {
        if (search == null || search.isBlank()) {
            return em.createQuery(select + order, type);
        }
        String pattern = "%" + search.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return em.createQuery(select + " where lower(p.username) like :q escape '\\' or lower(p.displayName) like :q escape '\\'"
                + order, type).setParameter("q", pattern);
    }

    /**
     * One page of the directory: the people whose user name or display name contains {@code search}
     * (any case; null or blank: everyone) and, with a {@code unitPath}, who have a role in that
     * unit, or also in a unit below it when {@code below}; ordered by display name, then user name.
     */
    public List<PersonEntry> directory(String search, String unitPath, boolean below, int first, int size) {
        return directoryQuery("select new " + PersonEntry.class.getName() + "(p.username, p.displayName, p.active)",
                search, unitPath, below, " order by lower(p.displayName), p.username", PersonEntry.class)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, size)).getResultList();
    }

    /** Every person of the directory that {@link #directory} pages through, in its order. */
    public List<PersonEntry> directory(String search, String unitPath, boolean below) {
        return directoryQuery("select new " + PersonEntry.class.getName() + "(p.username, p.displayName, p.active)",
                search, unitPath, below, " order by lower(p.displayName), p.username", PersonEntry.class).getResultList();
    }

    /** How many people {@link #directory} pages through. */
    public long directoryCount(String search, String unitPath, boolean below) {
        return directoryQuery("select count(p)", search, unitPath, below, "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> directoryQuery(String select, String search, String unitPath,
                                                                 boolean below, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" from Person p where 1 = 1");
        boolean searching = search != null && !search.isBlank();
        boolean inUnit = unitPath != null && !unitPath.isBlank();
        if (searching) {
            jpql.append(" and (lower(p.username) like :q escape '\\' or lower(p.displayName) like :q escape '\\')");
        }
        if (inUnit) {
            jpql.append(" and exists (select m from Membership m where m.person = p and (m.unit.path = :unit");
            if (below) {
                jpql.append(" or m.unit.path like :prefix escape '\\'");
            }
            jpql.append("))");
        }
        TypedQuery<T> q = em.createQuery(jpql.append(order).toString(), type);
        if (searching) {
            q.setParameter("q", "%" + search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (inUnit) {
            q.setParameter("unit", unitPath.strip());
            if (below) {
                q.setParameter("prefix", likePrefix(unitPath.strip() + OrgUnit.SEPARATOR));
            }
        }
        return q;
    }

    /** The roles of these people, by user name then unit path. */
    public List<UnitRoleEntry> rolesOf(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select new " + UnitRoleEntry.class.getName()
                        + "(m.person.username, m.unit.path, m.role) from Membership m"
                        + " where m.person.username in :names order by m.person.username, m.unit.path", UnitRoleEntry.class)
                .setParameter("names", usernames).getResultList();
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
