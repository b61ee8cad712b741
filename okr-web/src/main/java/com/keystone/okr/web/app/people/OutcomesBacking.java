package com.keystone.okr.web.app.people;

import com.keystone.okr.web.report.PeopleExports;
import com.keystone.okr.web.report.PeopleOutcomes.Person;
import com.keystone.okr.web.report.PeopleOutcomes.Sheet;
import com.keystone.okr.web.report.PeopleOutcomesService;
import com.keystone.okr.web.report.PeopleOutcomesService.Query;
import com.keystone.okr.web.report.TableFiles.Export;
import com.keystone.okr.web.report.UnitSearch;
import com.keystone.okr.web.ui.Downloads;
import com.keystone.okr.web.ui.ViewContext;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Outcomes by person for HR and administrators: the people of the session's cycle, filtered by
 * name and by unit (and the units below it, unless asked otherwise), one page at a time from
 * {@link PeopleOutcomesService}, each with what they own; and the filtered list as Excel, PDF or
 * CSV. Everyone else sees the not-allowed panel; the exports check again.
 */
@Named
@ViewScoped
public class OutcomesBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    @Inject
    PeopleOutcomesService outcomes;
    @Inject
    UnitSearch units;
    @Inject
    ViewContext context;

    private boolean allowed;
    private PeopleOutcomesService.Basis basis;
    private String name;
    private String unit;
    private boolean below = true;
    private final Rows rows = new Rows();

    @PostConstruct
    void load() {
        allowed = outcomes.isAllowed();
        if (allowed && context.getCycle() != null) {
            basis = outcomes.basis(context.getCycle(), context.getAsOf());
        }
    }

    /** The review date and whether grades are projected; null without a cycle or when not allowed. */
    public PeopleOutcomesService.Basis getBasis() {
        return basis;
    }

    /** The table's rows: one page of the filtered people per request. */
    final class Rows extends LazyDataModel<Person> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return outcomes.count(query());
        }

        @Override
        public List<Person> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            PeopleOutcomesService.Page page = outcomes.page(context.getCycle(), context.getAsOf(), query(), first, pageSize);
            setRowCount(page.total());
            return page.rows();
        }

        @Override
        public String getRowKey(Person p) {
            return p.username();
        }

        @Override
        public Person getRowData(String rowKey) {
            List<Person> page = getWrappedData();
            return page == null ? null : page.stream().filter(p -> p.username().equals(rowKey)).findFirst().orElse(null);
        }
    }

    private Query query() {
        return new Query(name, unit, below);
    }

    public boolean isAllowed() {
        return allowed;
    }

    public boolean isCycleThere() {
        return context.getCycle() != null;
    }

    public LazyDataModel<Person> getRows() {
        return rows;
    }

    /** The unit picker: unit paths containing what was typed. */
    public List<String> completeUnit(String text) {
        return units.matching(context.getCycle(), context.getAsOf(), text);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null || name.isBlank() ? null : name.strip();
    }

    public String getUnit() {
        return unit;
    }

    /** An unknown or blank path clears the unit filter. */
    public void setUnit(String unit) {
        String path = unit == null || unit.isBlank() ? null : unit.strip();
        this.unit = path != null && units.exists(context.getCycle(), context.getAsOf(), path) ? path : null;
    }

    public boolean isBelow() {
        return below;
    }

    public void setBelow(boolean below) {
        this.below = below;
    }

    public void exportXlsx() throws IOException {
        send(PeopleExports::xlsx);
    }

    public void exportPdf() throws IOException {
        send(PeopleExports::pdf);
    }

    public void exportCsv() throws IOException {
        send(PeopleExports::csv);
    }

    /** Writes the file of the filtered people as the response to the (non-Ajax) POST; a refusal stays on the page. */
    private void send(Function<Sheet, Export> format) throws IOException {
        Downloads.send("people outcomes", () -> format.apply(outcomes.sheet(context.getCycle(), context.getAsOf(), query())));
    }

}
