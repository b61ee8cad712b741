package com.keystone.okr.web.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Where the upload page keeps a file between its preview and its apply, and the preview itself:
 * in files of this instance's temporary directory ({@code java.io.tmpdir/keystone-uploads}), of
 * which the page's view keeps only the paths. A view is replicated between the instances of a
 * cluster (sessions are), and a file of up to 32 MiB with a preview of up to 200,000 rows has no
 * place in it; should another instance take the session over, the paths lead nowhere there and
 * the page asks for the file again. Files are deleted when the page is left (its view ends), once
 * applied, and, should a server stop in between, by the next upload after a day.
 */
public final class KeptUploads {

    private static final Duration OLD = Duration.ofDays(1);

    private KeptUploads() {
    }

    static Path dir() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "keystone-uploads"));
    }

    /** Keeps the bytes in a new file (readable by this process only) and answers its path. */
    public static String keep(byte[] bytes) {
        try {
            sweep();
            Path f = Files.createTempFile(dir(), "upload-", ".csv");
            Files.write(f, bytes);
            return f.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the uploaded file", e);
        }
    }

    /** The kept bytes, or null when the file is gone (another instance, a restart, discarded). */
    public static byte[] read(String path) {
        Path f = kept(path);
        try {
            return f == null ? null : Files.readAllBytes(f);
        } catch (IOException e) {
            return null;
        }
    }

    /** Keeps a preview (compressed) and answers its path. */
    public static String keep(ImportOutcome outcome) {
        try {
            Path f = Files.createTempFile(dir(), "preview-", ".bin");
            try (OutputStream out = Files.newOutputStream(f);
                 ObjectOutputStream o = new ObjectOutputStream(new GZIPOutputStream(out))) {
                o.writeObject(outcome);
            }
            return f.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the preview", e);
        }
    }

    /** A kept preview, or null when it is gone. Reads only the types a preview is made of. */
    public static ImportOutcome readOutcome(String path) {
        Path f = kept(path);
        if (f == null) {
            return null;
        }
        try (InputStream in = Files.newInputStream(f); ObjectInputStream o = new ObjectInputStream(new GZIPInputStream(in))) {
            o.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
                    "com.keystone.okr.web.importing.*;com.keystone.okr.web.imports.*;com.keystone.okr.domain.Text;"
                            + "java.lang.*;java.util.*;java.io.Serializable;maxdepth=20;!*"));
            return (ImportOutcome) o.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            return null;
        }
    }

    public static void delete(String path) {
        Path f = kept(path);
        if (f != null) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // the sweep will have it
            }
        }
    }

    /** The path when it is one of ours and exists, else null. */
    private static Path kept(String path) {
        if (path == null) {
            return null;
        }
        try {
            Path f = Path.of(path);
            return f.getParent() != null && f.getParent().equals(dir()) && Files.isRegularFile(f) ? f : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Deletes what was kept more than a day ago (a page never left cleanly, a server stopped). */
    private static void sweep() throws IOException {
        Instant before = Instant.now().minus(OLD);
        try (Stream<Path> files = Files.list(dir())) {
            files.forEach(f -> {
                try {
                    FileTime t = Files.getLastModifiedTime(f);
                    if (t.toInstant().isBefore(before)) {
                        Files.deleteIfExists(f);
                    }
                } catch (IOException e) {
                    // another instance of this machine may be deleting it too
                }
            });
        }
    }
}
