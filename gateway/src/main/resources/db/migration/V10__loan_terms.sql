-- The loan's terms as lenders report them: yearly rate, whether it is unsecured (信用贷款, the
-- purpose of rating households) and the lender's product name. Null on loans reported before.
ALTER TABLE loan ADD COLUMN annual_rate NUMERIC(7, 5) CHECK (annual_rate > 0 AND annual_rate <= 0.36),
                 ADD COLUMN unsecured BOOLEAN,
                 ADD COLUMN product VARCHAR(100);
