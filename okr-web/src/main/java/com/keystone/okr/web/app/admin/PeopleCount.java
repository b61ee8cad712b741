package com.keystone.okr.web.app.admin;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** How many people there are, for the pager of the people table (PersonService pages but does not count). */
@ApplicationScoped
@Transactional
public class PeopleCount {

    @Inject
    CurrentUser user;
    @PersistenceContext(unitName = "okr")
    EntityManager em;

    public int count() {
        user.requireAdmin(text("action.listPeople"));
        return Math.toIntExact(em.createQuery("select count(p) from Person p", Long.class).getSingleResult());
    }
}
