package com.keystone.okr.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes and verifies passwords with Jakarta Security's PBKDF2 (HMAC-SHA256, 210,000 iterations,
 * 32-byte salt; the server's default of 2,048 iterations is far too weak). The stored form
 * carries its own algorithm, iterations and salt, so stronger settings later still verify
 * existing hashes.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final int ITERATIONS = 210_000;
    public static final int MIN_LENGTH = 8;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        return password != null && storedHash != null && pbkdf2.verify(password.toCharArray(), storedHash);
    }
}
