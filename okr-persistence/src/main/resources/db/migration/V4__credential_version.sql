-- A person's credential version moves on each time their password is set (changed or reset), so
-- that web sessions signed in with an older password end (KeystoneAuthentication); upgrading a
-- hash to more iterations at a sign-in leaves it alone.
alter table person add column credential_version integer default 0 not null;
