package com.keystone.okr.web.app;

import com.keystone.okr.web.person.PersonService;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.security.KeystoneAuthentication;
import com.keystone.okr.web.security.SessionUsers;
import com.keystone.okr.web.ui.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * Changing one's own password: the current one proves it is me, the new one is typed twice. A
 * person whose password an administrator set (a temporary one) is sent here by every page until
 * they have chosen their own, and then goes on to "My work".
 */
@Named
@ViewScoped
public class PasswordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PersonService people;
    @Inject
    SessionUsers sessions;
    @Inject
    CurrentUser user;

    private boolean mustChange;
    private String current;
    private String next;
    private String repeat;

    @PostConstruct
    void load() {
        mustChange = user.isSignedIn() && user.person().isPasswordTemporary();
    }

    /** Whether the password signed in with was set by an administrator and must be changed before anything else. */
    public boolean isMustChange() {
        return mustChange;
    }

    public void save() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!Objects.equals(next, repeat)) {
            faces.addMessage("password:repeat",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, Messages.label("password.mismatch"), null));
            faces.validationFailed();
            return;
        }
        Boolean changed = Messages.attempt(() -> {
            people.changeOwnPassword(current, next);
            return Boolean.TRUE;
        }, Map.of("currentPassword", "password:current", "newPassword", "password:new"));
        if (changed != null) {
            // this session goes on with the new password; the person's other sessions end at their next request
            HttpSession session = (HttpSession) faces.getExternalContext().getSession(false);
            if (session != null) {
                session.setAttribute(KeystoneAuthentication.SESSION_STAMP, sessions.stampOf(user.username()));
            }
            Messages.info(Messages.label("password.changed"));
            if (mustChange) {
                mustChange = false;
                faces.getExternalContext().getFlash().setKeepMessages(true);
                faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/app/index.xhtml");
            }
        }
        current = null;
        next = null;
        repeat = null;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }
}
