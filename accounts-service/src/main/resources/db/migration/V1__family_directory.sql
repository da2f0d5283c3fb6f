-- Read model of the family directory (projection "family-directory").
CREATE TABLE rm_family (
    family_id        UUID PRIMARY KEY,
    guardian_id      UUID         NOT NULL,
    civility         VARCHAR(10),
    first_name       VARCHAR(100) NOT NULL,
    last_name        VARCHAR(100) NOT NULL,
    email            VARCHAR(254) NOT NULL,
    phone            VARCHAR(20)  NOT NULL,
    address_line1    VARCHAR(200) NOT NULL,
    address_line2    VARCHAR(200),
    postcode         CHAR(5)      NOT NULL,
    city             VARCHAR(100) NOT NULL,
    language         VARCHAR(2)   NOT NULL,
    opened_at        TIMESTAMPTZ  NOT NULL,
    opened_by_role   VARCHAR(20)  NOT NULL,
    search_text      TEXT         NOT NULL
);
CREATE INDEX ix_rm_family_last_name ON rm_family (lower(last_name));
