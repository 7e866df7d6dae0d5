-- Schema version 1. Dates are ISO-8601 text (yyyy-mm-dd); flags are 0/1 integers; codes upper-case.

CREATE TABLE authorities (
    la_code   INTEGER PRIMARY KEY,
    ons_code  TEXT NOT NULL,
    name      TEXT NOT NULL,
    region    TEXT NOT NULL,
    type      TEXT NOT NULL
);

CREATE TABLE statistical_neighbours (
    la_code        INTEGER NOT NULL,
    rank           INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 10),
    neighbour_code INTEGER NOT NULL,
    closeness      TEXT,
    PRIMARY KEY (la_code, rank)
);

-- Every submission attempt, accepted or not.
CREATE TABLE imports (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,            -- child-level | aggregate | published | neighbours
    la_code      INTEGER,
    year         INTEGER,
    imported_at  TEXT NOT NULL,            -- ISO-8601 UTC
    outcome      TEXT NOT NULL,            -- accepted | replaced | unchanged | rejected
    message      TEXT,
    content_hash TEXT                      -- SHA-256 over the sorted file checksums: identical resubmissions are detected by it
);

CREATE TABLE import_files (
    import_id  INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    file_name  TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    table_name TEXT,
    row_count  INTEGER NOT NULL,
    PRIMARY KEY (import_id, file_name, table_name)
);

-- The current child-level return for an authority and year; replacing it cascades to its rows.
CREATE TABLE submissions (
    id        INTEGER PRIMARY KEY,
    la_code   INTEGER NOT NULL,
    year      INTEGER NOT NULL,
    import_id INTEGER NOT NULL REFERENCES imports(id),
    UNIQUE (la_code, year)
);

CREATE TABLE children (
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    child   TEXT NOT NULL,
    sex     TEXT NOT NULL,
    dob     TEXT NOT NULL,
    ethnic  TEXT,
    upn     TEXT,
    mother  TEXT,
    mc_dob  TEXT,
    PRIMARY KEY (submission_id, child)
) WITHOUT ROWID;

CREATE TABLE episodes (
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    child    TEXT NOT NULL,
    decom    TEXT NOT NULL,
    rne      TEXT NOT NULL,
    ls       TEXT NOT NULL,
    cin      TEXT,
    place    TEXT,
    place_provider TEXT,
    dec      TEXT,
    rec      TEXT,
    reason_place_change TEXT,
    home_post TEXT,
    pl_post  TEXT,
    urn      TEXT
);
CREATE INDEX episodes_submission ON episodes(submission_id, child, decom);

CREATE TABLE oc1 (
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    child TEXT NOT NULL,
    dob   TEXT,
    qual_gcse_gnvq INTEGER,
    qual_5ac       INTEGER
);
CREATE INDEX oc1_submission ON oc1(submission_id);

CREATE TABLE oc2 (
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    child TEXT NOT NULL,
    dob   TEXT,
    sdq_score INTEGER,
    sdq_reason TEXT,
    convicted INTEGER,
    health_check INTEGER,
    immunisations INTEGER,
    teeth_check INTEGER,
    health_assessment INTEGER,
    substance_misuse INTEGER,
    intervention_received INTEGER,
    intervention_offered INTEGER
);
CREATE INDEX oc2_submission ON oc2(submission_id);

CREATE TABLE cpr (
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    child      TEXT NOT NULL,
    dob        TEXT,
    reg_date   TEXT NOT NULL,
    dereg_date TEXT,
    category   TEXT,
    prev_reg   INTEGER
);
CREATE INDEX cpr_submission ON cpr(submission_id);
CREATE INDEX cpr_child ON cpr(child, reg_date);

-- Other SSDA903 tables (UASC, OC3, AD1, PlacedAdoption, PrevPerm, Missing, Reviews): stored as JSON rows.
CREATE TABLE other_rows (
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    table_name TEXT NOT NULL,
    row_json   TEXT NOT NULL
);
CREATE INDEX other_rows_submission ON other_rows(submission_id);

-- Warnings of accepted submissions (errors reject, so they are never stored against a submission).
CREATE TABLE validation_messages (
    import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    la_code   INTEGER,
    year      INTEGER,
    file      TEXT NOT NULL,
    line      INTEGER NOT NULL,
    col       INTEGER NOT NULL,
    severity  TEXT NOT NULL,
    code      TEXT NOT NULL,
    message   TEXT NOT NULL
);
CREATE INDEX validation_messages_la ON validation_messages(la_code, year);

-- Aggregate figures: QP aggregate returns and DfE published statistics, per area.
-- level: la | regional | national. la_code set for la rows; area_code (ONS) for regional and national rows.
CREATE TABLE aggregate_figures (
    import_id   INTEGER NOT NULL REFERENCES imports(id),
    source      TEXT NOT NULL,             -- aggregate | published
    level       TEXT NOT NULL,
    la_code     INTEGER,
    area_code   TEXT,
    area_name   TEXT,
    year        INTEGER NOT NULL,
    indicator   TEXT NOT NULL,
    numerator   INTEGER,                   -- NULL = missing or suppressed, never 0
    denominator INTEGER,
    value       REAL,
    note        TEXT
);
CREATE UNIQUE INDEX aggregate_figures_key ON aggregate_figures(source, level, ifnull(la_code, -1), ifnull(area_code, ''), year, indicator);

-- Computed results: written by `qp compute` only; every renderer reads them.
CREATE TABLE results (
    indicator   TEXT NOT NULL,
    la_code     INTEGER NOT NULL,
    year        INTEGER NOT NULL,
    source      TEXT NOT NULL,
    numerator   INTEGER,
    denominator INTEGER,
    value       REAL,
    ci95_lower  REAL,
    ci95_upper  REAL,
    ci998_lower REAL,
    ci998_upper REAL,
    rank        INTEGER,
    rank_of     INTEGER,
    quartile_band TEXT,
    paf_band    INTEGER,
    vs_england  TEXT NOT NULL,
    sn_average  REAL,
    region_average REAL,
    type_average   REAL,
    change_pp   REAL,
    trend       TEXT NOT NULL,
    trend_chi2  REAL,
    target_value REAL,
    target_status TEXT NOT NULL,
    target_distance REAL,
    PRIMARY KEY (indicator, year, la_code)
) WITHOUT ROWID;

CREATE TABLE national_results (
    indicator   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    numerator   INTEGER NOT NULL,
    denominator INTEGER NOT NULL,
    value       REAL,
    published_value REAL,
    q1          REAL,
    median      REAL,
    q3          REAL,
    authorities INTEGER NOT NULL,
    target_value REAL,
    trend       TEXT NOT NULL,
    PRIMARY KEY (indicator, year)
) WITHOUT ROWID;

-- Where child-level and aggregate figures disagree for the same authority, year and indicator (child-level wins).
CREATE TABLE source_differences (
    indicator TEXT NOT NULL,
    la_code   INTEGER NOT NULL,
    year      INTEGER NOT NULL,
    child_numerator INTEGER, child_denominator INTEGER,
    other_source TEXT NOT NULL,
    other_numerator INTEGER, other_denominator INTEGER,
    PRIMARY KEY (indicator, year, la_code, other_source)
) WITHOUT ROWID;
