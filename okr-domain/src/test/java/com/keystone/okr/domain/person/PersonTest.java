package com.keystone.okr.domain.person;

import static com.keystone.okr.domain.Fixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.unit.OrgUnit;
import org.junit.jupiter.api.Test;

class PersonTest {

    private final OrgUnit acme = OrgUnit.root("Acme");
    private final OrgUnit marketing = acme.addChild("Marketing");

    @Test
    void usernamesAreLowerCaseWithoutSpaces() {
        assertEquals("marketing.lead", new Person("marketing.lead", "Mia").getUsername());
        refused("username", () -> new Person("Bob Smith", "Bob"));
        refused("username", () -> new Person("x", "X"));
        refused("display_name", () -> new Person("bob", ""));
    }

    @Test
    void oneRolePerUnitAndAssigningAgainChangesIt() {
        Person p = new Person("alice", "Alice");
        p.assign(marketing, UnitRole.MEMBER);
        p.assign(marketing, UnitRole.LEAD);
        assertEquals(1, p.getMemberships().size());
        assertEquals(UnitRole.LEAD, p.membershipIn(marketing).orElseThrow().getRole());
        p.unassign(marketing);
        assertTrue(p.getMemberships().isEmpty());
    }

    @Test
    void globalRolesAreGrantedAndRevoked() {
        Person p = new Person("hr", "HR");
        p.grant(GlobalRole.HR);
        assertTrue(p.hasRole(GlobalRole.HR));
        p.revoke(GlobalRole.HR);
        assertFalse(p.hasRole(GlobalRole.HR));
    }

    @Test
    void anEmailMustLookLikeOne() {
        Person p = new Person("bob", "Bob");
        p.changeEmail("bob@example.com");
        assertEquals("bob@example.com", p.getEmail());
        refused("email", () -> p.changeEmail("not an email"));
    }

    @Test
    void settingAPasswordMovesTheCredentialVersionAndUpgradingItsHashDoesNot() {
        Person p = new Person("alice", "Alice");
        int start = p.getCredentialVersion();
        p.changePasswordHash("PBKDF2WithHmacSHA256:600000:salt:hash");
        assertEquals(start + 1, p.getCredentialVersion(), "a new password: the sessions signed in with the old one end");
        p.upgradePasswordHash("PBKDF2WithHmacSHA256:900000:salt:stronger");
        assertEquals(start + 1, p.getCredentialVersion(), "the same password, hashed more strongly: sessions go on");
        assertEquals("PBKDF2WithHmacSHA256:900000:salt:stronger", p.getPasswordHash());
        p.changePasswordHash("PBKDF2WithHmacSHA256:600000:salt2:hash2");
        assertEquals(start + 2, p.getCredentialVersion());
    }

    @Test
    void aPasswordAnAdministratorSetsIsTemporaryUntilItsOwnerChoosesTheirOwn() {
        Person p = new Person("nia", "Nia");
        assertFalse(p.hasPassword(), "imported people have none");
        assertFalse(p.isPasswordTemporary());
        int start = p.getCredentialVersion();
        p.setTemporaryPasswordHash("PBKDF2WithHmacSHA256:600000:salt:temporary");
        assertTrue(p.isPasswordTemporary());
        assertEquals(start + 1, p.getCredentialVersion(), "a reset ends the sessions signed in with the old password");
        p.upgradePasswordHash("PBKDF2WithHmacSHA256:900000:salt:temporary");
        assertTrue(p.isPasswordTemporary(), "a stronger hash of the same temporary password is still temporary");
        p.changePasswordHash("PBKDF2WithHmacSHA256:600000:salt:chosen");
        assertFalse(p.isPasswordTemporary(), "choosing one's own clears it");
        assertTrue(p.hasPassword());
    }
}
