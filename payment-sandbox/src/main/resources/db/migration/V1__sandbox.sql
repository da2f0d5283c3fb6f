-- The sandbox's own records, as a provider keeps them: payments and the notifications owed to merchants.
CREATE TABLE sandbox_payment (
    id                 VARCHAR(40)  PRIMARY KEY,
    merchant_reference VARCHAR(100) NOT NULL,
    amount_cents       BIGINT       NOT NULL CHECK (amount_cents > 0),
    currency           CHAR(3)      NOT NULL,
    description        VARCHAR(200),
    payer_email        VARCHAR(254),
    return_url         TEXT         NOT NULL,
    notification_url   TEXT         NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    -- the only card data kept: what a receipt shows
    card_last4         CHAR(4),
    created_at         TIMESTAMPTZ  NOT NULL,
    expires_at         TIMESTAMPTZ  NOT NULL,
    completed_at       TIMESTAMPTZ
);
CREATE INDEX ix_sandbox_payment_reference ON sandbox_payment (merchant_reference);
CREATE INDEX ix_sandbox_payment_open ON sandbox_payment (expires_at) WHERE status = 'PENDING';

-- One row per delivery owed: a duplicate is a second row with the same event id.
CREATE TABLE sandbox_notification (
    id            BIGSERIAL    PRIMARY KEY,
    event_id      UUID         NOT NULL,
    payment_id    VARCHAR(40)  NOT NULL REFERENCES sandbox_payment (id),
    -- the payment's status when the event happened: a late PENDING still says PENDING
    status        VARCHAR(20)  NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    due_at        TIMESTAMPTZ  NOT NULL,
    attempts      INTEGER      NOT NULL DEFAULT 0,
    claimed_until TIMESTAMPTZ,
    delivered_at  TIMESTAMPTZ,
    gave_up_at    TIMESTAMPTZ,
    last_error    VARCHAR(500)
);
CREATE INDEX ix_sandbox_notification_due ON sandbox_notification (due_at)
    WHERE delivered_at IS NULL AND gave_up_at IS NULL;
