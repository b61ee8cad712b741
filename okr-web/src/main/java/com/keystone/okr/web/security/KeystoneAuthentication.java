package com.keystone.okr.web.security;

import com.keystone.okr.web.config.Settings;
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
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * One authentication mechanism for both ways in: the REST API takes HTTP Basic on every call
 * and never looks at the session (a browser's session cookie alone gets 401, so a page of another
 * site cannot call the API on behalf of a signed-in admin); the web UI signs in once through its
 * login form and keeps the caller in the HTTP session (the session id is renewed at sign-in),
 * together with the stamp of the password it signed in with: a session ends at its next request
 * once the password was changed or reset elsewhere, or the person deactivated. Both check the same
 * identity store. A call to the API without valid credentials gets 401 with a JSON body; a
 * protected page without a session is sent to the login page.
 */
@ApplicationScoped
public class KeystoneAuthentication implements HttpAuthenticationMechanism {

    public static final String SESSION_USER = "keystone.user";
    /** The stamp of the password the session signed in with ({@link SessionUsers#stampOf}). */
    public static final String SESSION_STAMP = "keystone.credential";
    public static final String API_PREFIX = "/api/";
    public static final String LOGIN_PAGE = "/login.xhtml";
    /** Where a person signed in with a temporary password is sent, whatever page they ask for. */
    public static final String PASSWORD_PAGE = "/app/password.xhtml";
    /** The one API call a temporary password may make. */
    public static final String OWN_PASSWORD_CALL = "/api/v1/people/me/password";

    @Inject
    IdentityStoreHandler identityStore;

    @Inject
    SessionUsers sessionUsers;

    @Inject
    BusinessMetrics metrics;

    @Inject
    SignInThrottle throttle;

    @Inject
    Config config;

    /** Set on a sign-in request refused because of earlier failures: the seconds to wait (the sign-in page says so). */
    public static final String RETRY_AFTER = "keystone.retryAfter";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext ctx) {
        SecurityHeaders.apply(request, response);
        if (ctx.isAuthenticationRequest()) {
            return formSignIn(request, ctx);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith(API_PREFIX);
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential credential = basicCredential(authorization.substring(6).strip());
            SignInThrottle.Status status = throttle.check(credential.getCaller(), clientAddress(request));
            if (status.locked()) {
                return api ? tooManyAttempts(response, status.retryAfterSeconds()) : ctx.responseUnauthorized();
            }
            CredentialValidationResult r = validate(credential, request, status);
            if (r.getStatus() == CredentialValidationResult.Status.VALID) {
                if (api && r.getCallerGroups().contains(Roles.MUST_CHANGE_PASSWORD)
                        && !("POST".equals(request.getMethod()) && OWN_PASSWORD_CALL.equals(path))) {
                    return forbidden(response, "The password of " + r.getCallerPrincipal().getName() + " is temporary"
                            + " (set by an administrator) and must be changed first: POST " + OWN_PASSWORD_CALL
                            + " with currentPassword and newPassword, then call again with the new one.");
                }
                return ctx.notifyContainerAboutLogin(r.getCallerPrincipal(), r.getCallerGroups());
            }
            return api ? unauthorized(response, ctx, "The username or password is wrong, or the account is deactivated.")
                    : ctx.responseUnauthorized();
        }
        if (api) {
            return unauthorized(response, ctx, "Sign in with HTTP Basic: this API needs a username and password.");
        }
        HttpSession session = request.getSession(false);
        String user = session == null ? null : (String) session.getAttribute(SESSION_USER);
        if (user != null) {
            Set<String> groups = sessionUsers.groupsOf(user, (String) session.getAttribute(SESSION_STAMP));
            if (groups != null) {
                if (groups.contains(Roles.MUST_CHANGE_PASSWORD) && path.startsWith("/app/") && !path.equals(PASSWORD_PAGE)) {
                    // a temporary password opens the password page only, until its owner has chosen their own
                    try {
                        response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
                        return AuthenticationStatus.SEND_CONTINUE;
                    } catch (IOException e) {
                        return ctx.responseUnauthorized();
                    }
                }
                return ctx.notifyContainerAboutLogin(() -> user, groups);
            }
            session.invalidate(); // deactivated, deleted, or its password changed since sign-in
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
        if (!(credential instanceof UsernamePasswordCredential upc)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignInThrottle.Status status = throttle.check(upc.getCaller(), clientAddress(request));
        if (status.locked()) {
            request.setAttribute(RETRY_AFTER, status.retryAfterSeconds());
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult r = validate(upc, request, status);
        if (r.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId(); // no session fixation
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(SESSION_USER, r.getCallerPrincipal().getName());
        session.setAttribute(SESSION_STAMP, sessionUsers.stampOf(r.getCallerPrincipal().getName()));
        return ctx.notifyContainerAboutLogin(r.getCallerPrincipal(), r.getCallerGroups());
    }

    /** Checks the password, counting a failure (a refusal for lack of hashing capacity is not one) or forgetting them. */
    private CredentialValidationResult validate(UsernamePasswordCredential credential, HttpServletRequest request,
                                                SignInThrottle.Status status) {
        CredentialValidationResult r = identityStore.validate(credential);
        if (r.getStatus() == CredentialValidationResult.Status.INVALID) {
            throttle.failed(credential.getCaller(), clientAddress(request));
        } else if (r.getStatus() == CredentialValidationResult.Status.VALID && status.accountHasFailures()) {
            throttle.succeeded(credential.getCaller());
        }
        return r;
    }

    /**
     * The client's address: the connection's, or, when the connection comes from a trusted load
     * balancer ({@link Settings#TRUSTED_PROXIES}), the last address its {@code X-Forwarded-For}
     * names (the one the balancer saw; earlier entries are the client's word).
     */
    String clientAddress(HttpServletRequest request) {
        return clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                config.getOptionalValues(Settings.TRUSTED_PROXIES, String.class).orElse(List.of()));
    }

    static String clientAddress(String remote, String forwarded, List<String> trustedProxies) {
        // "10.0.0.5, 10.0.0.6" in a setting is read as written: the spaces around an address do not count
        if (forwarded == null || forwarded.isBlank() || trustedProxies.stream().map(String::strip).noneMatch(remote::equals)) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].strip();
        return last.isEmpty() ? remote : last;
    }

    /** 429 with Retry-After: this account or address failed too often; no password was checked. */
    private AuthenticationStatus tooManyAttempts(HttpServletResponse response, long seconds) {
        metrics.requestRejected(429);
        try {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(seconds));
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"errors\":[{\"message\":\"Too many failed sign-ins for this account or from "
                    + "this address: try again in " + seconds + " seconds.\"}]}");
        } catch (IOException e) {
            // the client went away
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** 403: the credentials are right, but the password is temporary and must be changed first. */
    private AuthenticationStatus forbidden(HttpServletResponse response, String message) {
        metrics.requestRejected(HttpServletResponse.SC_FORBIDDEN);
        try {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"errors\":[{\"column\":\"password\",\"message\":\"" + message + "\"}]}");
        } catch (IOException e) {
            // the client went away; the status is what matters
        }
        return AuthenticationStatus.SEND_FAILURE;
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
            session.removeAttribute(SESSION_STAMP);
        }
    }
}
