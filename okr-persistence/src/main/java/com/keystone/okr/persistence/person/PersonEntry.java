package com.keystone.okr.persistence.person;

/** A person as a directory lists them: who they are and whether they may sign in; no entity, no password. */
public record PersonEntry(String username, String displayName, boolean active) {
}
