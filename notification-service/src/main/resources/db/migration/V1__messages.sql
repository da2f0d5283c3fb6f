-- Read model of outgoing messages (projection "message-history").
CREATE TABLE rm_message (
    message_id      UUID PRIMARY KEY,
    family_id       UUID         NOT NULL,
    channel         VARCHAR(10)  NOT NULL,
    recipient       VARCHAR(254) NOT NULL,
    template        VARCHAR(60)  NOT NULL,
    language        VARCHAR(2)   NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    status_reason   TEXT,
    queued_at       TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_rm_message_family ON rm_message (family_id, queued_at DESC);
