-- The proposer's name as their account gives it (林国强), so the official's queue names a person,
-- not a login. Null for proposals made before it was kept, or by an account without a name.
ALTER TABLE proposal ADD COLUMN proposed_by_name VARCHAR(100);
