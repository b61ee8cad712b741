package com.keystone.okr.web.startup;

import jakarta.enterprise.context.ApplicationScoped;

/** Where the start-up stands; the readiness check reports it. */
@ApplicationScoped
public class StartupStatus {

    /** STARTING: migrating and seeding; WARMING: loading the active cycles' live models; then READY (or FAILED). */
    public enum State { STARTING, WARMING, READY, FAILED }

    private volatile State state = State.STARTING;
    private volatile String schemaVersion;
    private volatile String failure;

    void warming(String version) {
        this.schemaVersion = version;
        this.state = State.WARMING;
    }

    void ready(String version) {
        this.schemaVersion = version;
        this.state = State.READY;
    }

    void failed(String reason) {
        this.failure = reason;
        this.state = State.FAILED;
    }

    public State getState() {
        return state;
    }

    public boolean isReady() {
        return state == State.READY;
    }

    public String getSchemaVersion() {
        return schemaVersion;
    }

    public String getFailure() {
        return failure;
    }
}
