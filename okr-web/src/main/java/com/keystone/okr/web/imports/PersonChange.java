package com.keystone.okr.web.imports;

import com.keystone.okr.web.person.PersonState;

/** A person the people import created ({@code before} null) or matched, as the history follows them. */
public record PersonChange(PersonState before, PersonState after) {

    /** Whether the import created the person or changed anything the history follows. */
    public boolean changed() {
        return before == null || !before.equals(after);
    }
}
