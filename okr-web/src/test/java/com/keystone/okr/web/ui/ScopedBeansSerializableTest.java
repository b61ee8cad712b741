package com.keystone.okr.web.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.primefaces.model.TreeNode;

/**
 * Everything kept in a session or a Faces view can travel: a session may be passivated, or
 * replicated to another instance of a cluster. Every view-, session- and conversation-scoped bean
 * is Serializable, and every field it keeps (neither static nor transient nor an injected bean,
 * whose proxies serialize themselves) holds a Serializable type, down to the type arguments of its
 * lists and maps. A field that cannot travel must be transient and be read again when missing.
 */
class ScopedBeansSerializableTest {

    @Test
    void everyScopedBeanAndWhatItKeepsIsSerializable() {
        List<String> problems = new ArrayList<>();
        int beans = 0;
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.keystone.okr.web")) {
            if (!(c.isAnnotatedWith(ViewScoped.class) || c.isAnnotatedWith(SessionScoped.class)
                    || c.isAnnotatedWith(ConversationScoped.class))) {
                continue;
            }
            beans++;
            Class<?> bean = c.reflect();
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            for (Class<?> k = bean; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    int m = f.getModifiers();
                    if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isAnnotationPresent(Inject.class)) {
                        continue;
                    }
                    String why = notSerializable(f.getGenericType());
                    if (why != null) {
                        problems.add(bean.getSimpleName() + "." + f.getName() + ": " + why);
                    }
                }
            }
        }
        assertTrue(beans >= 10, "found the view and session beans: " + beans);
        assertFalse(!problems.isEmpty(), "kept in a session or view but cannot travel:\n" + String.join("\n", problems));
    }

    /** Why a declared type cannot be serialized, or null when it can. */
    private static String notSerializable(Type t) {
        if (t instanceof Class<?> c) {
            if (c.isPrimitive() || c.isEnum() || Serializable.class.isAssignableFrom(c)) {
                return null;
            }
            if (c.isInterface() && (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c))) {
                return null; // the JDK's lists, sets and maps serialize; their elements are checked by the type arguments
            }
            if (c == TreeNode.class) {
                return null; // PrimeFaces' DefaultTreeNode, the one the pages build, is Serializable; its data is checked
            }
            return c.getName() + " is not Serializable";
        }
        if (t instanceof ParameterizedType p) {
            if (p.getRawType() == Optional.class) {
                return "Optional is not Serializable";
            }
            String raw = notSerializable(p.getRawType());
            if (raw != null) {
                return raw;
            }
            for (Type arg : p.getActualTypeArguments()) {
                String why = notSerializable(arg);
                if (why != null) {
                    return why + " (in " + p.getTypeName() + ")";
                }
            }
            return null;
        }
        if (t instanceof WildcardType w) {
            for (Type upper : w.getUpperBounds()) {
                String why = notSerializable(upper);
                if (why != null && upper != Object.class) {
                    return why;
                }
            }
            return null;
        }
        return null; // type variables: checked where they are bound
    }
}
