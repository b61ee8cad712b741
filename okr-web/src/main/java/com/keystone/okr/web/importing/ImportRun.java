package com.keystone.okr.web.importing;

import com.keystone.okr.web.imports.CsvImporter;
import com.keystone.okr.web.imports.ImportChange;
import com.keystone.okr.web.imports.ImportKind;
import com.keystone.okr.web.imports.ImportLine;
import com.keystone.okr.web.imports.ImportRejectedException;
import com.keystone.okr.web.imports.ImportResult;
import com.keystone.okr.web.imports.PersonChange;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One run of a file through the importer for the upload page, inside the caller's transaction,
 * and the verdict on it: a preview ({@code expected} null) or an apply whose outcome differs from
 * the preview's ({@code expected} another fingerprint) must be rolled back by the caller; only an
 * apply that finds what its preview found is {@link ImportOutcome#applied() applied}.
 */
public final class ImportRun {

    private ImportRun() {
    }

    /**
     * Runs the import and flushes it (which tells updated keys from unchanged ones by their versions).
     *
     * @param expected the fingerprint of the preview being applied, or null for a preview
     */
    public static ImportOutcome run(EntityManager em, CsvImporter importer, ImportKind kind, byte[] body, String expected) {
        ImportResult result;
        try {
            result = importer.importCsv(kind, body);
        } catch (ImportRejectedException e) {
            return new ImportOutcome(kind, null, List.of(), e.errors(), null, false, expected != null);
        }
        em.flush();
        List<ImportLine> lines = importer.lines();
        String fingerprint = fingerprint(kind, result, lines, importer);
        boolean applies = expected != null && expected.equals(fingerprint);
        return new ImportOutcome(kind, result, lines, List.of(), fingerprint, applies, expected != null && !applies);
    }

    /**
     * A digest of everything an outcome depends on: the counts, each key or row and what happens
     * to it, the stored version of each objective, key result and KPI matched, and each person
     * before and after. Someone changing any of these between a preview and its apply changes it.
     */
    static String fingerprint(ImportKind kind, ImportResult result, List<ImportLine> lines, CsvImporter importer) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            update(d, kind + "|" + result);
            for (ImportLine l : lines) {
                update(d, l.toString());
            }
            for (ImportChange c : importer.changes()) {
                update(d, c.subject() + ":" + c.key() + "@" + c.versionBefore());
            }
            for (PersonChange p : importer.people()) {
                update(d, p.before() + ">" + p.after());
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void update(MessageDigest d, String s) {
        d.update(s.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
    }
}
