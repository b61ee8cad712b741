package com.keystone.okr.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.function.Executable;

/**
 * The checks every pair of English and Brazilian Portuguese bundles must pass, shared by the
 * modules' bundle tests: the same keys both ways, the same arguments in each text, and files
 * that are valid UTF-8 (as Java 9+ and Faces read property bundles).
 */
public final class BundleParity {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    private BundleParity() {
    }

    /**
     * The checks for {@code base.properties} and {@code base_pt_BR.properties} (e.g.
     * {@code i18n/okr}), to pass to assertAll. With {@code messageFormat}, every text must also be
     * a valid {@link MessageFormat} pattern (as the domain's and the engine's texts are); Faces
     * labels are compared by their {@code {n}} placeholders only.
     */
    public static List<Executable> checks(String base, boolean messageFormat) {
        Properties en = load(base + ".properties");
        Properties pt = load(base + "_pt_BR.properties");
        TreeSet<String> missing = new TreeSet<>(en.stringPropertyNames());
        missing.removeAll(pt.stringPropertyNames());
        TreeSet<String> extra = new TreeSet<>(pt.stringPropertyNames());
        extra.removeAll(en.stringPropertyNames());
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(new TreeSet<>(), missing, base + ": keys without Portuguese"));
        checks.add(() -> assertEquals(new TreeSet<>(), extra, base + ": Portuguese keys without English"));
        for (String key : en.stringPropertyNames()) {
            if (pt.containsKey(key)) {
                checks.add(() -> assertEquals(placeholders(en.getProperty(key)), placeholders(pt.getProperty(key)),
                        base + ": the placeholders of " + key));
                if (messageFormat) {
                    checks.add(() -> assertEquals(arguments(en.getProperty(key)), arguments(pt.getProperty(key)),
                            base + ": the arguments of " + key));
                }
            }
        }
        return checks;
    }

    /** Reads a bundle file from the class path strictly as UTF-8 (a stray Latin-1 byte fails). */
    public static Properties load(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        assertNotNull(in, resource + " is on the class path");
        Properties p = new Properties();
        try (InputStreamReader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder())) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        return p;
    }

    /** The {n} placeholders a text uses, so that a translation can neither drop nor invent one. */
    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** How many arguments a MessageFormat pattern uses; an invalid pattern fails here. */
    private static int arguments(String pattern) {
        return new MessageFormat(pattern, Locale.ROOT).getFormatsByArgumentIndex().length;
    }
}
