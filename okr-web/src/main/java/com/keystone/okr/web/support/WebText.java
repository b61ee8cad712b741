package com.keystone.okr.web.support;

import com.keystone.okr.domain.Text;

/**
 * The texts of the web services' refusals, in {@code i18n/refusals*.properties}: English for the
 * API and the logs, the page's language in the UI (see {@code ui/Messages}).
 */
public final class WebText {

    public static final String BUNDLE = "i18n.refusals";

    private WebText() {
    }

    public static Text text(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }

    /** What a request named, e.g. "key result": {@code kind.key_result}, else the words themselves. */
    public static Text kind(String what) {
        return Text.label(BUNDLE, "kind." + what.replace(' ', '_'), what);
    }
}
