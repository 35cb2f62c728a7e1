-- The lenders' own lists: an institution's (or an official's township's) consents newest first, and an
-- officer's own report requests newest first, each read a page at a time.
CREATE INDEX consent_institution_recorded ON consent (institution, recorded_at DESC);
CREATE INDEX consent_division_recorded ON consent (on_behalf_division, recorded_at DESC)
    WHERE on_behalf_division IS NOT NULL;
CREATE INDEX query_register_username ON query_register (username, seq DESC);
