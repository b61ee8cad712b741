package com.keystone.okr.web.imports;

import static com.keystone.okr.web.imports.ImportFixture.csv;
import static com.keystone.okr.web.imports.ImportFixture.error;
import static com.keystone.okr.web.imports.ImportFixture.places;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.person.GlobalRole;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.persistence.TestDatabase.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The people import on H2 and on PostgreSQL: created, matched by user name, all or nothing, never a password. */
class PeopleImportTest {

    static final String HEADER = "username,name,email,global_role,unit_roles,active";

    static final String PEOPLE = csv(HEADER,
            "jane.doe,Jane Doe,jane@acme.example,,LEAD:Acme/Sales;MEMBER:Acme/Sales/Inbound,true",
            "Rui.Costa,Rui Costa,,HR,MEMBER:Acme/Marketing,",
            "ops,Ops Admin,ops@acme.example,ADMIN;HR,,false");

    /** The units the people are placed in, made by an OKR import (the people import creates no unit). */
    private static ImportFixture company(Kind kind) {
        ImportFixture fx = ImportFixture.of(kind);
        fx.run(em -> {
            Person admin = new Person(ImportFixture.ACTOR, "The Admin");
            admin.grant(GlobalRole.ADMIN);
            em.persist(admin);
        });
        fx.importing(ImportKind.OKRS, csv("cycle,unit_path,objective_key,objective",
                "2026-Q4,Acme/Sales/Inbound,IN-1,Answer every lead the same day",
                "2026-Q4,Acme/Marketing,MK-1,Be known"));
        return fx;
    }

    /** A person as the tests compare them: name, e-mail, active, roles, memberships, password hash, version. */
    private static Map<String, String> person(ImportFixture fx, String username) {
        return fx.read(em -> {
            Person p = em.createQuery("select p from Person p where p.username = :u", Person.class)
                    .setParameter("u", username).getSingleResult();
            Map<String, String> m = new TreeMap<>();
            m.put("name", p.getDisplayName());
            m.put("email", String.valueOf(p.getEmail()));
            m.put("active", String.valueOf(p.isActive()));
            m.put("roles", p.getGlobalRoles().stream().map(Enum::name).sorted().collect(Collectors.joining(";")));
            m.put("units", p.getMemberships().stream().map(x -> x.getRole() + ":" + x.getUnit().getPath()).sorted()
                    .collect(Collectors.joining(";")));
            m.put("password", String.valueOf(p.getPasswordHash()));
            m.put("version", String.valueOf(p.getVersion()));
            return m;
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void createsPeopleWithTheirRolesAndMembershipsAndNoPassword(Kind kind) {
        try (ImportFixture fx = company(kind)) {
            assertEquals(new ImportResult(3, 0, 0), fx.importing(ImportKind.PEOPLE, PEOPLE));

            Map<String, String> jane = person(fx, "jane.doe");
            assertEquals("Jane Doe", jane.get("name"));
            assertEquals("jane@acme.example", jane.get("email"));
            assertEquals("true", jane.get("active"));
            assertEquals("", jane.get("roles"));
            assertEquals("LEAD:Acme/Sales;MEMBER:Acme/Sales/Inbound", jane.get("units"));
            assertEquals("null", jane.get("password"), "an import never carries a password");

            Map<String, String> rui = person(fx, "rui.costa"); // user names are lower case, as at sign-in
            assertEquals("HR", rui.get("roles"));
            assertEquals("null", rui.get("email"));
            assertEquals("true", rui.get("active"), "an empty active makes a new person active");

            Map<String, String> ops = person(fx, "ops");
            assertEquals("ADMIN;HR", ops.get("roles"));
            assertEquals("false", ops.get("active"));
            assertEquals("", ops.get("units"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void importingTheSameFileAgainChangesNothingAndCountsEveryRowUnchanged(Kind kind) {
        try (ImportFixture fx = company(kind)) {
            fx.importing(ImportKind.PEOPLE, PEOPLE);
            Map<String, Map<String, String>> before = Map.of("jane.doe", person(fx, "jane.doe"), "rui.costa",
                    person(fx, "rui.costa"), "ops", person(fx, "ops"));
            Map<String, Long> counts = fx.counts();

            assertEquals(new ImportResult(0, 0, 3), fx.importing(ImportKind.PEOPLE, PEOPLE));

            assertEquals(counts, fx.counts());
            before.forEach((u, p) -> assertEquals(p, person(fx, u), u + " is as it was, version included"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aChangedRowUpdatesThatPersonAloneAndAColumnTheFileLacksLeavesThatFieldAlone(Kind kind) {
        try (ImportFixture fx = company(kind)) {
            fx.importing(ImportKind.PEOPLE, PEOPLE);
            assertEquals(new ImportResult(0, 1, 2), fx.importing(ImportKind.PEOPLE, csv(HEADER,
                    "jane.doe,Jane Doe,jane.doe@acme.example,HR,MEMBER:Acme/Sales,true",
                    "rui.costa,Rui Costa,,HR,MEMBER:Acme/Marketing,",
                    "ops,Ops Admin,ops@acme.example,ADMIN;HR,,false")));
            Map<String, String> jane = person(fx, "jane.doe");
            assertEquals("jane.doe@acme.example", jane.get("email"));
            assertEquals("HR", jane.get("roles"));
            assertEquals("MEMBER:Acme/Sales", jane.get("units"), "a role changed, a membership the row no longer names gone");

            // only user name, name and active: roles, memberships and e-mail stay as they are
            assertEquals(new ImportResult(0, 1, 0), fx.importing(ImportKind.PEOPLE, csv("username,name,active",
                    "jane.doe,Jane Doe,false")));
            jane = person(fx, "jane.doe");
            assertEquals("false", jane.get("active"));
            assertEquals("MEMBER:Acme/Sales", jane.get("units"));
            assertEquals("HR", jane.get("roles"));
            assertEquals("jane.doe@acme.example", jane.get("email"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyBadRowIsReportedAtItsColumnAndNothingIsStored(Kind kind) {
        try (ImportFixture fx = company(kind)) {
            fx.importing(ImportKind.PEOPLE, PEOPLE);
            List<RowError> errors = fx.rejected(ImportKind.PEOPLE, csv(HEADER,
                    "jane.doe,Jane Changed,,,,",                               // fine on its own, but nothing is stored
                    "new.one,New One,,,LEAD:Acme/Nowhere,",                    // unknown unit
                    "bad user!,Bad,,,,",                                       // not a user name
                    "no.name,,,,,",                                            // name missing
                    "rolly,Rolly,,BOSS,,",                                     // not a global role
                    "membery,Membery,,,CHIEF:Acme/Sales,",                     // not a unit role
                    "twice,Twice,,,LEAD:Acme/Sales;MEMBER:Acme/Sales,",        // one unit twice
                    "mail,Mail,not-an-address,,,",                             // not an e-mail
                    "flag,Flag,,,,maybe",                                      // not a flag
                    "jane.doe,Jane Again,,,,"));                               // a user name on two rows
            assertEquals(List.of(error(3, "unit_roles"), error(4, "username"), error(5, "name"), error(6, "global_role"),
                    error(7, "unit_roles"), error(8, "unit_roles"), error(9, "email"), error(10, "active"),
                    error(11, "username")), places(errors));
            assertTrue(errors.get(0).message().contains("no unit 'Acme/Nowhere'"), errors.get(0).message());
            assertEquals("user 'jane.doe' is already on row 2", errors.get(8).message());
            assertEquals("Jane Doe", person(fx, "jane.doe").get("name"), "the good row was not stored either");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theImportingAdministratorCannotDeactivateThemselvesOrTakeTheirOwnAdminRoleAway(Kind kind) {
        try (ImportFixture fx = company(kind)) {
            assertEquals(List.of(error(2, "active")), places(fx.rejected(ImportKind.PEOPLE, csv(HEADER,
                    ImportFixture.ACTOR + ",The Admin,,ADMIN,,false"))));
            assertEquals(List.of(error(2, "global_role")), places(fx.rejected(ImportKind.PEOPLE, csv(HEADER,
                    ImportFixture.ACTOR + ",The Admin,,HR,,true"))));
            assertEquals(new ImportResult(0, 0, 1), fx.importing(ImportKind.PEOPLE, csv("username,name,global_role",
                    ImportFixture.ACTOR + ",The Admin,ADMIN")));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theProblemsReadInThePagesLanguageAndInEnglishForTheApi(Kind kind) {
        try (ImportFixture fx = company(kind)) {
            List<RowError> errors = fx.rejected(ImportKind.PEOPLE, csv("username,name,unit_roles,colour",
                    "x.y,X Y,LEAD:Acme/Nowhere,blue"));
            RowError unknownColumn = errors.get(0);
            assertEquals(error(1, "colour"), error(unknownColumn.row(), unknownColumn.column()));
            assertTrue(unknownColumn.message().startsWith("unknown column 'colour'; the people import takes username, name,"),
                    unknownColumn.message());
            assertEquals(unknownColumn.message(), unknownColumn.message(Locale.ENGLISH));
            assertTrue(unknownColumn.message(Locale.forLanguageTag("pt-BR")).startsWith("coluna desconhecida 'colour'"),
                    unknownColumn.message(Locale.forLanguageTag("pt-BR")));

            RowError unknownUnit = fx.rejected(ImportKind.PEOPLE, csv("username,name,unit_roles",
                    "x.y,X Y,LEAD:Acme/Nowhere")).get(0);
            assertEquals("no unit 'Acme/Nowhere': create it first (the units page, or the okrs or kpis import)",
                    unknownUnit.message());
            assertTrue(unknownUnit.message(Locale.forLanguageTag("pt-BR")).startsWith("não existe a unidade 'Acme/Nowhere'"),
                    unknownUnit.message(Locale.forLanguageTag("pt-BR")));
        }
    }
}
