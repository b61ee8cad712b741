package com.keystone.okr.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A PostgreSQL server for the load benchmark, from Maven Central's embedded binaries (the ones
 * the tests use), so that "on PostgreSQL" needs no install: it starts on a port, creates the
 * database and user {@code keystone} (password {@code keystone}), prints the JDBC URL and runs
 * until it is stopped.
 *
 * <pre>BenchDatabase port [dataDirectory]</pre>
 */
public final class BenchDatabase {

    private BenchDatabase() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port)
                .setServerConfig("max_connections", "300").setServerConfig("shared_buffers", "512MB")
                .setServerConfig("fsync", "on");
        if (args.length > 1) {
            Path dir = Path.of(args[1]);
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(true);
        }
        EmbeddedPostgres pg = builder.start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create user keystone with password 'keystone'");
            s.execute("create database keystone owner keystone");
        }
        System.out.println("jdbc:postgresql://localhost:" + port + "/keystone (user keystone, password keystone); stop with Ctrl-C");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception ignored) {
                // exiting
            }
        }));
        Thread.currentThread().join();
    }
}
