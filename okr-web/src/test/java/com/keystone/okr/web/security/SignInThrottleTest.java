package com.keystone.okr.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The delays after failed sign-ins. */
class SignInThrottleTest {

    @Test
    void theFreeAttemptsLockNothingThenEachFailureDoublesTheLockUpToFifteenMinutes() {
        for (int n = 0; n <= SignInThrottle.ACCOUNT_FREE; n++) {
            assertNull(SignInThrottle.lockAfter(n, SignInThrottle.ACCOUNT_FREE), "failure " + n);
        }
        assertEquals(Duration.ofSeconds(30), SignInThrottle.lockAfter(6, 5));
        assertEquals(Duration.ofSeconds(60), SignInThrottle.lockAfter(7, 5));
        assertEquals(Duration.ofSeconds(120), SignInThrottle.lockAfter(8, 5));
        assertEquals(Duration.ofSeconds(480), SignInThrottle.lockAfter(10, 5));
        assertEquals(Duration.ofMinutes(15), SignInThrottle.lockAfter(11, 5));
        assertEquals(Duration.ofMinutes(15), SignInThrottle.lockAfter(1_000, 5));
        assertNull(SignInThrottle.lockAfter(30, SignInThrottle.ADDRESS_FREE), "an address shared by many may fail more");
        assertEquals(Duration.ofSeconds(30), SignInThrottle.lockAfter(31, SignInThrottle.ADDRESS_FREE));
    }

    @Test
    void keysNameTheAccountWithoutRegardToCaseAndTheAddress() {
        assertEquals("account:alice", SignInThrottle.accountKey(" Alice "));
        assertEquals("address:203.0.113.5", SignInThrottle.addressKey("203.0.113.5"));
    }

    @Test
    void theClientAddressComesFromXForwardedForOnlyWhenATrustedBalancerSentIt() {
        List<String> balancers = List.of("10.0.0.5");
        assertEquals("203.0.113.9", KeystoneAuthentication.clientAddress("10.0.0.5", "198.51.100.1, 203.0.113.9", balancers),
                "the last hop is the one the balancer saw; earlier ones are the client's word");
        assertEquals("10.0.0.7", KeystoneAuthentication.clientAddress("10.0.0.7", "203.0.113.9", balancers),
                "anyone else's X-Forwarded-For is ignored");
        assertEquals("10.0.0.5", KeystoneAuthentication.clientAddress("10.0.0.5", null, balancers));
        assertEquals("10.0.0.5", KeystoneAuthentication.clientAddress("10.0.0.5", " ", balancers));
        assertEquals("10.0.0.5", KeystoneAuthentication.clientAddress("10.0.0.5", "203.0.113.9", List.of()));
    }

    @Test
    void trustedBalancersWrittenWithSpacesAfterTheCommasAreTrusted() {
        // MicroProfile Config splits "10.0.0.6, 10.0.0.5" at the comma and keeps the space
        List<String> written = List.of("10.0.0.6", " 10.0.0.5 ");
        assertEquals("203.0.113.9", KeystoneAuthentication.clientAddress("10.0.0.5", "203.0.113.9", written));
    }
}
