-- Campaigns and division figures select the households under a county or township by the first 6
-- or 9 digits of the village code. Without statistics on those expressions the planner takes 0.5 %
-- of the rows to match, so a county's campaign batch (every household matches) was planned as a
-- scan and sort of the whole table instead of a walk along the primary key from the cursor.
CREATE STATISTICS household_facts_county ON (left(village_code, 6)) FROM household_facts;
CREATE STATISTICS household_facts_township ON (left(village_code, 9)) FROM household_facts;
ANALYZE household_facts;
