package com.keystone.okr.domain;

/**
 * The texts of the model's refusals, in {@code com/keystone/okr/domain/messages*.properties}.
 * Field and state names go through {@link #field} and {@link #label}, so that Portuguese can
 * name them in its words while English keeps the technical names the API documents.
 */
public final class DomainText {

    public static final String BUNDLE = "com.keystone.okr.domain.messages";

    private DomainText() {
    }

    public static Text text(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }

    /** A field (or CSV column) name: {@code field.<name>}, else the name itself. */
    public static Text field(String name) {
        return Text.label(BUNDLE, "field." + name, name);
    }

    /** An enum constant as people read it: {@code <Enum>.<CONSTANT>}, else its name. */
    public static Text label(Enum<?> value) {
        return Text.label(BUNDLE, value.getDeclaringClass().getSimpleName() + "." + value.name(), String.valueOf(value));
    }
}
