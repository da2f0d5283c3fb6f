-- School calendar (projection "calendar").
CREATE TABLE rm_school_year (
    label       VARCHAR(9) PRIMARY KEY,
    zone        VARCHAR(2)   NOT NULL,
    first_day   DATE         NOT NULL,
    last_day    DATE         NOT NULL,
    source      VARCHAR(300) NOT NULL,
    imported_at TIMESTAMPTZ  NOT NULL
);
CREATE TABLE rm_school_holiday (
    label     VARCHAR(9)   NOT NULL,
    name      VARCHAR(200) NOT NULL,
    first_day DATE         NOT NULL,
    last_day  DATE         NOT NULL,
    PRIMARY KEY (label, first_day)
);
CREATE TABLE rm_public_holiday (
    day  DATE PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);
-- bumped by the projection at every change, so that readers reload their in-memory calendar
CREATE TABLE rm_calendar_version (version BIGINT NOT NULL);
INSERT INTO rm_calendar_version VALUES (0);

-- Service catalogue (projection "catalogue").
CREATE TABLE rm_service (
    service_id              VARCHAR(40) PRIMARY KEY,
    code                    VARCHAR(40)  NOT NULL UNIQUE,
    name                    VARCHAR(100) NOT NULL,
    definition              JSONB        NOT NULL,
    active                  BOOLEAN      NOT NULL,
    house_rules_document_id UUID,
    house_rules_file_name   VARCHAR(200),
    opened_at               TIMESTAMPTZ  NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL
);
CREATE TABLE rm_catalogue_version (version BIGINT NOT NULL);
INSERT INTO rm_catalogue_version VALUES (0);

-- Files (house rules, medical certificates): written by the API, named by events.
CREATE TABLE planning_document (
    document_id  UUID PRIMARY KEY,
    kind         VARCHAR(20)  NOT NULL,
    family_id    UUID,
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   INT          NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      BYTEA        NOT NULL,
    uploaded_at  TIMESTAMPTZ  NOT NULL,
    uploaded_by  VARCHAR(100) NOT NULL
);

-- What planning knows of children and families, from children-service's and accounts-service's events (ADR 0011).
CREATE TABLE dir_child (
    child_id          UUID PRIMARY KEY,
    family_id         UUID         NOT NULL,
    first_name        VARCHAR(100) NOT NULL,
    last_name         VARCHAR(100) NOT NULL,
    birth_date        DATE,
    school_id         UUID,
    class_id          UUID,
    archived          BOOLEAN      NOT NULL DEFAULT false,
    satisfied         TEXT[]       NOT NULL DEFAULT '{}',
    missing           TEXT[]       NOT NULL DEFAULT '{}',
    requirements_year VARCHAR(9),
    updated_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_dir_child_family ON dir_child (family_id);
CREATE TABLE dir_school (
    school_id UUID PRIMARY KEY,
    name      VARCHAR(200) NOT NULL,
    kind      VARCHAR(20),
    min_age   INT          NOT NULL,
    max_age   INT          NOT NULL,
    active    BOOLEAN      NOT NULL
);
CREATE TABLE dir_family (
    family_id           UUID PRIMARY KEY,
    guardian_first_name VARCHAR(100),
    guardian_last_name  VARCHAR(100)
);
CREATE TABLE dir_pickup_person (
    family_id   UUID         NOT NULL,
    contact_id  VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    phone       VARCHAR(20)  NOT NULL,
    can_pick_up BOOLEAN      NOT NULL,
    position    INT          NOT NULL,
    PRIMARY KEY (family_id, contact_id)
);

-- Bookings and service-days (projection "bookings", one segment).
CREATE TABLE rm_booking (
    booking_id          UUID PRIMARY KEY,
    child_id            UUID         NOT NULL,
    family_id           UUID         NOT NULL,
    service_id          VARCHAR(40)  NOT NULL,
    day                 DATE         NOT NULL,
    day_id              VARCHAR(100) NOT NULL,
    status              VARCHAR(12)  NOT NULL,
    submission_id       UUID,
    booked_at           TIMESTAMPTZ  NOT NULL,
    promoted_at         TIMESTAMPTZ,
    cancelled_at        TIMESTAMPTZ,
    cancel_reason       VARCHAR(12),
    absence_reported_at TIMESTAMPTZ,
    certificate_id      UUID
);
CREATE INDEX ix_rm_booking_child ON rm_booking (child_id, service_id, day);
CREATE INDEX ix_rm_booking_family ON rm_booking (family_id, day);
CREATE INDEX ix_rm_booking_service_day ON rm_booking (service_id, day, status);
CREATE TABLE rm_service_day (
    day_id         VARCHAR(100) PRIMARY KEY,
    service_id     VARCHAR(40)  NOT NULL,
    day            DATE         NOT NULL,
    pool           VARCHAR(40)  NOT NULL,
    capacity       INT          NOT NULL,
    booked         INT          NOT NULL,
    waitlisted     INT          NOT NULL,
    closed         BOOLEAN      NOT NULL DEFAULT false,
    closure_reason VARCHAR(200),
    closed_at      TIMESTAMPTZ
);
CREATE INDEX ix_rm_service_day_day ON rm_service_day (day, service_id);
CREATE TABLE rm_waitlist (
    booking_id UUID PRIMARY KEY,
    day_id     VARCHAR(100) NOT NULL,
    child_id   UUID         NOT NULL,
    family_id  UUID         NOT NULL,
    ticket     BIGINT       NOT NULL
);
CREATE INDEX ix_rm_waitlist_day ON rm_waitlist (day_id, ticket);

-- Attendance registers (projection "registers").
CREATE TABLE rm_register (
    register_id VARCHAR(140) PRIMARY KEY,
    service_id  VARCHAR(40)  NOT NULL,
    day         DATE         NOT NULL,
    school_key  VARCHAR(40)  NOT NULL,
    closed_at   TIMESTAMPTZ,
    closed_by   VARCHAR(100)
);
CREATE INDEX ix_rm_register_day ON rm_register (service_id, day);
CREATE TABLE rm_attendance (
    register_id VARCHAR(140) NOT NULL,
    child_id    UUID         NOT NULL,
    family_id   UUID         NOT NULL,
    booking_id  UUID,
    state       VARCHAR(20)  NOT NULL,
    hours       NUMERIC(5, 2) NOT NULL,
    marked_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (register_id, child_id)
);
CREATE INDEX ix_rm_attendance_booking ON rm_attendance (booking_id);
