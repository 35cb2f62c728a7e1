-- The household a household loan belongs to, as the registry names it: lending.loan.v1 carries it
-- so credit-rating can count the loan for the household's rating and its village's NPL ratio.
-- Null while the registry does not know the borrower (or could not be asked); found again on the
-- loan's next report.
ALTER TABLE loan ADD COLUMN household_id UUID;
