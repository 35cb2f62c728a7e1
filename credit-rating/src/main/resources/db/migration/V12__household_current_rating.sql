-- A household's current rating is its FINAL rating while that is valid (DESIGN §4: provisional →
-- final, valid one year), else its newest. The summary columns of household_facts held only the
-- newest, so a provisional re-rating after a campaign counted in division figures, grade
-- distributions and offers while /rating showed the FINAL one. Both are now kept side by side in a
-- narrow table of their own: a rating writes one short row here instead of rewriting the wide facts
-- row, and readers choose by the day (final_valid_until, inclusive). A daily pass clears a FINAL
-- rating whose year is over and announces the household's then current rating.
CREATE TABLE household_current_rating (
    household_id            UUID        PRIMARY KEY,
    newest_rating_id        UUID        NOT NULL,
    newest_grade            VARCHAR(10) NOT NULL,
    newest_credit_household BOOLEAN     NOT NULL,
    newest_points           INTEGER     NOT NULL,
    final_rating_id         UUID,
    final_grade             VARCHAR(10),
    final_credit_household  BOOLEAN,
    final_points            INTEGER,
    final_valid_until       DATE,
    CHECK ((final_rating_id IS NULL) = (final_valid_until IS NULL))
) WITH (fillfactor = 80);

INSERT INTO household_current_rating
SELECT f.household_id, f.current_rating_id, f.current_grade, f.current_credit_household, f.current_points,
       fin.id, fin.grade, fin.credit_household, fin.total_points, fin.valid_until
FROM household_facts f
LEFT JOIN LATERAL (SELECT r.id, r.grade, r.credit_household, r.total_points, r.valid_until
                   FROM household_rating r
                   WHERE r.household_id = f.household_id AND r.status = 'FINAL' AND r.valid_until IS NOT NULL
                   ORDER BY r.rated_at DESC, r.id DESC LIMIT 1) fin ON true
WHERE f.current_rating_id IS NOT NULL;

CREATE INDEX household_current_rating_final_until ON household_current_rating (final_valid_until)
    WHERE final_rating_id IS NOT NULL;

ALTER TABLE household_facts
    DROP COLUMN current_rating_id,
    DROP COLUMN current_grade,
    DROP COLUMN current_credit_household,
    DROP COLUMN current_points;

ANALYZE household_current_rating;
