package com.keystone.okr.web.security;

import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.persistence.security.SignInFailures;
import com.keystone.okr.persistence.security.SignInFailures.Record;
import com.keystone.okr.web.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Growing delays after failed sign-ins, per account and per client address, kept in the database
 * so that every instance counts the same attempts. An account may fail {@value #ACCOUNT_FREE}
 * times, an address {@value #ADDRESS_FREE} times (many people may share one); after that each
 * further failure locks the key for 30 s, then 60 s, 120 s ... up to 15 minutes. A failure older
 * than an hour is forgotten; a successful sign-in forgets its account's failures (not its
 * address's). A locked key is refused before any password is hashed, so guessing costs the server
 * nothing. Every failure and every lock is in the audit trail.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());

    public static final int ACCOUNT_FREE = 5;
    public static final int ADDRESS_FREE = 30;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    /** What a sign-in may do now: wait (seconds, 0 when free), and whether its account has failures to forget. */
    public record Status(long retryAfterSeconds, boolean accountHasFailures) {

        public boolean locked() {
            return retryAfterSeconds > 0;
        }
    }

    @Inject
    SignInFailures failures;

    @Inject
    AuditTrail trail;

    @Inject
    SignInThrottle self;

    private final Clock clock = Clock.systemUTC();

    static String accountKey(String username) {
        return "account:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }

    /** R: the lock after {@code failures} failures in a row of a key that may fail {@code free} times; null for none. */
    static Duration lockAfter(int failures, int free) {
        if (failures <= free) {
            return null;
        }
        int doublings = Math.min(failures - free - 1, 16);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    /** Whether the account or the address must wait before trying again. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Status check(String username, String address) {
        Instant now = clock.instant();
        Optional<Record> account = failures.find(accountKey(username));
        Optional<Record> from = failures.find(addressKey(address));
        long wait = Math.max(secondsLeft(account, now), secondsLeft(from, now));
        return new Status(wait, account.isPresent());
    }

    private static long secondsLeft(Optional<Record> r, Instant now) {
        return r.filter(x -> x.lockedAt(now)).map(x -> Math.max(1, Duration.between(now, x.lockedUntil()).toSeconds() + 1))
                .orElse(0L);
    }

    /** Counts a failed sign-in of {@code username} from {@code address} (retried once if two instances raced). */
    public void failed(String username, String address) {
        try {
            self.count(username, address);
        } catch (PersistenceException | IllegalStateException raced) {
            self.count(username, address);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void count(String username, String address) {
        Instant now = clock.instant();
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Record account = failures.countFailure(accountKey(user), now, FORGET_AFTER,
                n -> until(now, lockAfter(n, ACCOUNT_FREE)));
        Record from = failures.countFailure(addressKey(address), now, FORGET_AFTER,
                n -> until(now, lockAfter(n, ADDRESS_FREE)));
        String subject = user.isEmpty() ? "(none)" : user;
        trail.recordAs(null, AuditSubject.PERSON, subject, AuditAction.SIGN_IN_FAILED, null, "from " + address);
        if (lockAfter(account.failures(), ACCOUNT_FREE) != null) {
            trail.recordAs(null, AuditSubject.PERSON, subject, AuditAction.SIGN_IN_LOCKED, null,
                    "until " + account.lockedUntil() + " after " + account.failures() + " failures");
            LOG.warning(() -> "sign-in of account '" + subject + "' locked until " + account.lockedUntil() + " after "
                    + account.failures() + " failures in a row");
        }
        if (lockAfter(from.failures(), ADDRESS_FREE) != null) {
            trail.recordAs(null, AuditSubject.ADDRESS, String.valueOf(address), AuditAction.SIGN_IN_LOCKED, null,
                    "until " + from.lockedUntil() + " after " + from.failures() + " failures");
            LOG.warning(() -> "sign-in from " + address + " locked until " + from.lockedUntil() + " after "
                    + from.failures() + " failures in a row");
        }
        if (now.getEpochSecond() % 20 == 0) {
            failures.forgetOlderThan(now.minus(Duration.ofDays(1))); // now and then: old keys need no row
        }
    }

    /** A successful sign-in: the account's failures are forgotten (the address's stay). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(String username) {
        failures.forget(accountKey(username));
    }

    private static Instant until(Instant now, Duration lock) {
        return lock == null ? null : now.plus(lock);
    }
}
