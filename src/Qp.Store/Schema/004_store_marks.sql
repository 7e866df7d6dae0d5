-- Facts about the store as a whole that every output must carry, e.g. that its returns were made by qp sample
-- (name 'synthetic'): each pack page and workbook sheet made from such a store then says SYNTHETIC.
CREATE TABLE store_marks (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
