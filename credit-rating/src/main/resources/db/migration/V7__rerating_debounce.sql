-- Debounced re-rating: marked_at is when the household was last marked (facts, moral standing or
-- a loan changed). The rater claims a marked household only once its latest mark is older than
-- the quiet period (rating.debounce), so a burst of changes is rated once, after the last one.
ALTER TABLE household_facts ADD COLUMN marked_at TIMESTAMPTZ;
UPDATE household_facts SET marked_at = updated_at WHERE needs_rating;
DROP INDEX household_facts_pending;
CREATE INDEX household_facts_pending ON household_facts (marked_at) WHERE needs_rating;
