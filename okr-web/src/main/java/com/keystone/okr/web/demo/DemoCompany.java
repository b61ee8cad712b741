package com.keystone.okr.web.demo;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.KeyResultType;
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
import com.keystone.okr.web.cycle.CycleService;
import com.keystone.okr.web.metrics.BusinessMetrics;
import com.keystone.okr.web.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Logger;

/**
 * A software company to try Keystone with: four departments and eleven teams, the last quarter
 * closed and graded, the current one active with weeks of check-ins and KPI measurements. The
 * data is laid out relative to today, so the demo always looks current, and generated from a
 * fixed seed, so it looks the same on every machine. All demo users have the password
 * {@code demo}: the demo is for trying the product out, never for production.
 */
@ApplicationScoped
public class DemoCompany {

    public static final String COMPANY = "Acme";
    public static final String PASSWORD = "demo";

    private static final Logger LOG = Logger.getLogger(DemoCompany.class.getName());

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
    CycleService cycleService;
    @Inject
    BusinessMetrics metrics;
    @PersistenceContext(unitName = "okr")
    EntityManager em;

    /** Loads the whole company in one transaction: all of it or, on failure, nothing. */
    @Transactional
    public void load(Clock clock) {
        Instant started = Instant.now();
        new Loader(clock).run();
        em.flush();
        metrics.demoCompanyLoaded(Duration.between(started, Instant.now()));
        LOG.info(() -> "Loaded the demo company " + COMPANY + " in " + Duration.between(started, Instant.now()).toMillis()
                + " ms; demo users sign in with the password '" + PASSWORD + "'");
    }

    /** One load: holds what it created so far, so the data can refer to it by name. */
    private final class Loader {

        private final LocalDate today;
        private final Instant now;
        private final Random random = new Random(20261122L);
        private final Map<String, OrgUnit> unit = new HashMap<>();
        private final Map<String, Person> person = new HashMap<>();
        private final Map<String, Kpi> kpi = new HashMap<>();
        private String passwordHash;
        private Cycle current;
        private Cycle previous;

        Loader(Clock clock) {
            this.today = LocalDate.now(clock);
            this.now = clock.instant();
        }

        void run() {
            units();
            people();
            cycles();
            kpis();
            measurements(previous.getStartDate());
            okrs(previous, false);
            okrs(current, true);
            em.flush();
            cycleService.close(previous, now, "demo");
        }

        private void units() {
            OrgUnit acme = units.add(OrgUnit.root(COMPANY));
            unit.put(COMPANY, acme);
            String[][] tree = {
                {"Engineering", "Platform", "Mobile", "Web App"},
                {"Marketing", "Content", "Performance", "Brand"},
                {"Sales", "Inbound", "Outbound", "Online Store"},
                {"Customer Success", "Support", "Onboarding"},
            };
            for (String[] dept : tree) {
                OrgUnit d = units.add(acme.addChild(dept[0]));
                unit.put(dept[0], d);
                for (int i = 1; i < dept.length; i++) {
                    unit.put(dept[0] + "/" + dept[i], units.add(d.addChild(dept[i])));
                }
            }
        }

        private void people() {
            passwordHash = hasher.hash(PASSWORD); // one hash for all demo users: they share the password anyway
            person("admin", "Ada Admin", null, null).grant(GlobalRole.ADMIN);
            person("hr", "Harriet Rivers", null, null).grant(GlobalRole.HR);
            person("ceo", "Carmen Ortiz", COMPANY, UnitRole.LEAD);
            person("eng.lead", "Ethan Nakamura", "Engineering", UnitRole.LEAD);
            person("marketing.lead", "Mia Lindqvist", "Marketing", UnitRole.LEAD);
            person("sales.lead", "Samuel Okafor", "Sales", UnitRole.LEAD);
            person("cs.lead", "Chloe Dubois", "Customer Success", UnitRole.LEAD);
            person("perf.lead", "Pedro Alves", "Marketing/Performance", UnitRole.LEAD);
            person("alice", "Alice Moreau", "Marketing/Performance", UnitRole.MEMBER);
            person("bruno", "Bruno Costa", "Marketing/Content", UnitRole.MEMBER);
            person("dana", "Dana Kim", "Sales/Online Store", UnitRole.MEMBER);
            person("omar", "Omar Haddad", "Engineering/Platform", UnitRole.MEMBER);
            person("sofia", "Sofia Rossi", "Customer Success/Support", UnitRole.MEMBER);
        }

        private Person person(String username, String name, String unitName, UnitRole role) {
            Person p = new Person(username, name);
            p.changeEmail(username + "@acme.example");
            p.changePasswordHash(passwordHash);
            if (unitName != null) {
                p.assign(unit.get(unitName), role);
            }
            people.add(p);
            person.put(username, p);
            return p;
        }

        private void cycles() {
            int year = today.getYear();
            int quarter = today.get(IsoFields.QUARTER_OF_YEAR);
            current = cycles.add(Cycle.quarter(year + "-Q" + quarter));
            int prevYear = quarter == 1 ? year - 1 : year;
            int prevQuarter = quarter == 1 ? 4 : quarter - 1;
            previous = cycles.add(Cycle.quarter(prevYear + "-Q" + prevQuarter));
            previous.activate();
            current.activate();
        }

        // ---- KPIs: the marketing dashboard of the seed articles, leading and lagging ----

        private void kpis() {
            measured("VISITS-ORGANIC", "Website visits from organic search", "Marketing/Content", "visits",
                    Direction.HIGHER_IS_BETTER, KpiKind.LEADING, "60000", "45000", TimeAggregation.SUM, "bruno");
            measured("VISITS-PAID", "Website visits from paid ads", "Marketing/Performance", "visits",
                    Direction.HIGHER_IS_BETTER, KpiKind.LEADING, "40000", "30000", TimeAggregation.SUM, "alice");
            measured("VISITS-SOCIAL", "Website visits from social media", "Marketing/Brand", "visits",
                    Direction.HIGHER_IS_BETTER, KpiKind.LEADING, "25000", "18000", TimeAggregation.SUM, null);
            Kpi visits = measured("VISITS", "Website traffic, all sources", "Marketing", "visits",
                    Direction.HIGHER_IS_BETTER, KpiKind.LEADING, "125000", "95000", TimeAggregation.SUM, "marketing.lead");
            visits.rollUpFrom(UnitAggregation.SUM, List.of(kpi.get("VISITS-ORGANIC"), kpi.get("VISITS-PAID"),
                    kpi.get("VISITS-SOCIAL")));
            measured("ORDERS", "Online orders", "Sales/Online Store", "orders",
                    Direction.HIGHER_IS_BETTER, KpiKind.LAGGING, "4000", "3000", TimeAggregation.SUM, "dana");
            measured("REVENUE", "Online revenue", "Sales/Online Store", "USD",
                    Direction.HIGHER_IS_BETTER, KpiKind.LAGGING, "380000", "300000", TimeAggregation.SUM, "dana");
            Kpi conv = measured("CONV", "Conversion rate (orders / visits)", "Sales", "ratio",
                    Direction.HIGHER_IS_BETTER, KpiKind.LAGGING, "0.03", "0.025", TimeAggregation.LAST, "sales.lead");
            conv.ratioOf(kpi.get("ORDERS"), visits);
            Kpi ticket = measured("AVG-TICKET", "Average ticket (revenue / orders)", "Sales", "USD",
                    Direction.HIGHER_IS_BETTER, KpiKind.LAGGING, "95", "85", TimeAggregation.LAST, "sales.lead");
            ticket.ratioOf(kpi.get("REVENUE"), kpi.get("ORDERS"));
            measured("LEADS", "Leads acquired", "Marketing/Performance", "leads",
                    Direction.HIGHER_IS_BETTER, KpiKind.LEADING, "2400", "1800", TimeAggregation.SUM, "alice");
            measured("CTR", "Click-through rate of campaigns", "Marketing/Performance", "%",
                    Direction.HIGHER_IS_BETTER, KpiKind.LEADING, "3.5", "2.5", TimeAggregation.AVG, "alice");
            measured("CPA", "Cost per acquisition", "Marketing/Performance", "USD",
                    Direction.LOWER_IS_BETTER, KpiKind.LAGGING, "45", "55", TimeAggregation.AVG, "perf.lead");
            measured("ROI", "Marketing return on investment", "Marketing", "ratio",
                    Direction.HIGHER_IS_BETTER, KpiKind.LAGGING, "3", "2", TimeAggregation.LAST, "marketing.lead");
            measured("CAC", "Customer acquisition cost", "Sales", "USD",
                    Direction.LOWER_IS_BETTER, KpiKind.LAGGING, "45", "60", TimeAggregation.AVG, "sales.lead");
            measured("CLV", "Customer lifetime value", COMPANY, "USD",
                    Direction.HIGHER_IS_BETTER, KpiKind.LAGGING, "1200", "950", TimeAggregation.LAST, "ceo");
            measured("DELIVERY", "Delivery time", "Sales/Online Store", "days",
                    Direction.LOWER_IS_BETTER, KpiKind.LEADING, "3", "5", TimeAggregation.AVG, "dana");
            measured("NPS", "Net promoter score", "Customer Success", "points",
                    Direction.HIGHER_IS_BETTER, KpiKind.LAGGING, "75", "50", TimeAggregation.LAST, "cs.lead");
            measured("CHURN", "Monthly churn rate", "Customer Success", "%",
                    Direction.LOWER_IS_BETTER, KpiKind.LAGGING, "3", "5", TimeAggregation.LAST, "cs.lead");
            measured("TICKETS-SOLVED", "Support tickets solved within a day", "Customer Success/Support", "%",
                    Direction.HIGHER_IS_BETTER, KpiKind.LEADING, "90", "80", TimeAggregation.AVG, "sofia");
            measured("UPDATES", "Software updates shipped", "Engineering", "releases",
                    Direction.HIGHER_IS_BETTER, KpiKind.LEADING, "9", "6", TimeAggregation.SUM, "eng.lead");
        }

        private Kpi measured(String key, String name, String unitName, String uom, Direction d, KpiKind kind,
                             String target, String warning, TimeAggregation agg, String owner) {
            Kpi k = new Kpi(key, name, unit.get(unitName), d, kind, new BigDecimal(target), new BigDecimal(warning), agg);
            k.describeUnitOfMeasure(uom);
            if (owner != null) {
                k.assignOwner(person.get(owner));
            }
            kpis.add(k);
            kpi.put(key, k);
            return k;
        }

        /** Weekly measurements from the start of the previous quarter to today, trending as a real business would. */
        private void measurements(LocalDate from) {
            Object[][] series = {
                // key, value in week 0, change per week, relative noise
                {"VISITS-ORGANIC", 4200.0, 45.0, 0.08},
                {"VISITS-PAID", 2900.0, 30.0, 0.10},
                {"VISITS-SOCIAL", 1500.0, 12.0, 0.15},
                {"ORDERS", 250.0, 4.0, 0.08},
                {"REVENUE", 21000.0, 420.0, 0.08},
                {"LEADS", 150.0, 2.0, 0.12},
                {"CTR", 2.4, 0.05, 0.08},
                {"CPA", 58.0, -0.6, 0.05},
                {"ROI", 1.8, 0.05, 0.05},
                {"CAC", 66.0, -0.8, 0.05},
                {"CLV", 900.0, 12.0, 0.02},
                {"DELIVERY", 5.2, -0.1, 0.05},
                {"NPS", 52.0, 1.1, 0.03},
                {"CHURN", 7.8, -0.2, 0.04},
                {"TICKETS-SOLVED", 78.0, 0.6, 0.03},
                {"UPDATES", 0.5, 0.04, 0.5},
            };
            int n = 0;
            for (Object[] s : series) {
                Kpi k = kpi.get((String) s[0]);
                int week = 0;
                for (LocalDate d = from.plusDays(3); !d.isAfter(today); d = d.plusWeeks(1), week++) {
                    double base = (double) s[1] + (double) s[2] * week;
                    double v = Math.max(0, base * (1 + (double) s[3] * random.nextGaussian()));
                    boolean whole = (double) s[1] >= 100 || "UPDATES".equals(s[0]);
                    BigDecimal value = whole ? BigDecimal.valueOf(Math.round(v)) : BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
                    measurements.record(k, d, value, at(d), "demo");
                    n++;
                }
            }
            metrics.measurementsRecorded(n);
        }

        // ---- OKRs: the cascade from the company's two objectives down to the teams ----

        private void okrs(Cycle cycle, boolean isCurrent) {
            String p = "";
            Objective love = objective(cycle, p + "CO-1", "Customers fall in love with our software", COMPANY, "ceo", null);
            kr(love, p + "CO-1-KR1", "Reduce monthly churn by 5 points, from 8% to 3%", KeyResultType.PERCENT, "8", "3", "cs.lead", 0).linkKpi(kpi.get("CHURN"));
            kr(love, p + "CO-1-KR2", "Ship three software updates a month (nine this quarter)", KeyResultType.NUMERIC, "0", "9", "eng.lead", 0).linkKpi(kpi.get("UPDATES"));
            KeyResult nps = kr(love, p + "CO-1-KR3", "NPS in the excellence zone (75 or more)", KeyResultType.AT_LEAST, null, "75", "cs.lead", 0);
            nps.linkKpi(kpi.get("NPS"));
            Objective grow = objective(cycle, p + "CO-2", "Grow a profitable online business", COMPANY, "ceo", null);
            kr(grow, p + "CO-2-KR1", "Reach USD 400k online revenue this quarter", KeyResultType.CURRENCY, "0", "400000", "sales.lead", 0).linkKpi(kpi.get("REVENUE"));
            kr(grow, p + "CO-2-KR2", "Customer lifetime value of USD 1,200", KeyResultType.CURRENCY, "900", "1200", "ceo", 0).linkKpi(kpi.get("CLV"));

            Objective sales = objective(cycle, p + "SA-1", "Grow online sales 30% this quarter", "Sales", "sales.lead", grow);
            KeyResult conv = kr(sales, p + "SA-1-KR1", "Raise the conversion rate from 2.0% to 3.0%", KeyResultType.PERCENT, "0.02", "0.03", "sales.lead", 0);
            conv.linkKpi(kpi.get("CONV"));
            kr(sales, p + "SA-1-KR2", "Raise the average order value from USD 80 to USD 95", KeyResultType.CURRENCY, "80", "95", "dana", 0).linkKpi(kpi.get("AVG-TICKET"));
            kr(sales, p + "SA-1-KR3", "Cut customer acquisition cost from USD 66 to USD 45", KeyResultType.CURRENCY, "66", "45", "sales.lead", 0).linkKpi(kpi.get("CAC"));
            Objective store = objective(cycle, p + "OS-1", "A checkout customers finish", "Sales/Online Store", "dana", sales);
            kr(store, p + "OS-1-KR1", "Cut checkout abandonment from 70% to 55%", KeyResultType.PERCENT, "70", "55", "dana", 0.5);
            kr(store, p + "OS-1-KR2", "Deliver within 3 days on average", KeyResultType.AT_MOST, null, "3", "dana", 0).linkKpi(kpi.get("DELIVERY"));
            Objective inbound = objective(cycle, p + "IN-1", "Answer every inbound lead within an hour", "Sales/Inbound", "sales.lead", sales);
            kr(inbound, p + "IN-1-KR1", "Median first response under 60 minutes", KeyResultType.AT_MOST, null, "60", "sales.lead", 0.9);
            kr(inbound, p + "IN-1-KR2", "Qualify 600 inbound leads", KeyResultType.NUMERIC, "0", "600", "sales.lead", 0.7);
            Objective outbound = objective(cycle, p + "OU-1", "Open the mid-market segment", "Sales/Outbound", "sales.lead", null);
            kr(outbound, p + "OU-1-KR1", "Book 40 discovery calls with mid-market accounts", KeyResultType.NUMERIC, "0", "40", null, 0.3);

            Objective mkt = objective(cycle, p + "MK-1", "Fill the funnel with qualified demand", "Marketing", "marketing.lead", grow);
            kr(mkt, p + "MK-1-KR1", "Grow website traffic from 100k to 125k visits a month", KeyResultType.NUMERIC, "100000", "125000", "marketing.lead", 0.8);
            kr(mkt, p + "MK-1-KR2", "Acquire 2,400 leads", KeyResultType.NUMERIC, "0", "2400", "alice", 0.75);
            kr(mkt, p + "MK-1-KR3", "Marketing ROI of 3x", KeyResultType.NUMERIC, "1.8", "3", "marketing.lead", 0).linkKpi(kpi.get("ROI"));
            Objective perf = objective(cycle, p + "PF-1", "Make every ad dollar count", "Marketing/Performance", "perf.lead", mkt);
            kr(perf, p + "PF-1-KR1", "Raise the click-through rate from 2.4% to 3.5%", KeyResultType.PERCENT, "2.4", "3.5", "alice", 0.8);
            kr(perf, p + "PF-1-KR2", "Cut cost per acquisition from USD 58 to USD 45", KeyResultType.CURRENCY, "58", "45", "alice", 0.55);
            kr(perf, p + "PF-1-KR3", "Launch the retargeting programme", KeyResultType.MILESTONE, null, null, "perf.lead", 1.0);
            Objective content = objective(cycle, p + "CT-1", "Publish content that ranks", "Marketing/Content", "bruno", mkt);
            kr(content, p + "CT-1-KR1", "Publish 24 long-form articles", KeyResultType.NUMERIC, "0", "24", "bruno", 0.85);
            kr(content, p + "CT-1-KR2", "10 articles on the first page of search results", KeyResultType.NUMERIC, "2", "10", "bruno", 0.5);
            Objective brand = objective(cycle, p + "BR-1", "Be the brand developers recommend", "Marketing/Brand", "marketing.lead", mkt);
            kr(brand, p + "BR-1-KR1", "Grow social followers from 12k to 20k", KeyResultType.NUMERIC, "12000", "20000", null, 0.4);

            Objective eng = objective(cycle, p + "EN-1", "Ship reliable updates customers notice", "Engineering", "eng.lead", love);
            kr(eng, p + "EN-1-KR1", "Nine releases with release notes this quarter", KeyResultType.NUMERIC, "0", "9", "eng.lead", 0.9);
            kr(eng, p + "EN-1-KR2", "Change failure rate at most 10%", KeyResultType.AT_MOST, null, "10", "eng.lead", 0.8);
            Objective platform = objective(cycle, p + "PL-1", "A platform that never wakes anyone up", "Engineering/Platform", "omar", eng);
            kr(platform, p + "PL-1-KR1", "Raise uptime from 99.5% to 99.95%", KeyResultType.PERCENT, "99.5", "99.95", "omar", 0.7);
            kr(platform, p + "PL-1-KR2", "Cut p95 API latency from 800 ms to 300 ms", KeyResultType.NUMERIC, "800", "300", "omar", 0.6);
            Objective mobile = objective(cycle, p + "MO-1", "A mobile app people rate five stars", "Engineering/Mobile", "eng.lead", eng);
            kr(mobile, p + "MO-1-KR1", "Raise the store rating from 3.9 to 4.6", KeyResultType.NUMERIC, "3.9", "4.6", "eng.lead", 0.5);
            kr(mobile, p + "MO-1-KR2", "Crash-free sessions at least 99.5%", KeyResultType.AT_LEAST, null, "99.5", "eng.lead", 0.9);
            Objective web = objective(cycle, p + "WA-1", "A web app that feels instant", "Engineering/Web App", "eng.lead", eng);
            kr(web, p + "WA-1-KR1", "Largest contentful paint under 2.5 s on 90% of pages", KeyResultType.PERCENT, "40", "90", "eng.lead", 0.65);
            kr(web, p + "WA-1-KR2", "Ship the redesigned dashboard", KeyResultType.MILESTONE, null, null, "eng.lead", 0.9);

            Objective cs = objective(cycle, p + "CS-1", "Make every customer successful in their first 90 days", "Customer Success", "cs.lead", love);
            kr(cs, p + "CS-1-KR1", "Onboard 95% of new customers within 14 days", KeyResultType.PERCENT, "70", "95", "cs.lead", 0.75);
            kr(cs, p + "CS-1-KR2", "Keep support satisfaction at 90% or more", KeyResultType.AT_LEAST, null, "90", "sofia", 0.9);
            Objective support = objective(cycle, p + "SU-1", "Solve problems on first contact", "Customer Success/Support", "sofia", cs);
            kr(support, p + "SU-1-KR1", "First-contact resolution from 60% to 80%", KeyResultType.PERCENT, "60", "80", "sofia", 0.7);
            kr(support, p + "SU-1-KR2", "Publish 50 help-centre answers", KeyResultType.NUMERIC, "0", "50", "sofia", isCurrent ? -1 : 0.8);
            Objective onboarding = objective(cycle, p + "ON-1", "Customers live in a week", "Customer Success/Onboarding", "cs.lead", cs);
            kr(onboarding, p + "ON-1-KR1", "Median time to first value from 21 to 7 days", KeyResultType.NUMERIC, "21", "7", "cs.lead", 0.6);
            kr(onboarding, p + "ON-1-KR2", "Ship the in-app setup guide", KeyResultType.MILESTONE, null, null, "cs.lead", 0.3);
        }

        private Objective objective(Cycle cycle, String key, String title, String unitName, String owner, Objective parent) {
            Objective o = new Objective(cycle, key, title, unit.get(unitName));
            if (owner != null) {
                o.assignOwner(person.get(owner));
            }
            if (parent != null) {
                o.alignTo(parent);
            }
            return objectives.add(o);
        }

        /**
         * A key result with check-ins. {@code pace} is how far it gets by the cycle's end (1 = on
         * target); 0 means no check-ins (the caller links it to a KPI), -1 means check-ins that
         * stopped three weeks ago (a stale key result for the OKR coach to flag).
         */
        private KeyResult kr(Objective o, String key, String title, KeyResultType type, String start, String target,
                             String owner, double pace) {
            KeyResult kr = new KeyResult(o, key, title, type, start == null ? null : new BigDecimal(start),
                    target == null ? null : new BigDecimal(target));
            if (owner != null) {
                kr.assignOwner(person.get(owner));
            }
            keyResults.add(kr);
            if (pace != 0) {
                checkIns(kr, o.getCycle(), pace);
            }
            return kr;
        }

        private void checkIns(KeyResult kr, Cycle cycle, double pace) {
            LocalDate last = cycle.getEndDate().isBefore(today) ? cycle.getEndDate() : today;
            if (pace < 0) {
                last = last.minusWeeks(3);
                pace = 0.5;
            }
            double s = kr.getStartValue().doubleValue();
            double t = kr.getTargetValue().doubleValue();
            long total = cycle.totalDays();
            int n = 0;
            for (LocalDate d = cycle.getStartDate().plusDays(6); !d.isAfter(last); d = d.plusWeeks(1)) {
                double elapsed = (double) (d.toEpochDay() - cycle.getStartDate().toEpochDay() + 1) / total;
                double value = switch (kr.getType()) {
                    case MILESTONE -> elapsed * pace >= 0.75 ? 1 : 0;
                    case AT_LEAST -> t * (pace >= 0.8 ? 1.01 : 0.97) + t * 0.01 * random.nextGaussian();
                    case AT_MOST -> t * (pace >= 0.8 ? 0.97 : 1.03) + t * 0.01 * random.nextGaussian();
                    default -> s + (t - s) * Math.min(1.1, elapsed * pace * (1 + 0.06 * random.nextGaussian()));
                };
                int confidence = (int) Math.max(1, Math.min(10, Math.round(4 + 5 * pace + random.nextGaussian())));
                String comment = n % 3 == 0 ? comment(pace) : null;
                checkIns.add(kr.checkIn(d, BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP), confidence, comment,
                        kr.getOwner() == null ? "admin" : kr.getOwner().getUsername(), at(d)));
                n++;
            }
            metrics.checkInsRecorded(n);
        }

        private String comment(double pace) {
            if (pace >= 0.8) {
                return "Going well, ahead of plan.";
            }
            if (pace >= 0.5) {
                return "Steady progress; watching the risks.";
            }
            return "Blocked on dependencies; need help from the leads.";
        }

        private Instant at(LocalDate d) {
            Instant noon = d.atTime(17, 0).atZone(ZoneOffset.UTC).toInstant();
            return noon.isAfter(now) ? now : noon;
        }
    }

    /** The demo users, for documentation and tests. */
    public static List<String> usernames() {
        return new ArrayList<>(List.of("admin", "hr", "ceo", "eng.lead", "marketing.lead", "sales.lead", "cs.lead",
                "perf.lead", "alice", "bruno", "dana", "omar", "sofia"));
    }
}
