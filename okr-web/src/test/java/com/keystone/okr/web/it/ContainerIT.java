package com.keystone.okr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.person.GlobalRole;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.person.UnitRole;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.kpi.KpiRepository;
import com.keystone.okr.persistence.kpi.MeasurementRepository;
import com.keystone.okr.persistence.objective.CheckInRepository;
import com.keystone.okr.persistence.objective.KeyResultRepository;
import com.keystone.okr.persistence.objective.ObjectiveRepository;
import com.keystone.okr.persistence.person.PersonRepository;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import com.keystone.okr.web.demo.DemoCompany;
import com.keystone.okr.web.security.DatabaseIdentityStore;
import com.keystone.okr.web.security.PasswordHasher;
import com.keystone.okr.web.startup.StartupStatus;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real WAR inside Payara Micro (started with okr.demo=true on an in-memory H2): CDI,
 * Hibernate as the JPA provider, the Flyway migration at start, the demo company, and the
 * health and metrics endpoints over HTTP. One deployment serves all these tests.
 */
@ExtendWith(ArquillianExtension.class)
class ContainerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWar(ContainerIT.class);
    }

    @PersistenceContext(unitName = "okr")
    EntityManager em;
    @Inject
    UserTransaction tx;
    @Inject
    StartupStatus status;
    @Inject
    OrgUnitRepository units;
    @Inject
    PersonRepository people;
    @Inject
    CycleRepository cycles;
    @Inject
    ObjectiveRepository objectives;
    @Inject
    KeyResultRepository keyResults;
    @Inject
    CheckInRepository checkIns;
    @Inject
    KpiRepository kpis;
    @Inject
    MeasurementRepository measurements;
    @Inject
    PasswordHasher hasher;
    @Inject
    DatabaseIdentityStore identityStore;
    @Inject
    Pbkdf2PasswordHash olderSettings;

    @Test
    void hibernateIsTheJpaProviderInsidePayara() {
        assertInstanceOf(Session.class, em.getDelegate());
    }

    @Test
    void theSchemaWasMigratedAtStartAndTheProductIsReady() throws InterruptedException {
        // after the schema and the seed, the active cycles' live models load in the background, then it is ready
        for (int i = 0; i < 300 && status.getState() == StartupStatus.State.WARMING; i++) {
            Thread.sleep(100);
        }
        assertEquals(StartupStatus.State.READY, status.getState());
        assertEquals("6", status.getSchemaVersion(), "V6, temporary passwords, is the newest migration");
        Number applied = (Number) em.createNativeQuery("select count(*) from flyway_schema_history where success = true")
                .getSingleResult();
        assertTrue(applied.intValue() >= 1);
    }

    @Test
    void theDemoCompanyHasDepartmentsTeamsAndTheDemoUsers() {
        OrgUnit root = units.findRoot().orElseThrow();
        assertEquals(DemoCompany.COMPANY, root.getName());
        List<OrgUnit> all = units.all();
        assertTrue(all.stream().filter(u -> u.getDepth() == 1).count() >= 4, "at least 4 departments");
        assertTrue(all.stream().filter(u -> u.getDepth() >= 2).count() >= 10, "at least 10 teams");

        assertTrue(people.findByUsername("admin").orElseThrow().hasRole(GlobalRole.ADMIN));
        assertTrue(people.findByUsername("hr").orElseThrow().hasRole(GlobalRole.HR));
        assertLeadOf("ceo", DemoCompany.COMPANY);
        assertLeadOf("marketing.lead", DemoCompany.COMPANY + "/Marketing");
        Person alice = people.findByUsername("alice").orElseThrow();
        var aliceUnit = people.membershipsOf(alice).get(0);
        assertEquals(UnitRole.MEMBER, aliceUnit.getRole());
        assertTrue(aliceUnit.getUnit().getPath().startsWith(DemoCompany.COMPANY + "/Marketing/"));
        assertTrue(hasher.verify(DemoCompany.PASSWORD, alice.getPasswordHash()), "demo users sign in with 'demo'");
        assertTrue(alice.getPasswordHash().startsWith("PBKDF2WithHmacSHA256:600000:"), alice.getPasswordHash());
    }

    @Test
    void aHashOfOlderSettingsIsUpgradedAtTheSignInThatProvesThePasswordAndSessionsGoOn() throws Exception {
        String username = "upgrade." + System.nanoTime();
        String password = "an-old-enough-password";
        Pbkdf2PasswordHash old = olderSettings; // a hasher of its own (dependent scope), set up as Keystone did before
        old.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256", "Pbkdf2PasswordHash.Iterations",
                "210000", "Pbkdf2PasswordHash.SaltSizeBytes", "32", "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        String oldHash = old.generate(password.toCharArray());
        tx.begin();
        Person p = new Person(username, "Upgraded Person");
        p.changePasswordHash(oldHash);
        people.add(p);
        tx.commit();
        int version = people.findByUsername(username).orElseThrow().getCredentialVersion();
        assertTrue(PasswordHasher.needsUpgrade(oldHash));

        assertEquals(CredentialValidationResult.Status.INVALID,
                identityStore.validate(new UsernamePasswordCredential(username, "a-wrong-password")).getStatus());
        assertEquals(oldHash, people.findByUsername(username).orElseThrow().getPasswordHash(), "a wrong password upgrades nothing");

        assertEquals(CredentialValidationResult.Status.VALID,
                identityStore.validate(new UsernamePasswordCredential(username, password)).getStatus());
        em.clear();
        Person upgraded = people.findByUsername(username).orElseThrow();
        assertTrue(upgraded.getPasswordHash().startsWith("PBKDF2WithHmacSHA256:600000:"), upgraded.getPasswordHash());
        assertFalse(PasswordHasher.needsUpgrade(upgraded.getPasswordHash()));
        assertEquals(version, upgraded.getCredentialVersion(), "an upgrade is not a new password: sessions go on");
        assertEquals(CredentialValidationResult.Status.VALID,
                identityStore.validate(new UsernamePasswordCredential(username, password)).getStatus(), "the new hash verifies");
    }

    private void assertLeadOf(String username, String path) {
        Person p = people.findByUsername(username).orElseThrow();
        assertTrue(people.membershipsOf(p).stream()
                .anyMatch(m -> m.getRole() == UnitRole.LEAD && m.getUnit().getPath().equals(path)), username + " leads " + path);
    }

    @Test
    void theLastQuarterIsClosedAndGradedAndTheCurrentOneActiveWithCheckIns() {
        List<Cycle> all = cycles.all();
        assertEquals(2, all.size());
        Cycle current = all.get(0);
        Cycle previous = all.get(1);
        assertEquals(CycleState.ACTIVE, current.getState());
        assertTrue(current.contains(LocalDate.now()));
        assertEquals(CycleState.CLOSED, previous.getState());
        List<Objective> graded = objectives.ofCycle(previous);
        assertFalse(graded.isEmpty());
        assertTrue(graded.stream().allMatch(o -> o.getGrade().isGraded()), "every objective of the closed cycle is graded");
        assertTrue(keyResults.ofCycle(previous).stream().allMatch(k -> k.getGrade().isGraded()));
        assertTrue(objectives.ofCycle(current).stream().noneMatch(o -> o.getGrade().isGraded()));

        Objective company = objectives.findByKey(current, "CO-1").orElseThrow();
        assertEquals("Customers fall in love with our software", company.getTitle());
        assertEquals("Grow online sales 30% this quarter", objectives.findByKey(current, "SA-1").orElseThrow().getTitle());
        long withCheckIns = keyResults.ofCycle(current).stream().filter(k -> !checkIns.history(k).isEmpty()).count();
        assertTrue(withCheckIns >= 20, "weeks of check-ins on most key results: " + withCheckIns);
    }

    @Test
    void theMarketingKpisAreThereLeadingAndLaggingWithMeasurements() {
        List<Kpi> all = kpis.all();
        assertTrue(all.size() >= 12);
        assertTrue(all.stream().anyMatch(k -> k.getKind() == KpiKind.LEADING));
        assertTrue(all.stream().anyMatch(k -> k.getKind() == KpiKind.LAGGING));
        Kpi conv = kpis.findByKey("CONV").orElseThrow();
        assertTrue(conv.isRatio(), "conversion rate = orders / visits");
        assertTrue(kpis.findByKey("VISITS").orElseThrow().isRollUp(), "traffic rolls up from its sources");
        assertTrue(measurements.history(kpis.findByKey("NPS").orElseThrow()).size() >= 10);
    }

    @Test
    void repositoriesWriteInOneTransactionAndARefusalLeavesNothing() throws Exception {
        tx.begin();
        try {
            OrgUnit team = units.ensurePath(DemoCompany.COMPANY + "/Marketing/Arquillian Team");
            Cycle cycle = cycles.all().get(0);
            Objective o = objectives.add(new Objective(cycle, "ARQ-1", "Prove the container works", team));
            o.alignTo(objectives.findByKey(cycle, "MK-1").orElseThrow());
            KeyResult kr = keyResults.add(new KeyResult(o, "ARQ-1-KR1", "Run the tests",
                    com.keystone.okr.domain.objective.KeyResultType.NUMERIC, BigDecimal.ZERO, BigDecimal.TEN));
            checkIns.add(kr.checkIn(LocalDate.now(), new BigDecimal("3.5"), 8, "fine", "admin", Instant.now()));
            em.flush();
            assertEquals(1, checkIns.history(kr).size());
            assertNotNull(kr.getId());
            assertThrows(InvalidInputException.class,
                    () -> objectives.add(new Objective(cycle, "ARQ-1", "duplicate", team)));
        } finally {
            tx.rollback();
        }
        assertTrue(units.findByPath(DemoCompany.COMPANY + "/Marketing/Arquillian Team").isEmpty(), "rolled back");
    }

    @Test
    @RunAsClient
    void healthMetricsAndOpenApiAnswerOverHttp(@ArquillianResource URL base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI root = base.toURI();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(root.resolve("/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"UP\""), ready.body());
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(root.resolve("/metrics?scope=application")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(metrics.body().contains("keystone_checkins_recorded_total"), metrics.body());
        HttpResponse<String> openapi = http.send(HttpRequest.newBuilder(root.resolve("/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("Keystone API"), openapi.body());
    }
}
