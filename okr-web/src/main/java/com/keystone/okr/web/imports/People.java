package com.keystone.okr.web.imports;

import com.keystone.okr.domain.person.Person;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The people a file names as owners, by user name (lower case), read in one query per thousand
 * names. Owners are handed out as references: an owner is only linked, never read.
 */
final class People {

    private final EntityManager em;
    private final Map<String, Long> ids = new HashMap<>();
    private final Map<String, Person> references = new HashMap<>();

    private People(EntityManager em) {
        this.em = em;
    }

    static People load(EntityManager em, Collection<String> usernames) {
        People people = new People(em);
        Set<String> names = usernames.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Preload.inChunks(names, chunk -> em.createQuery("select p.username, p.id from Person p where p.username in :u",
                        Object[].class).setParameter("u", chunk).getResultList())
                .forEach(r -> people.ids.put((String) r[0], (Long) r[1]));
        return people;
    }

    /** The person with this (lower-case) user name, or {@code null} when there is none. */
    Person find(String username) {
        Long id = ids.get(username);
        if (id == null) {
            return null;
        }
        return references.computeIfAbsent(username, u -> em.getReference(Person.class, id));
    }

    /** Whether a stored owner (possibly a proxy, possibly none) is the person with this user name (or none for null). */
    boolean same(Person owner, String username) {
        Object ownerId = Preload.idOf(em, owner);
        return username == null ? ownerId == null : ids.get(username) != null && ids.get(username).equals(ownerId);
    }

    static String unknown(String username) {
        return "no user '" + ImportRow.abbreviate(username) + "'";
    }
}
