-- Lookups the notifier makes on every poll and delivery pass, and the rule that an update operation gets at most
-- one notification even when replicas race past their advisory locks.

CREATE UNIQUE INDEX receipt_uo_ref_key ON receipt (uo_ref);
CREATE INDEX notifier_update_operation_updater_idx ON notifier_update_operation (updater, ts DESC);
