-- Who to write to, on which channel: the guardians of each family and the family's postal address, as
-- accounts-service publishes them on marelle.accounts. Written by the Kafka consumer (consumer group
-- notification-service) in the transaction that records the event in processed_message, in the order of the
-- family's events. Not fed by the event store: notification-service keeps no personal data in events beyond the
-- recipient of a queued message, so erasing a family is deleting its rows here.

CREATE TABLE directory_family (
    family_id     UUID PRIMARY KEY,
    address_line1 VARCHAR(200),
    address_line2 VARCHAR(200),
    postcode      VARCHAR(10),
    city          VARCHAR(100),
    updated_at    TIMESTAMPTZ  NOT NULL
);

-- notification_email NULL means "the login email" (the portal's default); phones are E.164.
CREATE TABLE directory_guardian (
    guardian_id        UUID PRIMARY KEY,
    family_id          UUID         NOT NULL,
    civility           VARCHAR(20),
    first_name         VARCHAR(100),
    last_name          VARCHAR(100),
    login_email        VARCHAR(254),
    notification_email VARCHAR(254),
    secondary_email    VARCHAR(254),
    main_phone         VARCHAR(20),
    secondary_phone    VARCHAR(20),
    language           VARCHAR(2)   NOT NULL DEFAULT 'fr',
    newsletter_consent BOOLEAN      NOT NULL DEFAULT FALSE,
    registered_at      TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_directory_guardian_family ON directory_guardian (family_id, registered_at);

-- A message to a staff member (an invitation to choose a password) belongs to no family.
ALTER TABLE rm_message ALTER COLUMN family_id DROP NOT NULL;
