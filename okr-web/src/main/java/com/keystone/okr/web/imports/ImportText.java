package com.keystone.okr.web.imports;

import com.keystone.okr.domain.Text;

/**
 * The import problems that the upload page shows in its language, in {@code i18n/importErrors*.properties}:
 * the English base bundle is exactly what the API answers. Problems without a text here are shown
 * in English on the page too.
 */
public final class ImportText {

    public static final String BUNDLE = "i18n.importErrors";

    private ImportText() {
    }

    public static Text text(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }
}
