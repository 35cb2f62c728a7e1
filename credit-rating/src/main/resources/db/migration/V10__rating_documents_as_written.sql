-- A rating's documents (vetoes, points per indicator, reasons, the inputs' dates) are written once
-- and read back whole; nothing queries inside them. As json they are kept as written and only
-- checked on the way in: parsing into jsonb cost 44 µs a rating (mostly the 1.9 kB of indicators),
-- the check 21 µs, which a campaign pays a million times.
ALTER TABLE household_rating
    ALTER COLUMN vetoes TYPE json USING vetoes::json,
    ALTER COLUMN indicators TYPE json USING indicators::json,
    ALTER COLUMN reasons TYPE json USING reasons::json,
    ALTER COLUMN inputs_as_of TYPE json USING inputs_as_of::json;
