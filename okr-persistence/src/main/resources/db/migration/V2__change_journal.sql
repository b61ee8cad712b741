-- The change journal behind the live model (see ChangeJournal). One clock row whose version every
-- committing write transaction increments (its row lock orders the commits), and the rows each
-- version changed, so an instance brings its model up to date by reading what changed, never by
-- scanning tables.
create table model_clock (
    id      integer not null primary key,
    version bigint  not null
);
insert into model_clock (id, version) values (1, 0);

create table change_item (
    version   bigint      not null,
    kind      varchar(16) not null,
    entity_id bigint      not null
);
create index ix_change_item_version on change_item (version);
