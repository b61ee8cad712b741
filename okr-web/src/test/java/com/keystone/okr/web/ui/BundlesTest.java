package com.keystone.okr.web.ui;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
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
    void englishAndPortugueseNameTheSameKeys(String bundle) throws IOException {
        Properties en = load("i18n/" + bundle + ".properties");
        Properties pt = load("i18n/" + bundle + "_pt_BR.properties");
        TreeSet<String> missing = new TreeSet<>(en.stringPropertyNames());
        missing.removeAll(pt.stringPropertyNames());
        TreeSet<String> extra = new TreeSet<>(pt.stringPropertyNames());
        extra.removeAll(en.stringPropertyNames());
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(new TreeSet<>(), missing, bundle + ": keys without Portuguese"));
        checks.add(() -> assertEquals(new TreeSet<>(), extra, bundle + ": Portuguese keys without English"));
        for (String key : en.stringPropertyNames()) {
            if (pt.containsKey(key)) {
                checks.add(() -> assertEquals(placeholders(en.getProperty(key)), placeholders(pt.getProperty(key)),
                        bundle + ": placeholders of " + key));
            }
        }
        assertAll(checks);
    }

    /** The {n} placeholders a text uses, so that a translation cannot drop or invent an argument. */
    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d+)").matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** Reads the file strictly as UTF-8, as Java 9+ reads property bundles. */
    private static Properties load(String resource) throws IOException {
        InputStream in = BundlesTest.class.getClassLoader().getResourceAsStream(resource);
        assertNotNull(in, resource);
        Properties p = new Properties();
        try (InputStreamReader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder())) {
            p.load(r);
        }
        return p;
    }
}
