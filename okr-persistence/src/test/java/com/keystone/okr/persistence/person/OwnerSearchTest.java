package com.keystone.okr.persistence.person;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.keystone.okr.domain.person.Person;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The owner pickers' search: active people only, by user name or display name, any case, wildcards taken literally. */
class OwnerSearchTest {

    private static List<String> found(TestDatabase db, String search, int limit) {
        return db.inTransaction(em -> new PersonRepository(em).activeMatching(search, limit).stream()
                .map(Person::getUsername).toList());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void activePeopleMatchByUserNameOrDisplayNameInAnyCaseAndAtMostTheLimit(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                PersonRepository people = new PersonRepository(em);
                people.add(new Person("alice", "Alice Liddell"));
                people.add(new Person("bob", "Robert Lidd"));
                people.add(new Person("carol_x", "Carol"));
                people.add(new Person("carolyn", "Carolyn"));
                Person gone = new Person("lidia", "Lidia Gone");
                gone.deactivate();
                people.add(gone);
            });

            assertEquals(List.of("alice", "bob"), found(db, " LIDD ", 10), "display names, any case; not the deactivated");
            assertEquals(List.of("carol_x"), found(db, "l_", 10), "an underscore is a character, not a wildcard");
            assertEquals(List.of(), found(db, "%", 10), "a percent sign too");
            assertEquals(List.of("alice", "bob"), found(db, "", 2), "blank: the first ones, at most the limit");
            assertEquals(List.of("alice", "bob", "carol_x", "carolyn"), found(db, null, 10));
        }
    }
}
