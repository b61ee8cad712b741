package com.keystone.okr.web.backup;

import com.keystone.okr.web.imports.ErrorList;
import com.keystone.okr.web.support.JsonBuilders;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A backup's {@code manifest.json}: what it is ({@code "format":"keystone-backup"}), the version
 * of its file formats, the database schema and the data version it was taken at, when, and the
 * number of data rows of each file, so that a file cut short or with rows added is refused.
 */
final class BackupManifest {

    static final String FILE_NAME = "manifest.json";
    static final String FORMAT = "keystone-backup";
    /** The version of the files' formats; a restore takes only its own. */
    static final int FORMAT_VERSION = 1;

    private BackupManifest() {
    }

    static String json(String schemaVersion, Instant exportedAt, long dataVersion, Map<BackupFile, Long> counts) {
        JsonObjectBuilder files = JsonBuilders.object();
        counts.forEach((f, n) -> files.add(f.fileName(), n));
        return JsonBuilders.object().add("format", FORMAT).add("formatVersion", FORMAT_VERSION)
                .add("schemaVersion", schemaVersion == null ? "" : schemaVersion).add("exportedAt", exportedAt.toString())
                .add("dataVersion", dataVersion).add("files", files).build().toString();
    }

    /** The rows each file must have, read from a manifest; null when it is not one this version takes (reported). */
    static Map<BackupFile, Long> read(InputStream in, ErrorList errors) {
        JsonObject m;
        try (JsonReader r = Json.createReader(in)) {
            JsonValue v = r.readValue();
            if (!(v instanceof JsonObject o)) {
                errors.add(null, null, "the manifest is not a JSON object");
                return null;
            }
            m = o;
        } catch (JsonException e) {
            errors.add(null, null, "the manifest is not JSON: " + e.getMessage());
            return null;
        }
        if (!FORMAT.equals(string(m, "format"))) {
            errors.add(null, "format", "this is not a Keystone backup: the manifest's format is not \"" + FORMAT + "\"");
            return null;
        }
        JsonValue version = m.get("formatVersion");
        if (!(version instanceof JsonNumber v) || !v.isIntegral() || v.longValue() != FORMAT_VERSION) {
            errors.add(null, "formatVersion", "this Keystone restores backups of format version " + FORMAT_VERSION
                    + ", not " + version);
            return null;
        }
        JsonValue files = m.get("files");
        if (!(files instanceof JsonObject counts)) {
            errors.add(null, "files", "the manifest does not count the rows of the files");
            return null;
        }
        Map<BackupFile, Long> expected = new EnumMap<>(BackupFile.class);
        for (BackupFile f : BackupFile.values()) {
            JsonValue n = counts.get(f.fileName());
            if (!(n instanceof JsonNumber c) || !c.isIntegral() || c.longValue() < 0) {
                errors.add(null, "files", "the manifest does not count the rows of " + f.fileName());
            } else {
                expected.put(f, c.longValue());
            }
        }
        return errors.isEmpty() ? expected : null;
    }

    private static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? o.getString(name) : null;
    }
}
