-- A password set by an administrator (at creation, by a reset, or for a person a people import
-- created without one) is temporary: its owner must change it before using anything else
-- (KeystoneAuthentication). Changing one's own password clears the flag.
alter table person add column password_temporary boolean default false not null;
