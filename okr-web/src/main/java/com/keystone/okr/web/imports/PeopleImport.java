package com.keystone.okr.web.imports;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.person.GlobalRole;
import com.keystone.okr.domain.person.Membership;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.person.UnitRole;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.web.person.PersonState;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code people} import: one row per person, matched by user name (idempotent: a file that
 * says what is stored changes nothing and counts its rows unchanged).
 * <ul>
 * <li>{@code username} and {@code name} are required; a new person is created with them.</li>
 * <li>{@code email}, {@code global_role} ({@code ADMIN}, {@code HR}, both joined by {@code ;}, or
 * empty for none), {@code unit_roles} ({@code LEAD:Acme/Sales;MEMBER:Acme/Sales/Inbound}, or empty
 * for none) and {@code active} ({@code true}/{@code false}) set what they say; an empty value
 * clears, except {@code active}, where empty leaves a stored person as they are (a new one is
 * active). A column the file does not have leaves that field of stored people as it is.</li>
 * <li>The units must exist (an import of people creates none); a unit named twice in a row, a
 * user name on two rows, an unknown role are refused at their column.</li>
 * <li>Never a password: a new person has none and cannot sign in until an administrator sets a
 * temporary one. The importing administrator cannot deactivate themselves or take their own
 * ADMIN role away.</li>
 * </ul>
 */
final class PeopleImport {

    private static final ImportKind KIND = ImportKind.PEOPLE;

    private final EntityManager em;
    private final ErrorList errors;
    private final String actor;
    private final List<ImportLine> lines;
    private final List<PersonChange> changes = new ArrayList<>();

    PeopleImport(EntityManager em, ErrorList errors, String actor, List<ImportLine> lines) {
        this.em = em;
        this.errors = errors;
        this.actor = actor;
        this.lines = lines;
    }

    private record Line(ImportRow row, String username, String name, String email, Set<GlobalRole> roles,
                        Map<String, UnitRole> unitRoles, Boolean active) {
    }

    List<PersonChange> changes() {
        return changes;
    }

    ImportResult run(List<ImportRow> rows) {
        List<Line> parsed = new ArrayList<>(rows.size());
        Map<String, Integer> firstRow = new HashMap<>();
        for (ImportRow r : rows) {
            String username = r.username("username");
            if (username == null) {
                r.required("username");
            } else {
                try {
                    username = Person.validUsername(username);
                    Integer earlier = firstRow.putIfAbsent(username, r.number());
                    if (earlier != null) {
                        r.error("username", ImportText.text("people.usernameTwice", username, earlier));
                    }
                } catch (InvalidInputException e) {
                    r.error("username", e);
                    username = null;
                }
            }
            parsed.add(new Line(r, username, r.required("name"), r.text("email"), roles(r), unitRoles(r),
                    r.flag("active", false)));
        }

        Map<String, Person> stored = stored(parsed);
        Map<String, OrgUnit> units = units(parsed);

        List<Person> fresh = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Line l : parsed) { // bad rows too, so that their units are checked as well
            ImportRow row = l.row();
            Map<OrgUnit, UnitRole> wanted = new LinkedHashMap<>();
            if (l.unitRoles() != null) {
                for (Map.Entry<String, UnitRole> e : l.unitRoles().entrySet()) {
                    OrgUnit unit = units.get(e.getKey());
                    if (unit == null) {
                        row.error("unit_roles", ImportText.text("people.unknownUnit", ImportRow.abbreviate(e.getKey())));
                    } else {
                        wanted.put(unit, e.getValue());
                    }
                }
            }
            if (l.username() != null && l.username().equals(actor)) {
                if (Boolean.FALSE.equals(l.active())) {
                    row.error("active", ImportText.text("people.cannotDeactivateSelf"));
                }
                Person me = stored.get(actor);
                if (l.roles() != null && me != null && me.hasRole(GlobalRole.ADMIN) && !l.roles().contains(GlobalRole.ADMIN)) {
                    row.error("global_role", ImportText.text("people.cannotDropOwnAdmin"));
                }
            }
            if (!row.ok() || l.username() == null) {
                continue;
            }
            Person p = stored.get(l.username());
            PersonState before = p == null ? null : PersonState.of(p, p.getMemberships());
            try {
                if (p == null) {
                    p = new Person(l.username(), l.name());
                    fresh.add(p);
                } else {
                    p.rename(l.name());
                }
                apply(row, p, l, wanted);
            } catch (InvalidInputException e) {
                errors.add(row.number(), column(e.getField()), e);
                continue;
            }
            PersonChange change = new PersonChange(before, PersonState.of(p, p.getMemberships()));
            changes.add(change);
            ImportLine.Change what;
            if (before == null) {
                created++;
                what = ImportLine.Change.CREATED;
            } else if (change.changed()) {
                updated++;
                what = ImportLine.Change.UPDATED;
            } else {
                unchanged++;
                what = ImportLine.Change.UNCHANGED;
            }
            lines.add(new ImportLine(row.number(), "person", l.username(), what));
        }
        errors.throwIfAny();
        fresh.forEach(em::persist); // their memberships cascade
        return new ImportResult(created, updated, unchanged);
    }

    private void apply(ImportRow row, Person p, Line l, Map<OrgUnit, UnitRole> wanted) {
        if (row.has("email")) {
            p.changeEmail(l.email());
        }
        if (l.roles() != null) {
            for (GlobalRole r : GlobalRole.values()) {
                if (l.roles().contains(r)) {
                    p.grant(r);
                } else {
                    p.revoke(r);
                }
            }
        }
        if (l.unitRoles() != null) {
            for (Membership m : List.copyOf(p.getMemberships())) {
                if (!wanted.containsKey(m.getUnit())) {
                    p.unassign(m.getUnit());
                }
            }
            wanted.forEach(p::assign);
        }
        if (Boolean.TRUE.equals(l.active())) {
            p.activate();
        } else if (Boolean.FALSE.equals(l.active())) {
            p.deactivate();
        }
    }

    /** The file's column for a field the domain names. */
    private static String column(String field) {
        if ("display_name".equals(field)) {
            return "name";
        }
        return field != null && KIND.columns().contains(field) ? field : "username";
    }

    /** The company-wide roles of a row: null when the file has no such column, empty for none. */
    private static Set<GlobalRole> roles(ImportRow r) {
        if (!r.has("global_role")) {
            return null;
        }
        Set<GlobalRole> roles = EnumSet.noneOf(GlobalRole.class);
        String v = r.text("global_role");
        if (v == null) {
            return roles;
        }
        for (String part : v.split(";")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            GlobalRole role = choice(GlobalRole.class, name);
            if (role == null) {
                r.error("global_role", ImportText.text("notAChoice", ImportRow.abbreviate(name), "global_role",
                        "ADMIN, HR (or empty)"));
            } else {
                roles.add(role);
            }
        }
        return roles;
    }

    /** The roles in units of a row, by unit path: null when the file has no such column, empty for none. */
    private static Map<String, UnitRole> unitRoles(ImportRow r) {
        if (!r.has("unit_roles")) {
            return null;
        }
        Map<String, UnitRole> roles = new LinkedHashMap<>();
        String v = r.text("unit_roles");
        if (v == null) {
            return roles;
        }
        for (String part : v.split(";")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            int colon = item.indexOf(':');
            UnitRole role = colon < 0 ? null : choice(UnitRole.class, item.substring(0, colon).strip());
            if (role == null) {
                r.error("unit_roles", ImportText.text("people.badUnitRole", ImportRow.abbreviate(item)));
                continue;
            }
            String path;
            try {
                path = String.join("/", OrgUnit.splitPath(item.substring(colon + 1)));
            } catch (InvalidInputException e) {
                r.error("unit_roles", e.getMessage() + " (in '" + ImportRow.abbreviate(item) + "')");
                continue;
            }
            if (roles.put(path, role) != null) {
                r.error("unit_roles", ImportText.text("people.unitTwice", ImportRow.abbreviate(path)));
            }
        }
        return roles;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }

    /** The stored people the file names, with their roles and memberships, read in one query per thousand names. */
    private Map<String, Person> stored(List<Line> lines) {
        Set<String> names = lines.stream().map(Line::username).filter(Objects::nonNull).collect(Collectors.toSet());
        if (actor != null) {
            names.add(actor.toLowerCase(Locale.ROOT));
        }
        Map<String, Person> stored = new HashMap<>();
        Preload.inChunks(names, chunk -> em.createQuery("select distinct p from Person p left join fetch p.globalRoles"
                        + " left join fetch p.memberships m left join fetch m.unit where p.username in :u", Person.class)
                .setParameter("u", chunk).getResultList()).forEach(p -> stored.put(p.getUsername(), p));
        return stored;
    }

    /** The units the file names, by path. */
    private Map<String, OrgUnit> units(List<Line> lines) {
        Set<String> paths = lines.stream().filter(l -> l.unitRoles() != null).flatMap(l -> l.unitRoles().keySet().stream())
                .collect(Collectors.toSet());
        Map<String, OrgUnit> units = new HashMap<>();
        Preload.inChunks(paths, chunk -> em.createQuery("select u from OrgUnit u where u.path in :p", OrgUnit.class)
                .setParameter("p", chunk).getResultList()).forEach(u -> units.put(u.getPath(), u));
        return units;
    }
}
