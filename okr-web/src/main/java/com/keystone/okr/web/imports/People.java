package com.keystone.okr.web.imports;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.person.Person;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
    private final Set<String> deactivated = new HashSet<>();

    private People(EntityManager em) {
        this.em = em;
    }

    static People load(EntityManager em, Collection<String> usernames) {
        People people = new People(em);
        Set<String> names = usernames.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Preload.inChunks(names, chunk -> em.createQuery(
                        "select p.username, p.id, p.active from Person p where p.username in :u", Object[].class)
                        .setParameter("u", chunk).getResultList())
                .forEach(r -> {
                    people.ids.put((String) r[0], (Long) r[1]);
                    if (!Boolean.TRUE.equals(r[2])) {
                        people.deactivated.add((String) r[0]);
                    }
                });
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

    /**
     * The person to make the new owner (of something they do not own yet): a deactivated person
     * is refused, naming the column. Someone who already owns it stays its owner.
     */
    Person newOwner(String column, String username, Person person) {
        if (username != null && deactivated.contains(username)) {
            throw new InvalidInputException(column, "user '" + ImportRow.abbreviate(username)
                    + "' is deactivated: choose an active person as the owner");
        }
        return person;
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
