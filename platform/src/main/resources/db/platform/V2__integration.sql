-- Idempotent consumption of integration events: a row per (consumer, event id), written in the same
-- transaction as the effect of the event, so a record delivered twice has one effect.
CREATE TABLE processed_message (
    consumer     VARCHAR(100) NOT NULL,
    event_id     VARCHAR(255) NOT NULL,
    event_type   VARCHAR(255) NOT NULL,
    topic        VARCHAR(255) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
