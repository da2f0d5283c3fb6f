-- Accounts model: family files, guardians and their logins, staff members.
-- rm_* tables are read models (rebuildable from events); credential and account_link are not: they hold
-- password hashes, second-factor seeds and link tokens, which never enter the event store.

DROP TABLE IF EXISTS rm_family;

-- Family directory (projection "family-directory").
CREATE TABLE rm_family (
    family_id         UUID PRIMARY KEY,
    address_line1     VARCHAR(200) NOT NULL,
    address_line2     VARCHAR(200),
    postcode          CHAR(5)      NOT NULL,
    city              VARCHAR(100) NOT NULL,
    caf_number        CHAR(7),
    quotient_familial INTEGER,
    opened_at         TIMESTAMPTZ  NOT NULL,
    opened_by_role    VARCHAR(20)  NOT NULL
);

CREATE TABLE rm_guardian (
    guardian_id         UUID PRIMARY KEY,
    family_id           UUID         NOT NULL,
    origin              VARCHAR(10)  NOT NULL,
    status              VARCHAR(30)  NOT NULL,
    civility            VARCHAR(10),
    first_name          VARCHAR(100) NOT NULL,
    last_name           VARCHAR(100) NOT NULL,
    main_phone          VARCHAR(20)  NOT NULL,
    secondary_phone     VARCHAR(20),
    login_email         VARCHAR(254),
    notification_email  VARCHAR(254),
    secondary_email     VARCHAR(254),
    language            VARCHAR(2)   NOT NULL,
    newsletter_consent  BOOLEAN      NOT NULL,
    refusal_reason      TEXT,
    registered_at       TIMESTAMPTZ  NOT NULL,
    email_verified_at   TIMESTAMPTZ,
    activated_at        TIMESTAMPTZ,
    search_text         TEXT         NOT NULL
);
CREATE INDEX ix_rm_guardian_family ON rm_guardian (family_id);
CREATE INDEX ix_rm_guardian_status ON rm_guardian (status, registered_at);

CREATE TABLE rm_emergency_contact (
    contact_id           UUID PRIMARY KEY,
    family_id            UUID         NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    phone                VARCHAR(20)  NOT NULL,
    can_pick_up_children BOOLEAN      NOT NULL,
    position             INTEGER      NOT NULL
);
CREATE INDEX ix_rm_emergency_contact_family ON rm_emergency_contact (family_id, position);

CREATE TABLE rm_staff (
    staff_id       UUID PRIMARY KEY,
    email          VARCHAR(254) NOT NULL,
    first_name     VARCHAR(100) NOT NULL,
    last_name      VARCHAR(100) NOT NULL,
    role           VARCHAR(10)  NOT NULL,
    active         BOOLEAN      NOT NULL,
    second_factor  BOOLEAN      NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL
);

-- Logins (maintained in the same transaction as the commands, by a subscribing processor and the login services).
CREATE TABLE credential (
    user_id              UUID PRIMARY KEY,
    kind                 VARCHAR(10)  NOT NULL CHECK (kind IN ('PARENT', 'STAFF')),
    login_email          VARCHAR(254),
    password_hash        VARCHAR(255),
    family_id            UUID,
    role                 VARCHAR(10)  NOT NULL,
    status               VARCHAR(30)  NOT NULL,
    display_name         VARCHAR(210) NOT NULL,
    language             VARCHAR(2)   NOT NULL DEFAULT 'fr',
    totp_secret          TEXT,
    totp_enabled         BOOLEAN      NOT NULL DEFAULT false,
    recovery_codes       TEXT[]       NOT NULL DEFAULT '{}',
    totp_last_step       BIGINT,
    password_changed_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX ux_credential_login_email ON credential (login_email);

-- Requests confirmed by a single-use link (address verification, password reset, address change, invitation).
CREATE TABLE account_link (
    request_id  VARCHAR(64) PRIMARY KEY,
    user_id     UUID        NOT NULL,
    purpose     VARCHAR(30) NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ix_account_link_user ON account_link (user_id, purpose);

-- The tokens minted for a request (one per email sent): only their SHA-256 is kept.
CREATE TABLE account_link_token (
    token_hash  BYTEA PRIMARY KEY,
    request_id  VARCHAR(64) NOT NULL REFERENCES account_link (request_id) ON DELETE CASCADE,
    minted_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
