package com.keystone.okr.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An enterprise-sized company as the four CSV imports see it, in the shape of {@link Companies}:
 * U units in a tree under the existing company unit (10 departments, teams of teams below), three
 * objectives per unit aligned to an objective of the parent unit, four key results per objective
 * cycling through the six types, weekly check-ins for eight weeks, and per unit a measured
 * "orders" KPI and a "leads" KPI that leaf units measure and parent units roll up from their
 * children; every department and the company unit also get a conversion ratio (orders / leads).
 * Every fourth unit links one key result to its orders KPI instead of taking check-ins.
 *
 * <p>Seeded, so every run (and a second run against the same database) names the same keys.
 * Keys start with {@code B-}, so they do not meet the demo company's.
 */
final class CsvCompany {

    /**
     * How much each unit holds: objectives, key results per objective, check-ins per key result
     * (spread over the elapsed part of the cycle) and measurements per measured KPI (one a day up
     * to the last day, reaching back before the cycle when there are more than its days), and
     * whether every other unit also has a third, "NPS" KPI (time aggregation LAST).
     */
    record Shape(int objectivesPerUnit, int keyResultsPerObjective, int checkInsPerKeyResult, int measurementsPerKpi,
                 boolean nps) {

        /** The shape of the 2026-11 benchmarks: 3 objectives of 4 key results, weekly for eight weeks. */
        static final Shape WEEKLY = new Shape(3, 4, 8, 8, false);
        /**
         * The enterprise: per 2,000 units 20,000 objectives, 60,000 key results, about
         * 1,000,000 check-ins, 5,000 KPIs and 500,000 measurements.
         */
        static final Shape ENTERPRISE = new Shape(10, 3, 17, 100, true);
    }

    /** Named sizes: S, M, L (the enterprise-L) and XL (four times L), all of the enterprise shape. */
    static int unitsOf(String size) {
        return switch (size) {
            case "S" -> 50;
            case "M" -> 500;
            case "L" -> 2_000;
            case "XL" -> 8_000;
            default -> throw new IllegalArgumentException("size S, M, L or XL, not " + size);
        };
    }

    private static final String[] TYPES = {"NUMERIC", "PERCENT", "CURRENCY", "MILESTONE", "AT_LEAST", "AT_MOST"};
    private static final String[] OWNERS = {"ceo", "eng.lead", "marketing.lead", "sales.lead", "cs.lead", "perf.lead",
        "alice", "bruno", "dana", "omar", "sofia", ""};

    final String okrs;
    final String checkIns;
    final String kpis;
    final String measurements;
    final int okrRows;
    final int checkInRows;
    final int kpiRows;
    final int measurementRows;
    final int units;
    final int depth;
    final int objectives;
    final int keyResults;
    /** Key results that take check-ins (not linked to a KPI): the write mix picks from these. */
    final List<String> checkInKeys = new ArrayList<>();

    /**
     * @param root  the existing company unit's name (the generated units go below it; it gets
     *              objectives and KPIs of its own, as unit 0)
     * @param cycle the cycle name, e.g. 2026-Q4
     * @param first the cycle's first day
     * @param last  the last day a check-in or measurement may carry (the cycle's end, or today)
     */
    CsvCompany(int units, long seed, String root, String cycle, LocalDate first, LocalDate last) {
        this(units, Shape.WEEKLY, seed, root, cycle, first, last);
    }

    CsvCompany(int units, Shape shape, long seed, String root, String cycle, LocalDate first, LocalDate last) {
        Random r = new Random(seed);
        this.units = units;
        String[] path = new String[units];
        int[] parent = new int[units];
        int[] depthOf = new int[units];
        path[0] = root;
        parent[0] = -1;
        int maxDepth = 0;
        for (int i = 1; i < units; i++) {
            int p = i <= 10 ? 0 : 1 + r.nextInt(Math.min(i - 1, 10 + (i - 1) / 3));
            parent[i] = p;
            depthOf[i] = depthOf[p] + 1;
            maxDepth = Math.max(maxDepth, depthOf[i]);
            path[i] = path[p] + "/" + (depthOf[i] == 1 ? "Dept " : "Team ") + i;
        }
        this.depth = maxDepth;
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            children.add(new ArrayList<>());
        }
        for (int i = 1; i < units; i++) {
            children.get(parent[i]).add(i);
        }
        int[] leaves = new int[units];
        for (int i = units - 1; i >= 0; i--) { // children have higher numbers than their parent
            leaves[i] = children.get(i).isEmpty() ? 1 : leaves[i];
            if (parent[i] >= 0) {
                leaves[parent[i]] += leaves[i];
            }
        }
        boolean weekly = shape.equals(Shape.WEEKLY);

        // KPIs: parents roll up leads from their children; ratios on the company and the departments
        StringBuilder kpi = new StringBuilder("kpi_key,unit_path,name,direction,kind,target,warning,time_aggregation,"
                + "unit_of_measure,owner,unit_aggregation,children,numerator_key,denominator_key\n");
        StringBuilder meas = new StringBuilder("kpi_key,date,value\n");
        int kpiCount = 0;
        int measCount = 0;
        for (int i = 0; i < units; i++) {
            String owner = OWNERS[i % OWNERS.length];
            int target = 100 * leaves[i];
            StringBuilder kids = new StringBuilder();
            for (int c : children.get(i)) {
                kids.append(kids.length() == 0 ? "" : ";").append("B-LEADS-").append(c);
            }
            boolean rollUp = kids.length() > 0;
            kpi.append("B-LEADS-").append(i).append(',').append(csv(path[i])).append(",Qualified leads,HIGHER_IS_BETTER,LEADING,")
                    .append(target).append(',').append(target * 7 / 10).append(",SUM,leads,").append(owner).append(',')
                    .append(rollUp ? "SUM" : "").append(',').append(kids).append(",,\n");
            kpi.append("B-ORDERS-").append(i).append(',').append(csv(path[i])).append(",Orders,HIGHER_IS_BETTER,LAGGING,")
                    .append(20).append(',').append(12).append(",SUM,orders,").append(owner).append(",,,,\n");
            kpiCount += 2;
            if (depthOf[i] <= 1) {
                kpi.append("B-CONV-").append(i).append(',').append(csv(path[i])).append(",Lead to order conversion,")
                        .append("HIGHER_IS_BETTER,LAGGING,0.2,0.1,LAST,ratio,").append(owner).append(",,,B-ORDERS-").append(i)
                        .append(",B-LEADS-").append(i).append('\n');
                kpiCount++;
            }
            boolean nps = shape.nps() && i % 2 == 1;
            if (nps) {
                kpi.append("B-NPS-").append(i).append(',').append(csv(path[i])).append(",Net promoter score,HIGHER_IS_BETTER,")
                        .append("LAGGING,50,30,LAST,points,").append(owner).append(",,,,\n");
                kpiCount++;
            }
            for (int w = 0; w < shape.measurementsPerKpi(); w++) {
                LocalDate d = weekly ? day(first, last, w, 0) : last.minusDays(shape.measurementsPerKpi() - 1 - w);
                if (!rollUp) {
                    meas.append("B-LEADS-").append(i).append(',').append(d).append(',').append(5 + r.nextInt(20)).append('\n');
                    measCount++;
                }
                meas.append("B-ORDERS-").append(i).append(',').append(d).append(',').append(r.nextInt(5)).append('\n');
                measCount++;
                if (nps) {
                    meas.append("B-NPS-").append(i).append(',').append(d).append(',').append(20 + r.nextInt(60)).append('\n');
                    measCount++;
                }
            }
        }

        // OKRs and check-ins
        StringBuilder okr = new StringBuilder("cycle,unit_path,objective_key,objective,parent_objective_key,objective_weight,"
                + "objective_owner,kr_key,key_result,kr_type,start,target,kr_weight,kr_owner,kpi_key\n");
        StringBuilder chk = new StringBuilder("cycle,kr_key,date,value,confidence,comment\n");
        int okrCount = 0;
        int chkCount = 0;
        int krCount = 0;
        for (int i = 0; i < units; i++) {
            for (int o = 0; o < shape.objectivesPerUnit(); o++) {
                String objKey = "B-O" + i + "-" + o;
                String parentKey = i == 0 ? "" : "B-O" + parent[i] + "-" + r.nextInt(shape.objectivesPerUnit());
                String objOwner = OWNERS[(i + o) % OWNERS.length];
                double pace = 0.3 + r.nextDouble();
                for (int k = 0; k < shape.keyResultsPerObjective(); k++) {
                    String krKey = "B-K" + i + "-" + o + "-" + k;
                    String type = TYPES[(i * 12 + o * 4 + k) % TYPES.length];
                    boolean linked = i % 4 == 0 && o == 0 && k == shape.keyResultsPerObjective() - 1;
                    double start;
                    double target;
                    switch (type) {
                        case "PERCENT" -> { start = 20; target = 60; }
                        case "CURRENCY" -> { start = 0; target = 50000; }
                        case "MILESTONE" -> { start = 0; target = 1; }
                        case "AT_LEAST" -> { start = 0; target = 90; }
                        case "AT_MOST" -> { start = 0; target = 5; }
                        default -> { start = 0; target = 100; }
                    }
                    okr.append(cycle).append(',').append(csv(path[i])).append(',').append(objKey).append(",Objective ")
                            .append(objKey).append(',').append(parentKey).append(',').append(o == 2 ? "2" : "1").append(',')
                            .append(objOwner).append(',').append(krKey).append(",Key result ").append(krKey).append(',')
                            .append(linked ? "NUMERIC" : type).append(',').append(fmt(start)).append(',')
                            .append(fmt(linked ? 40 : target)).append(",1,").append(OWNERS[(i + o + k) % OWNERS.length])
                            .append(',').append(linked ? "B-ORDERS-" + i : "").append('\n');
                    okrCount++;
                    krCount++;
                    if (linked) {
                        continue;
                    }
                    checkInKeys.add(krKey);
                    int n = shape.checkInsPerKeyResult();
                    long span = Math.max(1, last.toEpochDay() - first.toEpochDay() + 1);
                    for (int w = 0; w < n; w++) {
                        double share = Math.min(1.2, pace * (w + 1) / n);
                        double value = switch (type) {
                            case "MILESTONE" -> share >= 0.9 && r.nextBoolean() ? 1 : 0;
                            case "AT_LEAST" -> 80 + r.nextInt(20);
                            case "AT_MOST" -> r.nextInt(8);
                            default -> Math.round(start + (target - start) * share * (0.8 + 0.4 * r.nextDouble()));
                        };
                        LocalDate date = weekly ? day(first, last, w, r.nextInt(7))
                                : first.plusDays(Math.min(span - 1, w * span / n + r.nextInt((int) Math.max(1, span / n))));
                        chk.append(cycle).append(',').append(krKey).append(',').append(date)
                                .append(',').append(fmt(value)).append(',').append(1 + r.nextInt(10)).append(',')
                                .append(w == n - 1 ? "\"on track, says \"\"the team\"\"\"" : "").append('\n');
                        chkCount++;
                    }
                }
            }
        }
        this.okrs = okr.toString();
        this.checkIns = chk.toString();
        this.kpis = kpi.toString();
        this.measurements = meas.toString();
        this.okrRows = okrCount;
        this.checkInRows = chkCount;
        this.kpiRows = kpiCount;
        this.measurementRows = measCount;
        this.objectives = shape.objectivesPerUnit() * units;
        this.keyResults = krCount;
    }

    /** Week {@code w}'s day: the cycle's first day plus w weeks and a jitter, never after {@code last}. */
    private static LocalDate day(LocalDate first, LocalDate last, int w, int jitter) {
        LocalDate d = first.plusDays(7L * w + jitter);
        return d.isAfter(last) ? last : d;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
