package com.keystone.okr.web.ui;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a page's cycle and "as of" date from its address ({@link PageAddress}) into the person's
 * {@link ViewContext} before the page runs, so the address decides what the page shows: a shared
 * link shows the sender's cycle and date, whatever the reader looked at last. An address with a
 * cycle and without {@code asOf} means today. A page asked for without them (a bookmark of old,
 * the page after signing in) shows the person's current choice, and its address bar is completed
 * in the browser ({@link ContextBacking#getAddress}), so that what is there can always be shared.
 */
@WebFilter(urlPatterns = "/app/*")
public class PageAddressFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    ViewContext view;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String cycle = request.getParameter(PageAddress.CYCLE);
        if (cycle != null && request.getUserPrincipal() != null) {
            view.show(cycle, request.getParameter(PageAddress.AS_OF));
        }
        chain.doFilter(request, response);
    }

    /** The address asked for, its other parameters kept, with the context's in place of any given. */
    static String fullAddress(HttpServletRequest request, Map<String, String> context) {
        StringBuilder b = new StringBuilder(request.getRequestURI());
        char sep = '?';
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            if (p.getKey().equals(PageAddress.CYCLE) || p.getKey().equals(PageAddress.AS_OF)) {
                continue;
            }
            for (String v : p.getValue()) {
                b.append(sep).append(encode(p.getKey())).append('=').append(encode(v));
                sep = '&';
            }
        }
        for (Map.Entry<String, String> c : context.entrySet()) {
            b.append(sep).append(encode(c.getKey())).append('=').append(encode(c.getValue()));
            sep = '&';
        }
        return b.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
