-- Keystone schema, version 1. One script for H2 (in PostgreSQL mode) and PostgreSQL.
-- Sequences step by 50 to match the entities' allocationSize, so imports insert in batches.

create sequence org_unit_seq start with 1 increment by 50;
create sequence person_seq start with 1 increment by 50;
create sequence membership_seq start with 1 increment by 50;
create sequence cycle_seq start with 1 increment by 50;
create sequence kpi_seq start with 1 increment by 50;
create sequence measurement_seq start with 1 increment by 50;
create sequence objective_seq start with 1 increment by 50;
create sequence key_result_seq start with 1 increment by 50;
create sequence check_in_seq start with 1 increment by 50;
create sequence audit_entry_seq start with 1 increment by 50;

create table org_unit (
    id        bigint        not null primary key,
    version   bigint        not null,
    name      varchar(100)  not null,
    path      varchar(1000) not null,
    depth     integer       not null,
    parent_id bigint references org_unit (id),
    archived  boolean       not null default false,
    constraint uk_org_unit_path unique (path)
);
create index ix_org_unit_parent on org_unit (parent_id);

create table person (
    id            bigint       not null primary key,
    version       bigint       not null,
    username      varchar(64)  not null,
    display_name  varchar(200) not null,
    email         varchar(200),
    password_hash varchar(400),
    active        boolean      not null default true,
    constraint uk_person_username unique (username)
);

create table person_role (
    person_id bigint      not null references person (id),
    role      varchar(16) not null,
    primary key (person_id, role)
);

create table membership (
    id        bigint      not null primary key,
    person_id bigint      not null references person (id),
    unit_id   bigint      not null references org_unit (id),
    role      varchar(16) not null,
    constraint uk_membership unique (person_id, unit_id)
);
create index ix_membership_unit on membership (unit_id);

create table cycle (
    id         bigint      not null primary key,
    version    bigint      not null,
    name       varchar(40) not null,
    start_date date        not null,
    end_date   date        not null,
    state      varchar(16) not null,
    closed_at  timestamp with time zone,
    constraint uk_cycle_name unique (name),
    constraint ck_cycle_dates check (end_date >= start_date)
);

create table kpi (
    id               bigint         not null primary key,
    version          bigint         not null,
    kpi_key          varchar(64)    not null,
    name             varchar(200)   not null,
    unit_id          bigint         not null references org_unit (id),
    owner_id         bigint references person (id),
    unit_of_measure  varchar(40),
    direction        varchar(20)    not null,
    kind             varchar(10)    not null,
    target           numeric(30, 10) not null,
    warning          numeric(30, 10) not null,
    time_aggregation varchar(10)    not null,
    unit_aggregation varchar(10),
    numerator_id     bigint references kpi (id),
    denominator_id   bigint references kpi (id),
    constraint uk_kpi_key unique (kpi_key)
);
create index ix_kpi_unit on kpi (unit_id);

create table kpi_child (
    parent_id bigint not null references kpi (id),
    child_id  bigint not null references kpi (id),
    primary key (parent_id, child_id)
);

create table measurement (
    id             bigint          not null primary key,
    version        bigint          not null,
    kpi_id         bigint          not null references kpi (id),
    measured_on    date            not null,
    measured_value numeric(30, 10) not null,
    recorded_at    timestamp with time zone not null,
    recorded_by    varchar(64),
    constraint uk_measurement unique (kpi_id, measured_on)
);

create table objective (
    id                    bigint         not null primary key,
    version               bigint         not null,
    cycle_id              bigint         not null references cycle (id),
    objective_key         varchar(64)    not null,
    title                 varchar(300)   not null,
    description           varchar(4000),
    unit_id               bigint         not null references org_unit (id),
    owner_id              bigint references person (id),
    weight                numeric(19, 6) not null,
    parent_id             bigint references objective (id),
    grade                 numeric(2, 1),
    grade_override        numeric(2, 1),
    grade_override_reason varchar(1000),
    grade_override_by     varchar(64),
    grade_override_at     timestamp with time zone,
    constraint uk_objective_key unique (cycle_id, objective_key)
);
create index ix_objective_unit on objective (unit_id);
create index ix_objective_parent on objective (parent_id);

create table key_result (
    id                    bigint          not null primary key,
    version               bigint          not null,
    cycle_id              bigint          not null references cycle (id),
    objective_id          bigint          not null references objective (id),
    kr_key                varchar(64)     not null,
    title                 varchar(300)    not null,
    kr_type               varchar(16)     not null,
    start_value           numeric(30, 10) not null,
    target_value          numeric(30, 10) not null,
    weight                numeric(19, 6)  not null,
    owner_id              bigint references person (id),
    kpi_id                bigint references kpi (id),
    grade                 numeric(2, 1),
    grade_override        numeric(2, 1),
    grade_override_reason varchar(1000),
    grade_override_by     varchar(64),
    grade_override_at     timestamp with time zone,
    constraint uk_key_result_key unique (cycle_id, kr_key)
);
create index ix_key_result_objective on key_result (objective_id);
create index ix_key_result_kpi on key_result (kpi_id);

create table check_in (
    id             bigint          not null primary key,
    key_result_id  bigint          not null references key_result (id),
    effective_date date            not null,
    checkin_value  numeric(30, 10) not null,
    confidence     integer,
    comment_text   varchar(2000),
    author         varchar(64),
    recorded_at    timestamp with time zone not null,
    constraint ck_check_in_confidence check (confidence is null or confidence between 1 and 10)
);
create index ix_check_in_kr_date on check_in (key_result_id, effective_date);

create table audit_entry (
    id           bigint       not null primary key,
    occurred_at  timestamp with time zone not null,
    actor        varchar(64),
    action       varchar(40)  not null,
    subject_type varchar(40)  not null,
    subject_key  varchar(200) not null,
    old_value    varchar(2000),
    new_value    varchar(2000),
    reason       varchar(2000)
);
create index ix_audit_subject on audit_entry (subject_type, subject_key);
create index ix_audit_time on audit_entry (occurred_at);
