package com.keystone.okr.web.api;

import com.keystone.okr.domain.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Binds a JSON request body to the record a call takes, strictly: the body is one object; every
 * field is one the record has; a text is a JSON string, a number a JSON number, a whole number
 * (confidence, version) has no fraction and fits, a flag is {@code true} or {@code false}, a list
 * is an array of its kind. Anything else is refused naming the field, before any service sees it.
 * What a value must be beyond its shape (a date, a figure the database can keep, a weight from 0
 * to 100) is the services' and the domain's to check, as for the web UI and the imports.
 */
public final class StrictJson {

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private StrictJson() {
    }

    /** A record's fields, in declaration order, and its canonical constructor. */
    private record Shape(RecordComponent[] fields, Constructor<?> constructor, String names) {
    }

    /** The body as an instance of {@code type}. */
    public static <R extends Record> R bind(JsonValue body, Class<R> type) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(null, "The body must be one JSON object ({...}), not "
                    + (body == null ? "nothing" : describe(body)) + ".");
        }
        return type.cast(record(body.asJsonObject(), type, ""));
    }

    private static Object record(JsonObject object, Class<?> type, String prefix) {
        Shape shape = SHAPES.computeIfAbsent(type, StrictJson::shapeOf);
        for (String name : object.keySet()) {
            if (!hasField(shape, name)) {
                throw new InvalidInputException(prefix + name, "There is no field '" + prefix + name + "' here; the fields are: "
                        + shape.names() + ".");
            }
        }
        Object[] values = new Object[shape.fields().length];
        for (int i = 0; i < values.length; i++) {
            RecordComponent f = shape.fields()[i];
            values[i] = value(object.get(f.getName()), f.getGenericType(), prefix + f.getName());
        }
        try {
            return shape.constructor().newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getName(), e);
        }
    }

    private static boolean hasField(Shape shape, String name) {
        for (RecordComponent f : shape.fields()) {
            if (f.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Object value(JsonValue v, Type type, String field) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (type == String.class) {
            if (v instanceof JsonString s) {
                return s.getString();
            }
            throw refused(field, "a text in quotes", v);
        }
        if (type == BigDecimal.class) {
            if (v instanceof JsonNumber n) {
                return n.bigDecimalValue();
            }
            throw refused(field, "a number", v);
        }
        if (type == Integer.class || type == Long.class) {
            if (!(v instanceof JsonNumber n)) {
                throw refused(field, "a whole number", v);
            }
            BigDecimal d = n.bigDecimalValue();
            try {
                BigDecimal whole = d.stripTrailingZeros().scale() <= 0 ? d : null;
                if (whole == null) {
                    throw refused(field, "a whole number", v);
                }
                return type == Integer.class ? (Object) whole.intValueExact() : (Object) whole.longValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidInputException(field, field + " is too large: " + abbreviated(v) + ".");
            }
        }
        if (type == Boolean.class) {
            if (v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE) {
                return v.getValueType() == JsonValue.ValueType.TRUE;
            }
            throw refused(field, "true or false", v);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            if (!(v instanceof JsonArray array)) {
                throw refused(field, "a list ([...])", v);
            }
            Type element = p.getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                list.add(value(array.get(i), element, field + "[" + i + "]"));
            }
            return list;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            if (!(v instanceof JsonObject o)) {
                throw refused(field, "an object ({...})", v);
            }
            return record(o, c, field + ".");
        }
        throw new IllegalStateException("no JSON binding for " + type + " (" + field + ")");
    }

    private static InvalidInputException refused(String field, String expected, JsonValue v) {
        return new InvalidInputException(field, field + " must be " + expected + ", not " + describe(v) + ".");
    }

    private static String describe(JsonValue v) {
        return switch (v.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case STRING -> "the text " + abbreviated(v);
            case NUMBER -> "the number " + abbreviated(v);
            case TRUE, FALSE -> v.toString();
            case NULL -> "null";
        };
    }

    private static String abbreviated(JsonValue v) {
        String s = v.toString();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static Shape shapeOf(Class<?> type) {
        RecordComponent[] fields = type.getRecordComponents();
        Class<?>[] types = new Class<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            types[i] = fields[i].getType();
        }
        try {
            Constructor<?> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            String names = java.util.Arrays.stream(fields).map(RecordComponent::getName).collect(Collectors.joining(", "));
            return new Shape(fields, c, names);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }
}
