-- Read models of wallet-service. Each rm_ table belongs to one processing group, whose reset handler truncates it.

-- processing group "wallet-view": the four figures of each wallet (screen 19) and its history
CREATE TABLE rm_wallet (
    family_id                   UUID        PRIMARY KEY,
    main_balance_cents          BIGINT      NOT NULL,
    cesu_balance_cents          BIGINT      NOT NULL,
    upcoming_main_cents         BIGINT      NOT NULL,
    upcoming_cesu_cents         BIGINT      NOT NULL,
    low_balance_threshold_cents BIGINT      NOT NULL,
    -- the wallet's event sequence number this row reflects: an older event never overwrites a newer state
    last_sequence               BIGINT      NOT NULL,
    updated_at                  TIMESTAMPTZ NOT NULL
);

CREATE TABLE rm_wallet_movement (
    movement_id        UUID        PRIMARY KEY,
    family_id          UUID        NOT NULL,
    sequence           BIGINT      NOT NULL,
    occurred_at        TIMESTAMPTZ NOT NULL,
    -- CHARGE, or the kind of credit: TOP_UP, CESU_CHEQUE, CASH, CHEQUE, REFUND, ADJUSTMENT
    kind               VARCHAR(20) NOT NULL,
    -- signed changes of each balance: a debit is negative
    main_cents         BIGINT      NOT NULL,
    cesu_cents         BIGINT      NOT NULL,
    main_balance_cents BIGINT      NOT NULL,
    cesu_balance_cents BIGINT      NOT NULL,
    reference          VARCHAR(100),
    issuer             VARCHAR(200),
    reason             VARCHAR(500),
    charge_id          VARCHAR(100),
    child_id           VARCHAR(100),
    service_id         VARCHAR(100),
    service_date       DATE,
    actor_id           VARCHAR(200),
    actor_role         VARCHAR(20),
    CONSTRAINT ux_rm_wallet_movement_sequence UNIQUE (family_id, sequence)
);

-- what is "à venir": the charges scheduled and not yet settled or released
CREATE TABLE rm_wallet_reservation (
    charge_id     VARCHAR(100) PRIMARY KEY,
    family_id     UUID         NOT NULL,
    child_id      VARCHAR(100),
    service_id    VARCHAR(100),
    service_date  DATE,
    amount_cents  BIGINT       NOT NULL,
    cesu_eligible BOOLEAN      NOT NULL
);
CREATE INDEX ix_rm_wallet_reservation_family ON rm_wallet_reservation (family_id, service_date);

-- processing group "payments-view": card payments, for the parent, staff and the reconciliation
CREATE TABLE rm_payment (
    payment_id         UUID         PRIMARY KEY,
    family_id          UUID         NOT NULL,
    amount_cents       BIGINT       NOT NULL,
    provider           VARCHAR(20)  NOT NULL,
    provider_reference VARCHAR(100),
    redirect_url       TEXT,
    status             VARCHAR(20)  NOT NULL,
    started_at         TIMESTAMPTZ  NOT NULL,
    expires_at         TIMESTAMPTZ,
    finished_at        TIMESTAMPTZ,
    outcome_source     VARCHAR(20),
    late               BOOLEAN      NOT NULL DEFAULT FALSE,
    detail             VARCHAR(500),
    last_sequence      BIGINT       NOT NULL
);
CREATE INDEX ix_rm_payment_family ON rm_payment (family_id, started_at DESC);
CREATE INDEX ix_rm_payment_open ON rm_payment (started_at) WHERE status IN ('STARTED', 'PENDING');
CREATE UNIQUE INDEX ux_rm_payment_reference ON rm_payment (provider, provider_reference);

-- Not read models: written by the reconciliation (when it last asked the provider about a payment), never reset.
CREATE TABLE payment_check (
    payment_id      UUID        PRIMARY KEY,
    last_checked_at TIMESTAMPTZ NOT NULL,
    checks          INTEGER     NOT NULL
);

-- Every notification a provider sent, with what became of it: auditors see the refused ones too.
CREATE TABLE payment_notification (
    id                 BIGSERIAL    PRIMARY KEY,
    received_at        TIMESTAMPTZ  NOT NULL,
    provider           VARCHAR(20)  NOT NULL,
    remote_address     VARCHAR(100),
    provider_reference VARCHAR(100),
    payment_id         UUID,
    verdict            VARCHAR(40)  NOT NULL,
    detail             VARCHAR(500)
);
CREATE INDEX ix_payment_notification_refused ON payment_notification (received_at DESC) WHERE verdict LIKE 'REFUSED%';

-- Directories fed from other contexts' public events (Kafka), in the consumer's transaction: names to say what a
-- movement paid for. Not event-sourced here; rebuilt from the topics, which keep their history (ADR 11).
CREATE TABLE directory_child (
    child_id   VARCHAR(100) PRIMARY KEY,
    family_id  VARCHAR(100) NOT NULL,
    first_name VARCHAR(100) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE directory_service (
    service_id VARCHAR(100) PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
