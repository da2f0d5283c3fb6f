-- SMS beside emails, the families' notification preferences, newsletters.

-- rm_message (projection "message-history"): the provider's reference of every sent message (the SMTP Message-ID of
-- an email, the SMS gateway's reference of an SMS), the time an SMS deferred to the morning leaves, and the
-- newsletter a message belongs to (for the progress of a sending).
ALTER TABLE rm_message
    ADD COLUMN provider_reference VARCHAR(255),
    ADD COLUMN not_before         TIMESTAMPTZ,
    ADD COLUMN newsletter_id      UUID;
UPDATE rm_message SET provider_reference = smtp_message_id WHERE smtp_message_id IS NOT NULL;
CREATE INDEX ix_rm_message_newsletter ON rm_message (newsletter_id, status) WHERE newsletter_id IS NOT NULL;

-- The kinds each family chose channels for (projection "notification-preferences"); a kind without a row gets its
-- defaults.
CREATE TABLE rm_notification_preferences (
    family_id  UUID        NOT NULL,
    kind       VARCHAR(40) NOT NULL,
    email      BOOLEAN     NOT NULL,
    sms        BOOLEAN     NOT NULL,
    via        VARCHAR(20) NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (family_id, kind)
);

-- Names a message needs besides the recipient's: children's first names (children-service's ChildRegistered and
-- ChildDetailsUpdated) and services' names (planning-service's ServiceChanged), written by the Kafka consumer like
-- the recipient directory; a family's rows go with it on erasure.
CREATE TABLE directory_child (
    child_id   UUID PRIMARY KEY,
    family_id  UUID         NOT NULL,
    first_name VARCHAR(100),
    updated_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_directory_child_family ON directory_child (family_id);

CREATE TABLE directory_service (
    service_id VARCHAR(100) PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

-- Newsletters as staff see them (projection "newsletters").
CREATE TABLE rm_newsletter (
    newsletter_id UUID PRIMARY KEY,
    subject       VARCHAR(200) NOT NULL,
    body          TEXT         NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    written_by    VARCHAR(200),
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    sent_at       TIMESTAMPTZ,
    audience      INTEGER
);
CREATE INDEX ix_rm_newsletter_created ON rm_newsletter (created_at DESC);

-- The guardians a newsletter goes to, chosen when it is sent (processing group "newsletter-audience", never
-- replayed), each turned into a queued email by the newsletter dispatcher in small batches. No address here: the
-- dispatcher reads it from the directory at that moment, so a consent withdrawn meanwhile is respected.
CREATE TABLE newsletter_recipient (
    newsletter_id UUID        NOT NULL,
    guardian_id   UUID        NOT NULL,
    family_id     UUID        NOT NULL,
    queued_at     TIMESTAMPTZ,
    skipped       VARCHAR(40),
    PRIMARY KEY (newsletter_id, guardian_id)
);
CREATE INDEX ix_newsletter_recipient_pending ON newsletter_recipient (newsletter_id) WHERE queued_at IS NULL;

-- Unsubscribe links of newsletter emails: only a hash of each token is kept (the token is in the email only).
CREATE TABLE newsletter_unsubscribe_token (
    token_hash BYTEA PRIMARY KEY,
    family_id  UUID        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_newsletter_unsubscribe_family ON newsletter_unsubscribe_token (family_id);
