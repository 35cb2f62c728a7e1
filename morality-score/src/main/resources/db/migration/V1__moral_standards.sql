-- The four standards of the moral bank (道德银行), each with its yearly points cap. The first cap
-- (36) is the Yuyao default; the others share the rest of 100 and are configurable per catalogue.
CREATE TABLE moral_standard (
    code        VARCHAR(40)  PRIMARY KEY,
    name_zh     VARCHAR(50)  NOT NULL,
    name_en     VARCHAR(100) NOT NULL,
    points_cap  INTEGER      NOT NULL CHECK (points_cap > 0),
    sort_order  SMALLINT     NOT NULL UNIQUE
);

INSERT INTO moral_standard (code, name_zh, name_en, points_cap, sort_order) VALUES
    ('LAW_AND_CIVILITY',     '遵纪守法·行为文明', 'Law-abiding and civil conduct',         36, 1),
    ('PUBLIC_SPIRIT',        '热心公益·支持发展', 'Public-spirited, supporting development', 22, 2),
    ('HONESTY_AND_INDUSTRY', '诚实守信·勤劳致富', 'Honest, hard-working and thriving',      22, 3),
    ('FAMILY_AND_NEIGHBOURS','家庭和睦·邻里团结', 'Harmonious family and neighbours',       20, 4);
