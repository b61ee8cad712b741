-- Failed sign-ins, per account and per client address, shared by every instance (SignInThrottle):
-- how many in a row, the last one, and until when further attempts are refused.
create table sign_in_throttle (
    throttle_key varchar(200)             not null primary key,
    failures     integer                  not null,
    last_failure timestamp with time zone not null,
    locked_until timestamp with time zone
);
create index ix_sign_in_throttle_last on sign_in_throttle (last_failure);
