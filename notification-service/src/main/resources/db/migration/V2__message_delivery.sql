-- Delivery outcome in the read model of outgoing messages (projection "message-history").
-- status: QUEUED, SENDING, RETRY_SCHEDULED, SENT, FAILED.
ALTER TABLE rm_message
    ADD COLUMN attempts        INTEGER      NOT NULL DEFAULT 0,
    ADD COLUMN status_code     VARCHAR(40),
    ADD COLUMN next_attempt_at TIMESTAMPTZ,
    ADD COLUMN sent_at         TIMESTAMPTZ,
    ADD COLUMN smtp_message_id VARCHAR(255);
CREATE INDEX ix_rm_message_failed ON rm_message (updated_at DESC) WHERE status = 'FAILED';

-- Emails waiting for a delivery attempt (processing group "email-delivery", never replayed: it feeds a side
-- effect). One row per message, from queued to sent or failed; a delivery worker claims a due row for a lease.
-- Not a read model: rebuilding the read models never touches it.
CREATE TABLE delivery_queue (
    message_id     UUID PRIMARY KEY,
    correlation_id TEXT,
    due_at         TIMESTAMPTZ  NOT NULL,
    claim_id       UUID,
    claimed_by     VARCHAR(200),
    claimed_until  TIMESTAMPTZ
);
CREATE INDEX ix_delivery_queue_due ON delivery_queue (due_at);
