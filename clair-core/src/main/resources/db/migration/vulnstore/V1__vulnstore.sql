-- Vulnerability store shared by the updater (writer) and the matcher (reader). Each updater run is an immutable
-- update operation linked to content-hashed, de-duplicated vulnerability rows; the newest operation per updater is
-- what matching uses.

-- Ranges of claircore-style normalized versions (integer[10]); "@>" tests containment in SQL.
CREATE TYPE VersionRange AS RANGE (SUBTYPE = integer[]);

CREATE TABLE update_operation (
    id          BIGSERIAL PRIMARY KEY,
    ref         UUID        NOT NULL UNIQUE,
    updater     TEXT        NOT NULL,
    fingerprint TEXT        NOT NULL DEFAULT '',
    date        TIMESTAMPTZ NOT NULL DEFAULT now(),
    kind        TEXT        NOT NULL DEFAULT 'vulnerability'
);
CREATE INDEX update_operation_updater_idx ON update_operation (updater, id DESC);

-- Named "vulnerability" so that "SELECT COUNT(*) FROM Vulnerability" works as our users expect.
CREATE TABLE vulnerability (
    id                     BIGSERIAL PRIMARY KEY,
    hash                   BYTEA        NOT NULL UNIQUE,
    updater                TEXT         NOT NULL,
    name                   TEXT         NOT NULL,
    description            TEXT         NOT NULL DEFAULT '',
    issued                 TIMESTAMPTZ,
    links                  TEXT         NOT NULL DEFAULT '',
    severity               TEXT         NOT NULL DEFAULT '',
    normalized_severity    TEXT         NOT NULL DEFAULT 'Unknown',
    package_name           TEXT         NOT NULL,
    package_version        TEXT         NOT NULL DEFAULT '',
    package_module         TEXT         NOT NULL DEFAULT '',
    package_arch           TEXT         NOT NULL DEFAULT '',
    package_kind           TEXT         NOT NULL DEFAULT 'binary',
    dist_did               TEXT         NOT NULL DEFAULT '',
    dist_name              TEXT         NOT NULL DEFAULT '',
    dist_version           TEXT         NOT NULL DEFAULT '',
    dist_version_code_name TEXT         NOT NULL DEFAULT '',
    dist_version_id        TEXT         NOT NULL DEFAULT '',
    dist_arch              TEXT         NOT NULL DEFAULT '',
    dist_cpe               TEXT         NOT NULL DEFAULT '',
    dist_pretty_name       TEXT         NOT NULL DEFAULT '',
    repo_name              TEXT         NOT NULL DEFAULT '',
    repo_key               TEXT         NOT NULL DEFAULT '',
    repo_uri               TEXT         NOT NULL DEFAULT '',
    repo_cpe               TEXT         NOT NULL DEFAULT '',
    fixed_in_version       TEXT         NOT NULL DEFAULT '',
    arch_operation         TEXT         NOT NULL DEFAULT '',
    version_kind           TEXT         NOT NULL DEFAULT '',
    vulnerable_range       VersionRange NOT NULL DEFAULT 'empty',
    not_vulnerable         BOOLEAN      NOT NULL DEFAULT false
);
CREATE INDEX vulnerability_lookup_idx ON vulnerability (package_name, dist_did, dist_version_id, repo_name);
CREATE INDEX vulnerability_updater_idx ON vulnerability (updater);

CREATE TABLE uo_vuln (
    uo   BIGINT NOT NULL REFERENCES update_operation (id) ON DELETE CASCADE,
    vuln BIGINT NOT NULL REFERENCES vulnerability (id) ON DELETE CASCADE,
    PRIMARY KEY (uo, vuln)
);
CREATE INDEX uo_vuln_vuln_idx ON uo_vuln (vuln);

-- The operation matching uses for each updater; replaced in the same transaction that records a new operation.
CREATE TABLE latest_update_operation (
    updater TEXT   PRIMARY KEY,
    kind    TEXT   NOT NULL,
    uo      BIGINT NOT NULL REFERENCES update_operation (id) ON DELETE CASCADE
);
CREATE INDEX latest_update_operation_uo_idx ON latest_update_operation (uo);

CREATE TABLE updater_status (
    updater            TEXT        PRIMARY KEY,
    last_attempt       TIMESTAMPTZ,
    last_success       TIMESTAMPTZ,
    last_run_succeeded BOOLEAN,
    fingerprint        TEXT        NOT NULL DEFAULT '',
    last_error         TEXT        NOT NULL DEFAULT '',
    vulnerabilities    INTEGER     NOT NULL DEFAULT 0
);

CREATE TABLE enrichment (
    id      BIGSERIAL PRIMARY KEY,
    hash    BYTEA  NOT NULL UNIQUE,
    updater TEXT   NOT NULL,
    tags    TEXT[] NOT NULL,
    data    JSONB  NOT NULL
);
CREATE INDEX enrichment_tags_idx ON enrichment USING GIN (tags);

CREATE TABLE uo_enrich (
    uo     BIGINT NOT NULL REFERENCES update_operation (id) ON DELETE CASCADE,
    enrich BIGINT NOT NULL REFERENCES enrichment (id) ON DELETE CASCADE,
    PRIMARY KEY (uo, enrich)
);
CREATE INDEX uo_enrich_enrich_idx ON uo_enrich (enrich);
