package com.keystone.okr.web.app.admin;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.persistence.person.PersonRepository;
import com.keystone.okr.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** How many people there are, for the pager of the people table (PersonService pages but does not count). */
@ApplicationScoped
@Transactional
public class PeopleCount {

    @Inject
    CurrentUser user;
    @Inject
    PersonRepository people;

    public int count(String search) {
        user.requireAdmin(text("action.listPeople"));
        return Math.toIntExact(people.count(search));
    }
}
