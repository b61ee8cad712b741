package com.keystone.okr.web.api;

import com.keystone.okr.domain.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads every JSON request body of the API through {@link StrictJson}: one object, known fields,
 * values of the right kind. Takes the place of JSON-B's lenient binding for request records
 * (which accepted a list of objects for one, and cut 7.5 to 7).
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class StrictJsonReader implements MessageBodyReader<Record> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) {
        JsonValue body;
        try (JsonReader reader = Json.createReader(entityStream)) {
            body = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidInputException(null, "The body is not valid JSON: " + ErrorMappers.firstLine(e.getMessage()));
        }
        return StrictJson.bind(body, type);
    }
}
