-- 整村授信: a lender taking a village's campaign list (a marketing list) is registered like a report
-- request, granted or refused, with the village (its 12-digit code) as the subject.
ALTER TABLE query_register DROP CONSTRAINT query_register_subject_type_check;
ALTER TABLE query_register ADD CONSTRAINT query_register_subject_type_check
    CHECK (subject_type IN ('HOUSEHOLD', 'FIRM', 'VILLAGE'));
