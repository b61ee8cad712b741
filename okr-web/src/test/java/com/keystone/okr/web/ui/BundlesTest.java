package com.keystone.okr.web.ui;

import static org.junit.jupiter.api.Assertions.assertAll;

import com.keystone.okr.domain.BundleParity;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundle of the web module (the Faces bundles of faces-config.xml and the services'
 * refusals) names the same keys in English and in Brazilian Portuguese, and is UTF-8.
 */
class BundlesTest {

    static Stream<String> bundles() {
        return Stream.of("messages", "okr", "kpi", "admin", "review", "validation", "refusals");
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void englishAndPortugueseNameTheSameKeysWithTheSamePlaceholders(String bundle) {
        // the refusals are MessageFormat patterns (rendered by Text); Faces labels need not be
        assertAll(BundleParity.checks("i18n/" + bundle, bundle.equals("refusals")));
    }
}
