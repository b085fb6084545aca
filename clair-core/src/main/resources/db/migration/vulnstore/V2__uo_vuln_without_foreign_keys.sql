-- uo_vuln's foreign keys cost more than the rest of an update load: each of the million links of a large update
-- fired two per-row checks, and the check on vulnerability locked (so rewrote) every referenced row. The store keeps
-- the same integrity itself: deleting an update operation deletes its links in the same transaction (what ON DELETE
-- CASCADE did), and a vulnerability row is only ever deleted once no link refers to it.
ALTER TABLE uo_vuln DROP CONSTRAINT IF EXISTS uo_vuln_uo_fkey;
ALTER TABLE uo_vuln DROP CONSTRAINT IF EXISTS uo_vuln_vuln_fkey;
