package com.keystone.okr.persistence.person;

import com.keystone.okr.domain.person.UnitRole;

/** A person's role in a unit, by username and unit path. */
public record UnitRoleEntry(String username, String unitPath, UnitRole role) {
}
