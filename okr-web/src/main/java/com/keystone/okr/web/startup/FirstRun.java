package com.keystone.okr.web.startup;

import com.keystone.okr.domain.person.GlobalRole;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.persistence.person.PersonRepository;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import com.keystone.okr.web.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/** What a first start on an empty database does: create the first administrator. */
@ApplicationScoped
@Transactional
public class FirstRun {

    private static final Logger LOG = Logger.getLogger(FirstRun.class.getName());

    @Inject
    PersonRepository people;

    @Inject
    OrgUnitRepository units;

    @Inject
    PasswordHasher hasher;

    public boolean hasNoUser() {
        return people.count() == 0;
    }

    public boolean isEmpty() {
        return people.count() == 0 && units.count() == 0;
    }

    public void createAdministrator(String username, String password) {
        Person admin = new Person(username, "Administrator");
        admin.grant(GlobalRole.ADMIN);
        admin.changePasswordHash(hasher.hash(password));
        people.add(admin);
        LOG.info(() -> "Created the first administrator '" + admin.getUsername() + "'");
    }
}
