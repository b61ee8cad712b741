package com.keystone.okr.domain.person;

import static com.keystone.okr.domain.DomainText.text;

import com.keystone.okr.domain.Checks;
import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.unit.OrgUnit;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Someone who signs in. The password is stored only as a PBKDF2 hash produced by the web
 * layer's hasher; the domain never sees a clear-text password.
 */
@Entity
@Table(name = "person")
public class Person {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
    @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 200)
    private String email;

    @Column(name = "password_hash", length = 400)
    private String passwordHash;

    @Column(nullable = false)
    private boolean active = true;

    /** Moves on each time the password is set (changed or reset), not when its hash is upgraded: sessions check it. */
    @Column(name = "credential_version", nullable = false)
    private int credentialVersion;

    /** Set by an administrator (created, reset): the person must choose their own before anything else. */
    @Column(name = "password_temporary", nullable = false)
    private boolean passwordTemporary;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 16)
    private Set<GlobalRole> globalRoles = EnumSet.noneOf(GlobalRole.class);

    @OneToMany(mappedBy = "person", cascade = CascadeType.ALL, orphanRemoval = true)
    private Set<Membership> memberships = new HashSet<>();

    protected Person() {
        // for JPA
    }

    public Person(String username, String displayName) {
        this.username = validUsername(username);
        this.displayName = Checks.text("display_name", displayName, 200);
    }

    public static String validUsername(String username) {
        String u = Checks.text("username", username, 64);
        if (!USERNAME.matcher(u).matches()) {
            throw new InvalidInputException("username", text("person.username", u));
        }
        return u;
    }

    public void rename(String newDisplayName) {
        this.displayName = Checks.text("display_name", newDisplayName, 200);
    }

    public void changeEmail(String newEmail) {
        String e = Checks.optionalText("email", newEmail, 200);
        if (e != null && !e.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInputException("email", text("person.email", e));
        }
        this.email = e;
    }

    /**
     * Stores the hash of a password the person chose themselves (never a clear-text password):
     * sessions signed in with the old one end, and a temporary password is temporary no more.
     */
    public void changePasswordHash(String hash) {
        this.passwordHash = Checks.text("password", hash, 400);
        this.credentialVersion++;
        this.passwordTemporary = false;
    }

    /**
     * Stores the hash of a password an administrator set for this person (at creation or a reset):
     * it lets them sign in only to choose their own, and sessions signed in with the old one end.
     */
    public void setTemporaryPasswordHash(String hash) {
        this.passwordHash = Checks.text("password", hash, 400);
        this.credentialVersion++;
        this.passwordTemporary = true;
    }

    /** Whether the stored password was set by an administrator and must be changed at the next sign-in. */
    public boolean isPasswordTemporary() {
        return passwordTemporary && passwordHash != null;
    }

    /** Whether there is a password at all (people created by an import or a restore have none until a reset). */
    public boolean hasPassword() {
        return passwordHash != null;
    }

    /** Stores a stronger hash of the same password (more iterations, found at a sign-in): sessions go on. */
    public void upgradePasswordHash(String hash) {
        this.passwordHash = Checks.text("password", hash, 400);
    }

    public int getCredentialVersion() {
        return credentialVersion;
    }

    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    public void grant(GlobalRole role) {
        globalRoles.add(Checks.required("role", role));
    }

    public void revoke(GlobalRole role) {
        globalRoles.remove(role);
    }

    /** Gives this person a role in a unit, replacing any role they had there. */
    public Membership assign(OrgUnit unit, UnitRole role) {
        Optional<Membership> existing = membershipIn(unit);
        if (existing.isPresent()) {
            existing.get().changeRole(role);
            return existing.get();
        }
        Membership m = new Membership(this, unit, role);
        memberships.add(m);
        return m;
    }

    public void unassign(OrgUnit unit) {
        memberships.removeIf(m -> m.getUnit().equals(unit));
    }

    public Optional<Membership> membershipIn(OrgUnit unit) {
        return memberships.stream().filter(m -> m.getUnit().equals(unit)).findFirst();
    }

    public boolean hasRole(GlobalRole role) {
        return globalRoles.contains(role);
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isActive() {
        return active;
    }

    public Set<GlobalRole> getGlobalRoles() {
        return Collections.unmodifiableSet(globalRoles);
    }

    public Set<Membership> getMemberships() {
        return Collections.unmodifiableSet(memberships);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Person p && Objects.equals(username, p.getUsername()));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(username);
    }

    @Override
    public String toString() {
        return "Person[" + username + "]";
    }
}
