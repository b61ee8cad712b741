package com.keystone.okr.web.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every in-container test uses: the real WAR that {@code mvn package}
 * built (the one inside the uber-jar), plus the test classes.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive productWar(Class<?>... testClasses) {
        String path = System.getProperty("okr.war", "target/okr.war");
        File war = new File(path);
        if (!war.isFile()) {
            throw new IllegalStateException("The WAR " + war.getAbsolutePath() + " is missing: run 'mvn verify', not only the tests");
        }
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, "okr.war").importFrom(war).as(WebArchive.class);
        archive.addClass(Deployments.class);
        archive.addClasses(testClasses);
        return archive;
    }
}
