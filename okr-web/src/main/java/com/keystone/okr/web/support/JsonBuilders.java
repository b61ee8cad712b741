package com.keystone.okr.web.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON-P builders from one factory. {@code Json.createObjectBuilder()} looks the JSON-P provider
 * up on every call (a class-path scan under the class loader's lock in Payara); a roll-up of a
 * large company builds tens of thousands of objects, and concurrent requests queued on that lock
 * (see docs/benchmarks.md). The factory is thread-safe and made once.
 */
public final class JsonBuilders {

    private static final JsonBuilderFactory FACTORY = Json.createBuilderFactory(Map.of());
    private static final JsonWriterFactory WRITERS = Json.createWriterFactory(Map.of());
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private JsonBuilders() {
    }

    public static JsonObjectBuilder object() {
        return FACTORY.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return FACTORY.createArrayBuilder();
    }

    public static JsonWriter writer(Writer out) {
        return WRITERS.createWriter(out);
    }

    /** A generator writing UTF-8 to {@code out}, for answers too large to build as objects first. */
    public static JsonGenerator generator(OutputStream out) {
        return GENERATORS.createGenerator(out, StandardCharsets.UTF_8);
    }
}
