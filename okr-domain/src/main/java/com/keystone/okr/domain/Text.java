package com.keystone.okr.domain;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A sentence for people, kept as a resource-bundle key and its arguments so that it can be
 * rendered in the reader's language: the UI shows it in the page's language, while the API,
 * the imports and the logs use {@link #english()}.
 *
 * <p>Arguments are turned into strings when the text is made ({@code String.valueOf}, exactly as
 * string concatenation does), so numbers and dates read the same in every language and the
 * English text stays what it was before the texts moved into bundles. An argument that is itself
 * a {@code Text} (a field or state name, say) is rendered in the same language. The patterns are
 * {@link MessageFormat} patterns: an apostrophe is written {@code ''}.
 *
 * <p>The bundles are looked up without falling back to the JVM's default locale, so English
 * (the base bundle) does not depend on the server's settings.
 */
public final class Text implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String bundle;
    private final String key;
    private final Serializable[] args;
    /** What a label reads when its bundle has no entry for it (a field name nobody translated). */
    private final String fallback;

    private Text(String bundle, String key, Serializable[] args, String fallback) {
        this.bundle = Objects.requireNonNull(bundle);
        this.key = Objects.requireNonNull(key);
        this.args = args;
        this.fallback = fallback;
    }

    /** The pattern {@code key} of the bundle {@code bundle} (a base name like {@code com.keystone.okr.domain.messages}). */
    public static Text of(String bundle, String key, Object... args) {
        Serializable[] kept = new Serializable[args == null ? 0 : args.length];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = args[i] instanceof Text t ? t : String.valueOf(args[i]);
        }
        return new Text(bundle, key, kept, null);
    }

    /** A label (a field or state name) that reads {@code fallback} when the bundle does not name it. */
    public static Text label(String bundle, String key, String fallback) {
        return new Text(bundle, key, new Serializable[0], fallback);
    }

    public String key() {
        return key;
    }

    /** The arguments as given (strings, or nested texts). */
    public Object[] args() {
        return args.clone();
    }

    /** The text in English, the language of the API, the imports and the logs. */
    public String english() {
        return render(Locale.ROOT);
    }

    /** The text in {@code locale}, or in English when there is no bundle for it. */
    public String render(Locale locale) {
        Locale l = locale == null ? Locale.ROOT : locale;
        String pattern;
        try {
            pattern = bundle(l).getString(key);
        } catch (MissingResourceException e) {
            if (fallback != null) {
                return fallback;
            }
            throw e;
        }
        if (fallback != null) {
            return pattern;
        }
        Object[] rendered = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            rendered[i] = args[i] instanceof Text t ? t.render(l) : args[i];
        }
        return new MessageFormat(pattern, l).format(rendered);
    }

    private ResourceBundle bundle(Locale locale) {
        try {
            return ResourceBundle.getBundle(bundle, locale, Text.class.getClassLoader(), NO_DEFAULT_LOCALE);
        } catch (MissingResourceException e) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context == null || context == Text.class.getClassLoader()) {
                throw e;
            }
            return ResourceBundle.getBundle(bundle, locale, context, NO_DEFAULT_LOCALE);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Text t && bundle.equals(t.bundle) && key.equals(t.key) && Arrays.equals(args, t.args)
                && Objects.equals(fallback, t.fallback);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bundle, key, Arrays.hashCode(args));
    }

    @Override
    public String toString() {
        return key + Arrays.toString(args);
    }
}
