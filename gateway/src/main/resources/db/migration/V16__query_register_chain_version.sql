-- The query register's chain version: the form an entry is hashed with. Entries written so far were
-- hashed with the register's own form (1); the gateway writes new entries in the platform's shared
-- form (2), naming it on every insert. The default stays 1 so that a replica still on the old code
-- during a rolling update writes entries tagged with the form it actually used. Adding a column with
-- a constant default rewrites no row, so the append-only trigger is not involved.
ALTER TABLE query_register ADD COLUMN chain_version INTEGER NOT NULL DEFAULT 1 CHECK (chain_version IN (1, 2));
