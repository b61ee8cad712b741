package com.keystone.okr.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hashes and verifies passwords with Jakarta Security's PBKDF2 (HMAC-SHA256, 600,000 iterations
 * as OWASP's password storage advice asks for this hash, 32-byte salt; the server's default of
 * 2,048 iterations is far too weak). The stored form carries its own algorithm, iterations and
 * salt, so hashes made with fewer iterations still verify, and {@link #needsUpgrade} tells the
 * sign-in to store a stronger one. At most as many hashes run at once as the machine has cores:
 * a flood of sign-ins waits its turn instead of taking every core from the people at work.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final int ITERATIONS = 600_000;
    public static final int MIN_LENGTH = 12;
    /** How long a hash waits for its turn before the attempt is given up (and counts as not verified). */
    private static final long WAIT_SECONDS = 20;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private final Semaphore turns = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    public String hash(String password) {
        acquire();
        try {
            return pbkdf2.generate(password.toCharArray());
        } finally {
            turns.release();
        }
    }

    public boolean verify(String password, String storedHash) {
        if (password == null || storedHash == null) {
            return false;
        }
        acquire();
        try {
            return pbkdf2.verify(password.toCharArray(), storedHash);
        } finally {
            turns.release();
        }
    }

    /** Whether a stored hash was made with other settings than today's (fewer iterations): store a new one at sign-in. */
    public static boolean needsUpgrade(String storedHash) {
        String[] parts = storedHash == null ? new String[0] : storedHash.split(":");
        return parts.length != 4 || !parts[0].equals("PBKDF2WithHmacSHA256") || !parts[1].equals(String.valueOf(ITERATIONS));
    }

    private void acquire() {
        try {
            if (!turns.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new HashingBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException();
        }
    }

    /** Every core has been hashing passwords for longer than a person waits: the attempt is not verified. */
    public static final class HashingBusyException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        HashingBusyException() {
            super("too many sign-ins at once: try again in a moment");
        }
    }
}
