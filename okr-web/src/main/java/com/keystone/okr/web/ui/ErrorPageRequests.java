package com.keystone.okr.web.ui;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * An error page (expired view, not found, a fault) is shown as a fresh page, never as a postback of
 * the form whose post failed: the failed post's ViewState and CSP nonce are hidden from it. Else
 * the error page would try to restore a view that is not its own, and PrimeFaces' CSP check would
 * refuse it for want of the nonce that only the failed page had, turning a friendly "this page
 * expired" into a bare 500.
 */
@WebFilter(urlPatterns = "*.xhtml", dispatcherTypes = DispatcherType.ERROR)
public class ErrorPageRequests extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> HIDDEN = Set.of("jakarta.faces.ViewState", "primefaces.nonce",
            "jakarta.faces.partial.ajax", "jakarta.faces.source", "jakarta.faces.partial.execute",
            "jakarta.faces.partial.render");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new HttpServletRequestWrapper(request) {

            @Override
            public String getParameter(String name) {
                return HIDDEN.contains(name) ? null : super.getParameter(name);
            }

            @Override
            public String[] getParameterValues(String name) {
                return HIDDEN.contains(name) ? null : super.getParameterValues(name);
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                Map<String, String[]> visible = new HashMap<>(super.getParameterMap());
                visible.keySet().removeAll(HIDDEN);
                return Collections.unmodifiableMap(visible);
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(getParameterMap().keySet());
            }
        }, response);
    }
}
