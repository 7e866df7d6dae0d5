-- Reference data for the DfE's validation rules, each set replaced whole by `qp import` of a newer file.
-- The postcode directory is kept as one compressed blob (about 18 bytes a postcode before compression): it is read whole
-- into memory for validation, never queried postcode by postcode.
CREATE TABLE reference_postcodes (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    import_id INTEGER NOT NULL REFERENCES imports(id),
    postcodes INTEGER NOT NULL,
    data      BLOB NOT NULL
);

-- Ofsted's provider lists (children's homes, social care providers), one row per URN; codes joined by '/'.
CREATE TABLE reference_providers (
    urn        TEXT PRIMARY KEY,
    import_id  INTEGER NOT NULL REFERENCES imports(id),
    places     TEXT NOT NULL,
    providers  TEXT NOT NULL,
    registered TEXT,
    closed     TEXT,
    postcode   TEXT
);
