-- The change journal is pruned (ChangeJournal.prune): the rows of old versions go, and the clock
-- remembers the last version whose rows are gone, so that a model older than that reloads its
-- cycle instead of missing changes.
alter table model_clock add column pruned_through bigint default 0 not null;
