package com.keystone.okr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.web.it.ApiClient.Answer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore as an operator does it: the demo company exported from one running jar (its
 * embedded H2) and restored into a second one on an empty PostgreSQL that has only its first
 * administrator. Every cycle's roll-up, KPIs and coach findings, today and as of past dates, are
 * then the same JSON on both; the restore is refused on a database that has a company, a tampered
 * backup stores nothing and names the file, row and column, only admins may do either, and a
 * restored person signs in once an admin has reset their password.
 */
class BackupRestoreIT {

    private static final String B_ADMIN_PASSWORD = "the-second-instance-admin";
    private static final String ZIP = "application/zip";

    @TempDir
    static Path dirA;
    @TempDir
    static Path dirB;

    private static RunningJar demo;
    private static RunningJar empty;
    private static ApiClient a;
    private static ApiClient b;

    @BeforeAll
    static void start() throws Exception {
        String url = TestDatabase.emptyPostgresUrl();
        demo = RunningJar.start(dirA, "okr.demo=true");
        empty = RunningJar.start(dirB, "okr.db.url=" + url, "okr.db.user=postgres", "okr.db.password=",
                "okr.admin.password=" + B_ADMIN_PASSWORD);
        demo.awaitReady();
        empty.awaitReady();
        a = new ApiClient(demo.base());
        b = new ApiClient(empty.base());
    }

    @AfterAll
    static void stop() throws Exception {
        try (RunningJar one = demo; RunningJar two = empty) {
            // both stopped
        }
    }

    @AfterEach
    void neverA500() {
        List<String> errors = new ArrayList<>(a.takeServerErrors());
        errors.addAll(b.takeServerErrors());
        assertTrue(errors.isEmpty(), "5xx answers: " + errors);
    }

    @Test
    void theDemoCompanyRestoredIntoAnEmptyInstanceGivesTheSameFiguresOfEveryCycleAndDate() throws Exception {
        List<JsonObject> cycles = a.get("hr", "cycles").array().getValuesAs(JsonObject.class);
        String closed = cycles.stream().filter(c -> c.getString("state").equals("CLOSED")).findFirst().orElseThrow()
                .getString("name");
        String objective = firstObjective(a.get("hr", "cycles/" + closed + "/rollup").object());
        Answer override = a.post("admin", "cycles/" + closed + "/objectives/" + objective + "/grade",
                "{\"grade\":0.9,\"reason\":\"exported with its reason\"}");
        assertEquals(200, override.status(), override.toString());

        HttpResponse<byte[]> exported = a.bytes("GET", "export", "admin", ApiClient.DEMO_PASSWORD, null, null);
        assertEquals(200, exported.statusCode());
        assertEquals(ZIP, exported.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        byte[] backup = exported.body();
        Map<String, String> files = files(backup);
        assertEquals(Set.of("manifest.json", "units.csv", "people.csv", "memberships.csv", "cycles.csv", "kpis.csv",
                "measurements.csv", "okrs.csv", "checkins.csv", "audit.csv"), files.keySet());
        assertFalse(files.get("people.csv").contains("PBKDF2"), "no password hash leaves the company");
        assertTrue(files.get("checkins.csv").startsWith("cycle,kr_key,date,value,confidence,comment,recorded_at,author\r\n"));

        // a tampered backup: one bad value, refused naming the file, row and column; nothing stored
        Map<String, String> tampered = new LinkedHashMap<>(files);
        List<String> lines = new ArrayList<>(List.of(files.get("checkins.csv").split("\r\n")));
        String[] third = lines.get(2).split(",", -1);
        third[3] = "lots";
        lines.set(2, String.join(",", third));
        tampered.put("checkins.csv", String.join("\r\n", lines) + "\r\n");
        HttpResponse<byte[]> bad = b.bytes("POST", "restore", "admin", B_ADMIN_PASSWORD, ZIP, zip(tampered));
        assertEquals(400, bad.statusCode(), text(bad));
        JsonObject error = Json.createReader(new ByteArrayInputStream(bad.body())).readObject().getJsonArray("errors")
                .getJsonObject(0);
        assertEquals("checkins.csv", error.getString("file"), error.toString());
        assertEquals(3, error.getInt("row"), error.toString());
        assertEquals("value", error.getString("column"), error.toString());
        assertEquals(0, b.send("GET", "units", "admin", B_ADMIN_PASSWORD, null, null, Map.of()).array().size(),
                "nothing stored");
        assertEquals(0, b.send("GET", "cycles", "admin", B_ADMIN_PASSWORD, null, null, Map.of()).array().size());

        HttpResponse<byte[]> restored = b.bytes("POST", "restore", "admin", B_ADMIN_PASSWORD, ZIP, backup);
        assertEquals(200, restored.statusCode(), text(restored));

        // every cycle, today and as of several past dates: the same roll-up, KPIs and findings
        int compared = 0;
        for (JsonObject c : cycles) {
            String name = c.getString("name");
            LocalDate start = LocalDate.parse(c.getString("startDate"));
            LocalDate end = LocalDate.parse(c.getString("endDate"));
            List<String> asOfs = new ArrayList<>(List.of(""));
            for (LocalDate d : List.of(start.plusDays(9), start.plusDays(40), start.plusDays(75), end)) {
                if (!d.isAfter(LocalDate.now())) {
                    asOfs.add("?asOf=" + d);
                }
            }
            for (String asOf : asOfs) {
                for (String what : List.of("rollup", "kpis", "findings")) {
                    String path = "cycles/" + name + "/" + what + asOf;
                    Answer before = a.get("hr", path);
                    Answer after = b.send("GET", path, "admin", B_ADMIN_PASSWORD, null, null, Map.of());
                    assertEquals(200, after.status(), after.toString());
                    assertEquals(withoutIds(before.json()), withoutIds(after.json()), path);
                    compared++;
                }
            }
        }
        assertTrue(compared >= 18, "compared " + compared);
        assertEquals(withoutIds(a.get("hr", "cycles").json()), withoutIds(b.send("GET", "cycles", "admin",
                B_ADMIN_PASSWORD, null, null, Map.of()).json()), "cycles with their states and dates");
        String history = "audit?subject=objective:" + objective + "&cycle=" + closed;
        assertEquals(a.get("admin", history).json(), b.send("GET", history, "admin", B_ADMIN_PASSWORD, null, null,
                Map.of()).json(), "the history comes back as it was, the override and its reason with it");
        JsonArray restoreEntries = b.send("GET", "audit?subject=import:restore", "admin", B_ADMIN_PASSWORD, null, null,
                Map.of()).array();
        assertEquals(1, restoreEntries.size(), restoreEntries.toString());
        assertEquals("BACKUP_RESTORED", restoreEntries.getJsonObject(0).getString("action"));

        // written again from PostgreSQL, the restored company is the same backup (plus the restore's audit entry)
        Map<String, String> again = files(b.bytes("GET", "export", "admin", B_ADMIN_PASSWORD, null, null).body());
        for (String f : files.keySet()) {
            if (f.equals("audit.csv")) {
                assertTrue(again.get(f).startsWith(files.get(f)), "the history, then the restore");
                assertTrue(again.get(f).substring(files.get(f).length()).contains("BACKUP_RESTORED"));
            } else if (!f.equals("manifest.json")) {
                assertEquals(files.get(f), again.get(f), f);
            }
        }

        // a second restore finds a company: 409, nothing changed
        HttpResponse<byte[]> twice = b.bytes("POST", "restore", "admin", B_ADMIN_PASSWORD, ZIP, backup);
        assertEquals(409, twice.statusCode(), text(twice));
        assertTrue(text(twice).contains("without a company"), text(twice));
        assertEquals(files.get("checkins.csv"), files(b.bytes("GET", "export", "admin", B_ADMIN_PASSWORD, null, null)
                .body()).get("checkins.csv"));

        // restored people have no password until an admin resets it
        assertEquals(401, b.get("alice", "cycles").status(), "the demo password did not come along");
        Answer reset = b.send("PUT", "people/alice", "admin", B_ADMIN_PASSWORD, "application/json",
                "{\"password\":\"alice-has-a-new-one\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(200, reset.status(), reset.toString());
        assertEquals(403, b.send("GET", "cycles", "alice", "alice-has-a-new-one", null, null, Map.of()).status(),
                "a reset password is temporary");
        assertEquals(204, b.send("POST", "people/me/password", "alice", "alice-has-a-new-one", "application/json",
                "{\"currentPassword\":\"alice-has-a-new-one\",\"newPassword\":\"alice-chose-her-own\"}"
                        .getBytes(StandardCharsets.UTF_8), Map.of()).status());
        assertEquals(200, b.send("GET", "cycles", "alice", "alice-chose-her-own", null, null, Map.of()).status());
    }

    @Test
    void onlyAdminsExportOrRestoreAndARestoreTakesAZipOnly() throws IOException {
        assertEquals(403, a.get("hr", "export").status());
        assertEquals(403, a.get("ceo", "export").status());
        assertEquals(401, a.send("GET", "export", null, null, null, null, Map.of()).status());
        byte[] someZip = zip(Map.of("manifest.json", "{}"));
        assertEquals(403, a.bytes("POST", "restore", "hr", ApiClient.DEMO_PASSWORD, ZIP, someZip).statusCode());
        assertEquals(415, a.bytes("POST", "restore", "admin", ApiClient.DEMO_PASSWORD, "application/octet-stream", someZip)
                .statusCode());
        assertEquals(415, a.bytes("POST", "restore", "admin", ApiClient.DEMO_PASSWORD, "text/csv", someZip).statusCode());
        HttpResponse<byte[]> notEmpty = a.bytes("POST", "restore", "admin", ApiClient.DEMO_PASSWORD, ZIP, someZip);
        assertEquals(409, notEmpty.statusCode(), "the demo instance has a company: " + text(notEmpty));
    }

    private static String firstObjective(JsonObject rollup) {
        return rollup.getJsonArray("units").getValuesAs(JsonObject.class).stream()
                .flatMap(u -> u.getJsonArray("objectives").getValuesAs(JsonObject.class).stream())
                .findFirst().orElseThrow().getString("key");
    }

    /**
     * The JSON without the fields a restore legitimately renumbers: generated ids, and the
     * optimistic-locking versions (counters of edits, which start again with the restored rows).
     */
    static JsonValue withoutIds(JsonValue v) {
        if (v instanceof JsonObject o) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            o.forEach((k, x) -> {
                if (!k.equals("id") && !k.equals("version")) {
                    b.add(k, withoutIds(x));
                }
            });
            return b.build();
        }
        if (v instanceof JsonArray arr) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            arr.forEach(x -> b.add(withoutIds(x)));
            return b.build();
        }
        return v;
    }

    private static String text(HttpResponse<byte[]> r) {
        return r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8);
    }

    static Map<String, String> files(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
