package com.keystone.okr.web.ui;

import com.keystone.okr.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Where the site's root sends a visitor: their work when signed in, else the sign-in page. */
@Named
@RequestScoped
public class Navigation {

    @Inject
    CurrentUser user;

    public String home() {
        return user.isSignedIn() ? "/app/index.xhtml?faces-redirect=true" : "/login.xhtml?faces-redirect=true";
    }
}
