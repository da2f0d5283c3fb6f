CREATE TABLE rm_note (
    note_id VARCHAR(64) PRIMARY KEY,
    text    TEXT NOT NULL
);
CREATE TABLE rm_note_seen (
    id             BIGSERIAL PRIMARY KEY,
    note_id        VARCHAR(64) NOT NULL,
    event_id       VARCHAR(255) NOT NULL,
    correlation_id VARCHAR(255)
);
