package com.keystone.okr.web.security;

import com.keystone.okr.persistence.person.PersonRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/**
 * Stores a stronger hash of a password that just verified against a hash of older settings (fewer
 * iterations), in a transaction of its own: the next sign-ins check the stronger one. Nothing
 * happens if the password was changed meanwhile; the person's sessions go on (the credential
 * version stays).
 */
@ApplicationScoped
public class PasswordUpgrade {

    private static final Logger LOG = Logger.getLogger(PasswordUpgrade.class.getName());

    @Inject
    PersonRepository people;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void upgrade(String username, String verifiedHash, String strongerHash) {
        people.findByUsername(username).filter(p -> verifiedHash.equals(p.getPasswordHash())).ifPresent(p -> {
            p.upgradePasswordHash(strongerHash);
            LOG.info(() -> "the password hash of " + username + " was upgraded to " + PasswordHasher.ITERATIONS
                    + " iterations at sign-in");
        });
    }
}
