-- The town's identity as staff set it in the console: name, contact, colours, logo, legal texts. Each change adds a
-- version (who, when); the latest is the one in use, and the history is kept.
CREATE TABLE town_identity (
    version        BIGSERIAL PRIMARY KEY,
    name           VARCHAR(80)  NOT NULL,
    contact_email  VARCHAR(254) NOT NULL,
    primary_colour CHAR(7)      NOT NULL,
    dark_colour    CHAR(7)      NOT NULL,
    logo           BYTEA,
    logo_type      VARCHAR(20),
    legal_notice   TEXT         NOT NULL,
    privacy_notice TEXT         NOT NULL,
    changed_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    changed_by     VARCHAR(64)  NOT NULL,
    changed_by_name VARCHAR(200) NOT NULL
);
