package com.keystone.okr.web.ui;

import com.keystone.okr.web.config.Settings;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.security.KeystoneAuthentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.eclipse.microprofile.config.Config;

/** The sign-in form: hands the credentials to the authentication mechanism, which renews the session id. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext security;

    @Inject
    CurrentUser user;

    @Inject
    Config config;

    private String username;
    private String password;

    /** Already signed in: straight to their work. */
    public String redirectIfSignedIn() {
        return user.isSignedIn() ? "/app/index.xhtml?faces-redirect=true" : null;
    }

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ext = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate((HttpServletRequest) ext.getRequest(),
                (HttpServletResponse) ext.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username,
                                password == null ? "" : password)));
        if (status == AuthenticationStatus.SUCCESS) {
            ext.redirect(ext.getRequestContextPath() + "/app/index.xhtml");
            faces.responseComplete();
            return;
        }
        ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
        Object retryAfter = ((HttpServletRequest) ext.getRequest()).getAttribute(KeystoneAuthentication.RETRY_AFTER);
        String text = retryAfter == null ? msg.getString("login.failed")
                : MessageFormat.format(msg.getString("login.locked"), retryAfter);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        password = null;
    }

    /** The demo logins are shown only when the demo company is on (okr.demo=true), never to a real company's visitors. */
    public boolean isDemo() {
        return config.getOptionalValue(Settings.DEMO, Boolean.class).orElse(false);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
