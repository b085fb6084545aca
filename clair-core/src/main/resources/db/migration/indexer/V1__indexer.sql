-- Indexer schema: manifests and layers, per-layer scan results (reused across images), index reports, and the
-- manifest index used to find which manifests a vulnerability affects.

CREATE TABLE manifest (
    id   BIGSERIAL PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE
);

CREATE TABLE layer (
    id   BIGSERIAL PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE
);

CREATE TABLE manifest_layer (
    manifest_id BIGINT  NOT NULL REFERENCES manifest (id) ON DELETE CASCADE,
    layer_id    BIGINT  NOT NULL REFERENCES layer (id) ON DELETE CASCADE,
    i           INTEGER NOT NULL,
    PRIMARY KEY (manifest_id, i)
);
CREATE INDEX manifest_layer_layer_idx ON manifest_layer (layer_id);

CREATE TABLE scanner (
    id      BIGSERIAL PRIMARY KEY,
    name    TEXT NOT NULL,
    version TEXT NOT NULL,
    kind    TEXT NOT NULL,
    UNIQUE (name, version, kind)
);

-- A row means: this scanner version has scanned this layer, and found what "artifacts" holds (a JSON array).
-- Indexing another image that shares the layer reuses it instead of downloading the layer again.
CREATE TABLE layer_scan (
    layer_id   BIGINT      NOT NULL REFERENCES layer (id) ON DELETE CASCADE,
    scanner_id BIGINT      NOT NULL REFERENCES scanner (id) ON DELETE CASCADE,
    artifacts  JSONB       NOT NULL,
    scanned_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (layer_id, scanner_id)
);

CREATE TABLE scanned_manifest (
    manifest_id BIGINT NOT NULL REFERENCES manifest (id) ON DELETE CASCADE,
    scanner_id  BIGINT NOT NULL REFERENCES scanner (id) ON DELETE CASCADE,
    PRIMARY KEY (manifest_id, scanner_id)
);

CREATE TABLE index_report (
    manifest_id BIGINT      PRIMARY KEY REFERENCES manifest (id) ON DELETE CASCADE,
    state       TEXT        NOT NULL,
    report      JSONB       NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per index record (package x distribution x repository) of a finished manifest, for reverse lookups.
CREATE TABLE manifest_index (
    manifest_id  BIGINT NOT NULL REFERENCES manifest (id) ON DELETE CASCADE,
    package_name TEXT   NOT NULL,
    source_name  TEXT   NOT NULL DEFAULT '',
    record       JSONB  NOT NULL
);
CREATE INDEX manifest_index_manifest_idx ON manifest_index (manifest_id);
CREATE INDEX manifest_index_package_idx ON manifest_index (package_name);
CREATE INDEX manifest_index_source_idx ON manifest_index (source_name);

-- Layers posted through the legacy /api/v1/layers API: a named layer on top of its parent chain.
CREATE TABLE legacy_layer (
    name        TEXT        PRIMARY KEY,
    parent_name TEXT        NOT NULL DEFAULT '',
    path        TEXT        NOT NULL,
    headers     JSONB       NOT NULL DEFAULT '{}',
    format      TEXT        NOT NULL DEFAULT 'Docker',
    layer       TEXT        NOT NULL,
    manifest    TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX legacy_layer_parent_idx ON legacy_layer (parent_name);
