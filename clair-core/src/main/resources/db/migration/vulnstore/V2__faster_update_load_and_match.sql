-- uo_vuln's foreign keys cost more than the rest of an update load: each of the million links of a large update
-- fired two per-row checks, and the check on vulnerability locked (so rewrote) every referenced row. The store keeps
-- the same integrity itself: deleting an update operation deletes its links in the same transaction (what ON DELETE
-- CASCADE did), and a vulnerability row is only ever deleted once no link refers to it.
ALTER TABLE uo_vuln DROP CONSTRAINT IF EXISTS uo_vuln_uo_fkey;
ALTER TABLE uo_vuln DROP CONSTRAINT IF EXISTS uo_vuln_vuln_fkey;

-- The match query's index: every column a matcher constrains on, after the package name, so that candidates of other
-- releases and distributions are passed over in the index instead of being fetched from the table and filtered.
-- It replaces vulnerability_lookup_idx, whose columns it starts with or contains.
CREATE INDEX vulnerability_match_idx ON vulnerability (package_name, package_kind, dist_did, dist_name,
    dist_version_id, dist_version, dist_pretty_name, repo_name);
DROP INDEX IF EXISTS vulnerability_lookup_idx;
