package com.keystone.okr.web.ui;

import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** The signed-in person as the layout shows them, and signing out (a POST, so it is CSRF-protected). */
@Named("me")
@RequestScoped
public class SessionBacking {

    @Inject
    CurrentUser user;

    public String getUsername() {
        return user.username();
    }

    public String getDisplayName() {
        return user.isSignedIn() ? user.person().getDisplayName() : "";
    }

    public boolean isAdmin() {
        return user.isAdmin();
    }

    public boolean isHr() {
        return user.isHr();
    }

    public boolean isLead() {
        return user.isSignedIn() && user.memberships().stream().anyMatch(m -> m.getRole().name().equals(Roles.LEAD));
    }

    /** Who sees the quarterly review: HR, admins and leads. */
    public boolean isReviewer() {
        return isAdmin() || isHr() || isLead();
    }

    public void logout() throws IOException, ServletException {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) ext.getRequest()).logout();
        ext.invalidateSession();
        ext.redirect(ext.getRequestContextPath() + "/login.xhtml");
        FacesContext.getCurrentInstance().responseComplete();
    }
}
