package com.keystone.okr.web.report;

import com.keystone.okr.web.report.PeopleOutcomes.Item;
import com.keystone.okr.web.report.PeopleOutcomes.Kind;
import com.keystone.okr.web.report.PeopleOutcomes.Person;
import com.keystone.okr.web.report.PeopleOutcomes.Sheet;
import com.keystone.okr.web.report.TableFiles.Export;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The people view as a file (Excel, PDF, CSV through {@link TableFiles}, columns in English): one
 * row per objective or key result a person owns, the person's own figures repeated on each of
 * their rows so that a spreadsheet can filter and pivot; a person who owns nothing in the cycle
 * has one row with the item's columns empty.
 */
public final class PeopleExports {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("Person", "Username", "Active", "Roles", "Objectives owned",
            "Objectives average grade", "Key results owned", "Key results average grade", "Check-in key results",
            "Checked in (last 14 days)", "Check-in discipline", "Item", "Key", "Title", "Unit", "Objective",
            "Progress", "Grade", "Grade band", "Grades", "Latest check-in", "Checked in within 14 days");

    private PeopleExports() {
    }

    /** {@code keystone-people-<cycle>.<extension>}. */
    public static String fileName(Sheet sheet, String extension) {
        return "keystone-people-" + TableFiles.safe(sheet.cycleName()) + "." + extension;
    }

    public static Export xlsx(Sheet sheet) {
        return TableFiles.xlsx(fileName(sheet, "xlsx"), "People " + sheet.cycleName(), COLUMNS, table(sheet), false,
                TableFiles.widths(COLUMNS, 28, 16, 8, 36));
    }

    public static Export csv(Sheet sheet) {
        return TableFiles.csv(fileName(sheet, "csv"), COLUMNS, table(sheet));
    }

    public static Export pdf(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> values : table(sheet)) {
            rows.add(values.stream().map(TableFiles::text).toList());
        }
        float[] widths = new float[COLUMNS.size()];
        boolean[] numbers = new boolean[COLUMNS.size()];
        for (int c = 0; c < widths.length; c++) {
            String column = COLUMNS.get(c);
            widths[c] = switch (column) {
                case "Person", "Roles", "Title" -> 4f;
                case "Unit" -> 3.5f;
                case "Username", "Key", "Objective", "Latest check-in" -> 2.2f;
                default -> 1.6f;
            };
            numbers[c] = c >= 4 && c <= 10 || column.equals("Progress") || column.equals("Grade");
        }
        String title = "Keystone outcomes by person " + sheet.cycleName();
        String subtitle = String.format(Locale.ROOT, "Cycle %s (%s to %s), %s; figures as of %s; %s grades; %d people.",
                sheet.cycleName(), sheet.startDate(), sheet.endDate(), sheet.state(), sheet.asOf(),
                sheet.projected() ? "projected" : "final", sheet.people().size());
        return TableFiles.pdf(fileName(sheet, "pdf"), title, subtitle, COLUMNS, rows, widths, numbers, false);
    }

    /** The rows after the header. Numbers stay numbers. */
    static List<List<Object>> table(Sheet sheet) {
        List<List<Object>> rows = new ArrayList<>();
        String basis = sheet.projected() ? "projected" : "final";
        for (Person p : sheet.people()) {
            if (p.items().isEmpty()) {
                List<Object> v = person(p);
                for (int c = v.size(); c < COLUMNS.size(); c++) {
                    v.add(null);
                }
                rows.add(v);
                continue;
            }
            for (Item i : p.items()) {
                List<Object> v = person(p);
                v.add(i.kind() == Kind.OBJECTIVE ? "Objective" : "Key result");
                v.add(i.key());
                v.add(i.title());
                v.add(i.unitPath());
                v.add(i.objectiveKey());
                v.add(i.progress());
                v.add(i.grade());
                v.add(i.band().name());
                v.add(i.overridden() ? basis + " (overridden)" : basis);
                v.add(i.latestCheckIn() == null ? null : i.latestCheckIn().toString());
                v.add(i.checkedIn() == null ? null : i.checkedIn() ? "yes" : "no");
                rows.add(v);
            }
        }
        return rows;
    }

    private static List<Object> person(Person p) {
        List<Object> v = new ArrayList<>();
        v.add(p.displayName());
        v.add(p.username());
        v.add(p.active() ? "yes" : "no");
        v.add(String.join("; ", p.roles().stream().map(PeopleOutcomes.Role::text).toList()));
        v.add(p.figures().objectives());
        v.add(p.figures().averageGrade());
        v.add(p.figures().keyResults());
        v.add(p.keyResultAverage());
        v.add(p.figures().checkInKeyResults());
        v.add(p.figures().checkedIn());
        v.add(p.figures().discipline());
        return v;
    }
}
