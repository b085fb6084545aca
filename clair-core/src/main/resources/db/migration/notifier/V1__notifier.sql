-- Notifier schema: notifications created when a new update operation affects indexed manifests, their pages, and
-- delivery receipts.

CREATE TABLE notifier_update_operation (
    uo_ref  UUID        PRIMARY KEY,
    updater TEXT        NOT NULL,
    ts      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE notification (
    id         UUID        PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE notification_body (
    id              UUID  PRIMARY KEY,
    notification_id UUID  NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    body            JSONB NOT NULL
);
CREATE INDEX notification_body_page_idx ON notification_body (notification_id, id);

CREATE TABLE receipt (
    notification_id UUID        PRIMARY KEY REFERENCES notification (id) ON DELETE CASCADE,
    uo_ref          UUID        NOT NULL REFERENCES notifier_update_operation (uo_ref) ON DELETE CASCADE,
    status          TEXT        NOT NULL CHECK (status IN ('created', 'delivered', 'delivery_failed', 'deleted')),
    ts              TIMESTAMPTZ NOT NULL DEFAULT now(),
    details         JSONB       NOT NULL DEFAULT '{}'
);
CREATE INDEX receipt_status_idx ON receipt (status);
