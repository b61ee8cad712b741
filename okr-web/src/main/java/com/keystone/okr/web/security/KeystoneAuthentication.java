package com.keystone.okr.web.security;

import com.keystone.okr.web.metrics.BusinessMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * One authentication mechanism for both ways in: the REST API takes HTTP Basic on every call
 * (no session), the web UI signs in once through its login form and keeps the caller in the
 * HTTP session (the session id is renewed at sign-in). Both check the same identity store.
 * A call to the API without valid credentials gets 401 with a JSON body; a protected page
 * without a session is sent to the login page.
 */
@ApplicationScoped
public class KeystoneAuthentication implements HttpAuthenticationMechanism {

    public static final String SESSION_USER = "keystone.user";
    public static final String API_PREFIX = "/api/";
    public static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    IdentityStoreHandler identityStore;

    @Inject
    SessionUsers sessionUsers;

    @Inject
    BusinessMetrics metrics;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext ctx) {
        if (ctx.isAuthenticationRequest()) {
            return formSignIn(request, ctx);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith(API_PREFIX);
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            CredentialValidationResult r = identityStore.validate(basicCredential(authorization.substring(6).strip()));
            if (r.getStatus() == CredentialValidationResult.Status.VALID) {
                return ctx.notifyContainerAboutLogin(r.getCallerPrincipal(), r.getCallerGroups());
            }
            return api ? unauthorized(response, ctx, "The username or password is wrong, or the account is deactivated.")
                    : ctx.responseUnauthorized();
        }
        HttpSession session = request.getSession(false);
        String user = session == null ? null : (String) session.getAttribute(SESSION_USER);
        if (user != null) {
            Set<String> groups = sessionUsers.groupsOfActive(user);
            if (groups != null) {
                return ctx.notifyContainerAboutLogin(() -> user, groups);
            }
            session.invalidate(); // deactivated or deleted since sign-in
        }
        if (api) {
            return unauthorized(response, ctx, "Sign in with HTTP Basic: this API needs a username and password.");
        }
        if (ctx.isProtected()) {
            try {
                response.sendRedirect(request.getContextPath() + LOGIN_PAGE);
            } catch (IOException e) {
                return ctx.responseUnauthorized();
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return ctx.doNothing();
    }

    /** The login form called SecurityContext.authenticate with a username/password credential. */
    private AuthenticationStatus formSignIn(HttpServletRequest request, HttpMessageContext ctx) {
        Credential credential = ctx.getAuthParameters().getCredential();
        CredentialValidationResult r = credential == null ? CredentialValidationResult.INVALID_RESULT
                : identityStore.validate(credential);
        if (r.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId(); // no session fixation
        }
        request.getSession(true).setAttribute(SESSION_USER, r.getCallerPrincipal().getName());
        return ctx.notifyContainerAboutLogin(r.getCallerPrincipal(), r.getCallerGroups());
    }

    private static UsernamePasswordCredential basicCredential(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return new UsernamePasswordCredential("", "");
            }
            return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return new UsernamePasswordCredential("", "");
        }
    }

    private AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext ctx, String message) {
        metrics.requestRejected(HttpServletResponse.SC_UNAUTHORIZED);
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Keystone\", charset=\"UTF-8\"");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"errors\":[{\"message\":\"" + message + "\"}]}");
        } catch (IOException e) {
            // the client went away; the status is what matters
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext ctx) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_USER);
        }
    }
}
