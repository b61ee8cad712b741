package com.keystone.okr.web.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Liveness does not flap: a full heap fails it only when it stays full for a minute. */
class AliveTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aHeapFullForAMomentStaysLiveAndOneFullForAMinuteDoesNot() {
        Alive alive = new Alive();
        assertTrue(alive.live(false, 0));
        assertTrue(alive.live(true, 10 * SECOND), "full once, after a burst of allocation");
        assertTrue(alive.live(true, 40 * SECOND), "still within the minute");
        assertTrue(alive.live(false, 50 * SECOND), "a collection freed it");
        assertTrue(alive.live(true, 60 * SECOND), "full again: the minute starts again");
        assertTrue(alive.live(true, 119 * SECOND));
        assertFalse(alive.live(true, 121 * SECOND), "full at every check for over a minute");
        assertTrue(alive.live(false, 122 * SECOND), "and live again once it is not");
    }
}
