-- Billing model. Three kinds of tables:
--  * write-side guards, written in the same transaction as the commands they guard (never rebuilt from events):
--    document numbers without gaps, which submission became which order, which charge is on which invoice;
--  * reference data learnt from other contexts' Kafka topics (ref_*), written in the consumer's transaction;
--  * read models (rm_*, invoice_document), each owned by one processing group and rebuilt by replaying it.

-- Document numbers: one row per kind (FAC invoices, AV credit notes, CMD orders) and year. Incremented by an
-- UPDATE in the issuing transaction, so the row stays locked until commit and a rollback gives the number back:
-- invoice and credit-note numbers have no gap and no duplicate.
CREATE TABLE document_counter (
    kind        VARCHAR(8) NOT NULL,
    year        INTEGER    NOT NULL,
    last_number BIGINT     NOT NULL,
    PRIMARY KEY (kind, year)
);

-- One order per planning submission.
CREATE TABLE order_claim (
    submission_id VARCHAR(64) PRIMARY KEY,
    order_id      UUID        NOT NULL UNIQUE,
    number        VARCHAR(32) NOT NULL
);

-- One invoice per family and period; a charge is on one invoice at most.
CREATE TABLE invoice_claim (
    family_id    VARCHAR(64) NOT NULL,
    period_start DATE        NOT NULL,
    invoice_id   UUID        NOT NULL UNIQUE,
    PRIMARY KEY (family_id, period_start)
);
CREATE TABLE invoiced_charge (
    charge_id  UUID PRIMARY KEY,
    invoice_id UUID NOT NULL
);
CREATE INDEX ix_invoiced_charge_invoice ON invoiced_charge (invoice_id);

-- Month-end runs started by staff.
CREATE TABLE invoice_run (
    run_id          UUID PRIMARY KEY,
    period_start    DATE         NOT NULL,
    status          VARCHAR(12)  NOT NULL,
    requested_by    VARCHAR(120) NOT NULL,
    requested_role  VARCHAR(20)  NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ,
    families        INTEGER      NOT NULL DEFAULT 0,
    issued          INTEGER      NOT NULL DEFAULT 0,
    skipped         INTEGER      NOT NULL DEFAULT 0,
    failed          INTEGER      NOT NULL DEFAULT 0,
    total_cents     BIGINT       NOT NULL DEFAULT 0,
    last_error      TEXT
);
CREATE UNIQUE INDEX ux_invoice_run_running ON invoice_run (period_start) WHERE status = 'RUNNING';

-- Reference data from other contexts (Kafka), kept in the consumer's transaction.
CREATE TABLE ref_service (
    service_id  VARCHAR(64) PRIMARY KEY,
    code        VARCHAR(64),
    name        VARCHAR(200) NOT NULL,
    cesu_class  VARCHAR(20)  NOT NULL,
    unit        VARCHAR(20),
    active      BOOLEAN      NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
CREATE TABLE ref_child (
    child_id   VARCHAR(64) PRIMARY KEY,
    family_id  VARCHAR(64) NOT NULL,
    first_name VARCHAR(100),
    last_name  VARCHAR(100),
    birth_date DATE,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_ref_child_family ON ref_child (family_id);
CREATE TABLE ref_family (
    family_id     VARCHAR(64) PRIMARY KEY,
    address_line1 VARCHAR(200),
    address_line2 VARCHAR(200),
    postcode      VARCHAR(10),
    city          VARCHAR(100),
    declared_qf   INTEGER,
    caf_number    VARCHAR(10),
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE TABLE ref_guardian (
    guardian_id   VARCHAR(64) PRIMARY KEY,
    family_id     VARCHAR(64) NOT NULL,
    civility      VARCHAR(10),
    first_name    VARCHAR(100),
    last_name     VARCHAR(100),
    registered_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_ref_guardian_family ON ref_guardian (family_id);
CREATE TABLE ref_qf_attestation (
    family_id         VARCHAR(64) NOT NULL,
    document_id       VARCHAR(64) NOT NULL,
    quotient_familial INTEGER     NOT NULL,
    valid_from        DATE        NOT NULL,
    valid_until       DATE        NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (family_id, document_id)
);

-- Read model "tariffs".
CREATE TABLE rm_tariff_grid (
    service_id               VARCHAR(64) NOT NULL,
    effective_from           DATE        NOT NULL,
    brackets                 TEXT        NOT NULL,
    unbooked_surcharge_cents BIGINT      NOT NULL,
    published_at             TIMESTAMPTZ NOT NULL,
    published_by             VARCHAR(120),
    PRIMARY KEY (service_id, effective_from)
);

-- Read model "ledger": orders, their lines, and every charge with its state.
CREATE TABLE rm_order (
    order_id      UUID PRIMARY KEY,
    number        VARCHAR(32) NOT NULL,
    family_id     VARCHAR(64) NOT NULL,
    submission_id VARCHAR(64) NOT NULL,
    placed_at     TIMESTAMPTZ NOT NULL,
    total_cents   BIGINT      NOT NULL,
    booked_lines  INTEGER     NOT NULL,
    waitlisted_lines INTEGER  NOT NULL
);
CREATE INDEX ix_rm_order_family ON rm_order (family_id, placed_at DESC);
CREATE TABLE rm_order_line (
    order_id         UUID        NOT NULL,
    position         INTEGER     NOT NULL,
    booking_id       VARCHAR(64) NOT NULL,
    charge_id        UUID        NOT NULL,
    child_id         VARCHAR(64) NOT NULL,
    service_id       VARCHAR(64) NOT NULL,
    charge_date      DATE        NOT NULL,
    outcome          VARCHAR(12) NOT NULL,
    unit_price_cents BIGINT,
    quantity         INTEGER     NOT NULL,
    amount_cents     BIGINT,
    PRIMARY KEY (order_id, position)
);
CREATE TABLE rm_charge (
    charge_id        UUID PRIMARY KEY,
    family_id        VARCHAR(64) NOT NULL,
    booking_id       VARCHAR(64),
    child_id         VARCHAR(64) NOT NULL,
    service_id       VARCHAR(64) NOT NULL,
    charge_date      DATE        NOT NULL,
    kind             VARCHAR(10) NOT NULL,
    unit_price_cents BIGINT      NOT NULL,
    surcharge_cents  BIGINT      NOT NULL,
    quantity         INTEGER     NOT NULL,
    amount_cents     BIGINT      NOT NULL,
    cesu_eligible    BOOLEAN     NOT NULL,
    quotient_familial INTEGER,
    order_id         UUID,
    state            VARCHAR(10) NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_rm_charge_family ON rm_charge (family_id, charge_date);
CREATE INDEX ix_rm_charge_settled ON rm_charge (charge_date, family_id) WHERE state = 'SETTLED';

-- Read model "invoices".
CREATE TABLE rm_invoice (
    invoice_id     UUID PRIMARY KEY,
    number         VARCHAR(32) NOT NULL UNIQUE,
    family_id      VARCHAR(64) NOT NULL,
    period_start   DATE        NOT NULL,
    period_end     DATE        NOT NULL,
    total_cents    BIGINT      NOT NULL,
    credited_cents BIGINT      NOT NULL DEFAULT 0,
    billed_to      VARCHAR(250) NOT NULL,
    issued_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_rm_invoice_family ON rm_invoice (family_id, issued_at DESC);
CREATE TABLE rm_invoice_line (
    invoice_id       UUID         NOT NULL,
    line_index       INTEGER      NOT NULL,
    child_name       VARCHAR(200) NOT NULL,
    service_name     VARCHAR(200) NOT NULL,
    kind             VARCHAR(10)  NOT NULL,
    unit_price_cents BIGINT       NOT NULL,
    quantity         INTEGER      NOT NULL,
    amount_cents     BIGINT       NOT NULL,
    credited_quantity INTEGER     NOT NULL DEFAULT 0,
    dates            TEXT         NOT NULL,
    PRIMARY KEY (invoice_id, line_index)
);
CREATE TABLE rm_credit_note (
    credit_note_id UUID PRIMARY KEY,
    number         VARCHAR(32)  NOT NULL UNIQUE,
    invoice_id     UUID         NOT NULL,
    family_id      VARCHAR(64)  NOT NULL,
    total_cents    BIGINT       NOT NULL,
    reason         VARCHAR(500) NOT NULL,
    issued_at      TIMESTAMPTZ  NOT NULL,
    issued_by      VARCHAR(120)
);
CREATE INDEX ix_rm_credit_note_invoice ON rm_credit_note (invoice_id);

-- Read model "documents": each invoice's and credit note's PDF, rendered once from its event (deterministic, so a
-- rebuild gives the same bytes).
CREATE TABLE invoice_document (
    document_id UUID PRIMARY KEY,
    kind        VARCHAR(12) NOT NULL,
    family_id   VARCHAR(64) NOT NULL,
    number      VARCHAR(32) NOT NULL,
    pdf         BYTEA       NOT NULL,
    sha256      CHAR(64)    NOT NULL,
    rendered_at TIMESTAMPTZ NOT NULL
);
