-- A rating's four documents (about 2.5 kB together as written) take its row past PostgreSQL's TOAST
-- threshold, so every rating is compressed as it is stored. With the default pglz that cost about
-- 35 µs a row of a campaign's writes; lz4 does it in about half the time of the whole insert
-- for the same size on disk (bench/findings.md). Ratings stored before keep their pglz form and
-- read as before; PostgreSQL reads both.
ALTER TABLE household_rating
    ALTER COLUMN indicators SET COMPRESSION lz4,
    ALTER COLUMN reasons SET COMPRESSION lz4,
    ALTER COLUMN inputs_as_of SET COMPRESSION lz4,
    ALTER COLUMN vetoes SET COMPRESSION lz4;
