package com.keystone.okr.persistence.person;

import static com.keystone.okr.persistence.TestData.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.person.GlobalRole;
import com.keystone.okr.domain.person.Membership;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.person.UnitRole;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PersonRepositoryTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAddedPersonIsFoundByUsernameWhateverTheCaseAndSpacesOfTheInput(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                Person alice = new Person("alice", "Alice Liddell");
                alice.changeEmail("alice@example.com");
                alice.changePasswordHash("pbkdf2$1$salt$hash");
                new PersonRepository(em).add(alice);
            });

            db.run(em -> {
                PersonRepository people = new PersonRepository(em);
                Person alice = people.findByUsername("  ALICE ").orElseThrow();
                assertEquals("alice", alice.getUsername());
                assertEquals("Alice Liddell", alice.getDisplayName());
                assertEquals("alice@example.com", alice.getEmail());
                assertEquals("pbkdf2$1$salt$hash", alice.getPasswordHash());
                assertTrue(alice.isActive());
                assertTrue(people.findByUsername("bob").isEmpty());
                assertTrue(people.findByUsername(null).isEmpty());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTakenUsernameIsRefused(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> new PersonRepository(em).add(new Person("alice", "Alice Liddell")));

            db.run(em -> refused("username", () -> new PersonRepository(em).add(new Person("alice", "Another Alice"))));

            db.run(em -> {
                PersonRepository people = new PersonRepository(em);
                assertEquals(1, people.count());
                assertEquals("Alice Liddell", people.findByUsername("alice").orElseThrow().getDisplayName());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void globalRolesRoundTripAndARevokedRoleIsGone(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                PersonRepository people = new PersonRepository(em);
                Person admin = new Person("root", "The Admin");
                admin.grant(GlobalRole.ADMIN);
                admin.grant(GlobalRole.HR);
                people.add(admin);
                people.add(new Person("bob", "Bob"));
            });

            db.run(em -> {
                PersonRepository people = new PersonRepository(em);
                Person admin = people.findByUsername("root").orElseThrow();
                assertEquals(Set.of(GlobalRole.ADMIN, GlobalRole.HR), admin.getGlobalRoles());
                assertEquals(Set.of(), people.findByUsername("bob").orElseThrow().getGlobalRoles());
                admin.revoke(GlobalRole.HR);
            });

            db.run(em -> {
                Person admin = new PersonRepository(em).findByUsername("root").orElseThrow();
                assertEquals(Set.of(GlobalRole.ADMIN), admin.getGlobalRoles());
                assertTrue(admin.hasRole(GlobalRole.ADMIN));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void membershipsRoundTripForThePersonAndForTheUnit(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                OrgUnit acme = units.ensurePath("Acme");
                OrgUnit sales = units.ensurePath("Acme/Sales");
                units.ensurePath("Acme/Finance");
                PersonRepository people = new PersonRepository(em);
                Person alice = new Person("alice", "Alice");
                alice.assign(sales, UnitRole.LEAD);
                alice.assign(acme, UnitRole.MEMBER);
                people.add(alice);
                Person bob = new Person("bob", "Bob");
                bob.assign(sales, UnitRole.MEMBER);
                people.add(bob);
            });

            db.run(em -> {
                PersonRepository people = new PersonRepository(em);
                OrgUnitRepository units = new OrgUnitRepository(em);
                List<Membership> ofAlice = people.membershipsOf(people.findByUsername("alice").orElseThrow());
                assertEquals(List.of("Acme MEMBER", "Acme/Sales LEAD"),
                        ofAlice.stream().map(m -> m.getUnit().getPath() + " " + m.getRole()).toList());
                List<Membership> ofSales = people.membersOf(units.findByPath("Acme/Sales").orElseThrow());
                assertEquals(List.of("alice LEAD", "bob MEMBER"),
                        ofSales.stream().map(m -> m.getPerson().getUsername() + " " + m.getRole()).toList());
                assertEquals(List.of(), people.membersOf(units.findByPath("Acme/Finance").orElseThrow()));
                assertEquals(UnitRole.MEMBER, people.findByUsername("bob").orElseThrow()
                        .membershipIn(units.findByPath("Acme/Sales").orElseThrow()).orElseThrow().getRole());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void reassigningChangesTheRoleAndUnassigningDeletesTheMembership(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                Person alice = new Person("alice", "Alice");
                alice.assign(units.ensurePath("Acme/Sales"), UnitRole.MEMBER);
                alice.assign(units.ensurePath("Acme/Finance"), UnitRole.MEMBER);
                new PersonRepository(em).add(alice);
            });

            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                Person alice = new PersonRepository(em).findByUsername("alice").orElseThrow();
                alice.assign(units.findByPath("Acme/Sales").orElseThrow(), UnitRole.LEAD);
                alice.unassign(units.findByPath("Acme/Finance").orElseThrow());
            });

            db.run(em -> {
                PersonRepository people = new PersonRepository(em);
                assertEquals(List.of("Acme/Sales LEAD"), people.membershipsOf(people.findByUsername("alice").orElseThrow())
                        .stream().map(m -> m.getUnit().getPath() + " " + m.getRole()).toList());
                assertEquals(1L, em.createQuery("select count(m) from Membership m", Long.class).getSingleResult(),
                        "the membership in Finance is deleted, not just detached");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pagesAreOrderedByUsername(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                PersonRepository people = new PersonRepository(em);
                for (String u : List.of("erin", "bob", "dave", "alice", "carol")) {
                    people.add(new Person(u, u.toUpperCase()));
                }
            });

            db.run(em -> {
                PersonRepository people = new PersonRepository(em);
                assertEquals(List.of("alice", "bob"), usernames(people.page(0, 2)));
                assertEquals(List.of("carol", "dave"), usernames(people.page(2, 2)));
                assertEquals(List.of("erin"), usernames(people.page(4, 2)));
                assertEquals(List.of(), usernames(people.page(6, 2)));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSearchFindsUserNamesAndNamesInAnyCaseAndTakesWildcardsLiterally(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                PersonRepository people = new PersonRepository(em);
                people.add(new Person("ana.silva", "Ana Silva"));
                people.add(new Person("bruno", "Bruno Costa"));
                people.add(new Person("carla_dias", "Carla Dias"));
                people.add(new Person("silvia", "Sílvia Maia"));
            });

            db.run(em -> {
                PersonRepository people = new PersonRepository(em);
                assertEquals(List.of("ana.silva", "silvia"), usernames(people.page(0, 10, "SILV")), "user names, any case");
                assertEquals(2, people.count("silv"));
                assertEquals(List.of("bruno"), usernames(people.page(0, 10, "costa")), "display names");
                assertEquals(List.of("carla_dias"), usernames(people.page(0, 10, "_")), "'_' is a character, not a wildcard");
                assertEquals(List.of(), usernames(people.page(0, 10, "%")), "'%' too");
                assertEquals(4, people.count(" "), "blank: everyone");
                assertEquals(List.of("bruno", "carla_dias"), usernames(people.page(1, 2, null)));
            });
        }
    }

    private static List<String> usernames(List<Person> people) {
        return people.stream().map(Person::getUsername).toList();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theDirectoryFiltersByNameAndByUnitWithOrWithoutTheUnitsBelowAndPagesByDisplayName(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                OrgUnit sales = units.ensurePath("Acme/Sales");
                OrgUnit inbound = units.ensurePath("Acme/Sales/Inbound");
                OrgUnit salesOps = units.ensurePath("Acme/Sales-Ops");
                PersonRepository people = new PersonRepository(em);
                Person zoe = new Person("zoe", "Zoe Adams");
                zoe.assign(sales, UnitRole.LEAD);
                Person al = new Person("al", "al_bundy");
                al.assign(inbound, UnitRole.MEMBER);
                Person ops = new Person("ops", "Olga Ops");
                ops.assign(salesOps, UnitRole.MEMBER);
                Person none = new Person("none", "Nobody");
                none.deactivate();
                for (Person p : List.of(zoe, al, ops, none)) {
                    people.add(p);
                }
            });

            db.run(em -> {
                PersonRepository people = new PersonRepository(em);
                assertEquals(List.of("al", "none", "ops", "zoe"), entryNames(people.directory(null, null, false)),
                        "by display name, any case");
                assertEquals(4, people.directoryCount(" ", "", true));
                assertEquals(List.of("none", "ops"), entryNames(people.directory(null, null, false, 1, 2)));
                assertEquals(List.of("al", "zoe"), entryNames(people.directory(null, "Acme/Sales", true)),
                        "Sales and its team, not the look-alike Sales-Ops");
                assertEquals(List.of("zoe"), entryNames(people.directory(null, "Acme/Sales", false)));
                assertEquals(2, people.directoryCount(null, "Acme/Sales", true));
                assertEquals(List.of("al"), entryNames(people.directory("L_B", null, false)), "_ is no wildcard");
                assertEquals(List.of("ops"), entryNames(people.directory("OLGA", "Acme", true)));
                assertEquals(List.of(), people.directory("zoe", "Acme/Sales/Inbound", true));
                assertEquals(false, people.directory("nobody", null, false).get(0).active());

                List<UnitRoleEntry> roles = people.rolesOf(List.of("zoe", "al", "nobody-here"));
                assertEquals(List.of(new UnitRoleEntry("al", "Acme/Sales/Inbound", UnitRole.MEMBER),
                        new UnitRoleEntry("zoe", "Acme/Sales", UnitRole.LEAD)), roles);
                assertEquals(List.of(), people.rolesOf(List.of()));
            });
        }
    }

    private static List<String> entryNames(List<PersonEntry> entries) {
        return entries.stream().map(PersonEntry::username).toList();
    }
}
