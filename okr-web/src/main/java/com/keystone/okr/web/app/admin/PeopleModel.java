package com.keystone.okr.web.app.admin;

import com.keystone.okr.web.person.PersonService;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The people table, one page at a time: PersonService pages by username, PeopleCount sizes the pager. */
public class PeopleModel extends LazyDataModel<PersonRow> {

    private static final long serialVersionUID = 1L;

    private final PersonService people;
    private final PeopleCount counter;
    private String search;

    PeopleModel(PersonService people, PeopleCount counter) {
        this.people = people;
        this.counter = counter;
    }

    /** Only the people whose user name or name contains this (null or blank: everyone). */
    void search(String text) {
        this.search = text;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return counter.count(search);
    }

    @Override
    public List<PersonRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return people.page(first, pageSize, search).stream().map(p -> PersonRow.of(p, people.membershipsOf(p))).toList();
    }

    @Override
    public String getRowKey(PersonRow row) {
        return row.username();
    }

    @Override
    public PersonRow getRowData(String rowKey) {
        List<PersonRow> page = getWrappedData();
        return page == null ? null : page.stream().filter(r -> r.username().equals(rowKey)).findFirst().orElse(null);
    }
}
