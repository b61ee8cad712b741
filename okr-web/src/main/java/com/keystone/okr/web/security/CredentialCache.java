package com.keystone.okr.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers for a few minutes that a username/password pair was verified against a given stored
 * hash. Entries hold an HMAC of the password under a key that lives only in this JVM's memory,
 * so nothing here can be turned back into a password, and a changed stored hash (new password,
 * reset) invalidates the entry at once.
 */
@ApplicationScoped
public class CredentialCache {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    private final Clock clock;

    private record Entry(byte[] mac, String storedHash, Instant until) {
    }

    public CredentialCache() {
        this(Clock.systemUTC());
    }

    CredentialCache(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    public boolean isRemembered(String username, String password, String storedHash) {
        Entry e = entries.get(username);
        if (e == null || password == null) {
            return false;
        }
        if (e.until().isBefore(clock.instant()) || !e.storedHash().equals(storedHash)) {
            entries.remove(username, e);
            return false;
        }
        return MessageDigest.isEqual(e.mac(), mac(username, password));
    }

    public void remember(String username, String password, String storedHash) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(username, new Entry(mac(username, password), storedHash, clock.instant().plus(TTL)));
    }

    public void forget(String username) {
        entries.remove(username);
    }

    private byte[] mac(String username, String password) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            m.update(username.getBytes(StandardCharsets.UTF_8));
            m.update((byte) 0);
            return m.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
