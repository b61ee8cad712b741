package com.keystone.okr.web.ui;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.BundleParity;
import com.keystone.okr.domain.audit.AuditAction;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundle of the web module (the Faces bundles of faces-config.xml and the services'
 * refusals) names the same keys in English and in Brazilian Portuguese, and is UTF-8.
 */
class BundlesTest {

    static Stream<String> bundles() {
        return Stream.of("messages", "okr", "kpi", "admin", "review", "validation", "refusals", "history", "imports",
                "importErrors");
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void englishAndPortugueseNameTheSameKeysWithTheSamePlaceholders(String bundle) {
        // the refusals are MessageFormat patterns (rendered by Text); Faces labels need not be
        assertAll(BundleParity.checks("i18n/" + bundle, bundle.equals("refusals") || bundle.equals("importErrors")));
    }

    @Test
    void everyAuditedActionHasANameInEveryLanguage() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("pt-BR"))) {
            ResourceBundle hist = ResourceBundle.getBundle("i18n.history", locale);
            for (AuditAction a : AuditAction.values()) {
                assertTrue(hist.containsKey("action." + a.name()), a + " has no label in " + locale);
            }
        }
    }
}
