-- children-service: read models (rm_*, one processing group each), the requirements policy's own tables (req_*),
-- the families learnt from accounts-service (known_family), care notes (sensitive, erasable, not in events) and
-- uploaded files (content here or in a configured directory; never in events).

-- processing group school-catalog
CREATE TABLE rm_school (
    school_id  UUID         PRIMARY KEY,
    name       VARCHAR(120) NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    min_age    INTEGER      NOT NULL,
    max_age    INTEGER      NOT NULL,
    active     BOOLEAN      NOT NULL
);
CREATE TABLE rm_school_class (
    class_id    UUID         PRIMARY KEY,
    school_id   UUID         NOT NULL,
    school_year VARCHAR(9)   NOT NULL,
    name        VARCHAR(60)  NOT NULL,
    level       VARCHAR(10)  NOT NULL
);
CREATE INDEX ix_rm_school_class_school ON rm_school_class (school_id, school_year);

-- processing group child-directory
CREATE TABLE rm_child (
    child_id      UUID         PRIMARY KEY,
    first_name    VARCHAR(60)  NOT NULL,
    last_name     VARCHAR(60)  NOT NULL,
    birth_date    DATE         NOT NULL,
    school_id     UUID         NOT NULL,
    class_id      UUID,
    archived      BOOLEAN      NOT NULL DEFAULT FALSE,
    registered_at TIMESTAMPTZ  NOT NULL
);
CREATE TABLE rm_child_family (
    child_id  UUID NOT NULL,
    family_id UUID NOT NULL,
    PRIMARY KEY (child_id, family_id)
);
CREATE INDEX ix_rm_child_family_family ON rm_child_family (family_id);
CREATE TABLE rm_child_requirements (
    child_id    UUID         NOT NULL,
    family_id   UUID         NOT NULL,
    school_year VARCHAR(9)   NOT NULL,
    satisfied   TEXT         NOT NULL,
    missing     TEXT         NOT NULL,
    PRIMARY KEY (child_id, family_id)
);

-- processing group document-register
CREATE TABLE rm_document_kind (
    code             VARCHAR(40)  PRIMARY KEY,
    title            VARCHAR(120) NOT NULL,
    description      VARCHAR(500),
    scope            VARCHAR(10)  NOT NULL,
    requirement      VARCHAR(10)  NOT NULL,
    validity         VARCHAR(12)  NOT NULL,
    validity_months  INTEGER,
    review_required  BOOLEAN      NOT NULL,
    position         INTEGER      NOT NULL,
    blank_form_id    UUID,
    blank_form_name  VARCHAR(200)
);
CREATE TABLE rm_document (
    document_id       UUID         PRIMARY KEY,
    kind              VARCHAR(40)  NOT NULL,
    title             VARCHAR(120) NOT NULL,
    family_id         UUID         NOT NULL,
    child_id          UUID,
    file_id           UUID         NOT NULL,
    file_name         VARCHAR(200) NOT NULL,
    school_year       VARCHAR(9)   NOT NULL,
    status            VARCHAR(12)  NOT NULL,
    reason            VARCHAR(500),
    valid_from        DATE,
    valid_until       DATE,
    quotient_familial INTEGER,
    submitted_at      TIMESTAMPTZ  NOT NULL,
    submitted_by_role VARCHAR(20),
    reviewed_at       TIMESTAMPTZ
);
CREATE INDEX ix_rm_document_family ON rm_document (family_id);
CREATE INDEX ix_rm_document_child ON rm_document (child_id);
CREATE INDEX ix_rm_document_pending ON rm_document (status, submitted_at);

-- processing group requirements (the policy's own view, so that it never waits for another projection)
CREATE TABLE req_kind (
    code        VARCHAR(40) PRIMARY KEY,
    scope       VARCHAR(10) NOT NULL,
    requirement VARCHAR(10) NOT NULL
);
CREATE TABLE req_document (
    document_id UUID        PRIMARY KEY,
    kind        VARCHAR(40) NOT NULL,
    family_id   UUID        NOT NULL,
    child_id    UUID,
    status      VARCHAR(12) NOT NULL,
    valid_until DATE
);
CREATE INDEX ix_req_document_family ON req_document (family_id);
CREATE INDEX ix_req_document_child ON req_document (child_id);
CREATE TABLE req_child (
    child_id  UUID    NOT NULL,
    family_id UUID    NOT NULL,
    archived  BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (child_id, family_id)
);
CREATE INDEX ix_req_child_family ON req_child (family_id);

-- families as accounts-service publishes them (consumer marelle.accounts, consumer group children-service)
CREATE TABLE known_family (
    family_id         UUID         PRIMARY KEY,
    display_name      VARCHAR(200),
    declared_qf       INTEGER,
    registered_at     TIMESTAMPTZ
);

-- Health and diet notes of a child: only what the child's care needs, never in an event or on Kafka. Erasing a
-- child's notes deletes the row (right to erasure); events only say that they changed or were erased.
CREATE TABLE care_note (
    child_id     UUID          PRIMARY KEY,
    diet_comment VARCHAR(500),
    allergies    VARCHAR(500),
    updated_at   TIMESTAMPTZ   NOT NULL
);

-- Uploaded files. Content in this table (storage DATABASE) or in the configured directory under a generated name
-- (storage DIRECTORY); erasing a file removes its content and keeps the row as a trace.
CREATE TABLE stored_file (
    file_id     UUID         PRIMARY KEY,
    purpose     VARCHAR(12)  NOT NULL,
    family_id   UUID,
    child_id    UUID,
    media_type  VARCHAR(40)  NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    file_name   VARCHAR(200) NOT NULL,
    storage     VARCHAR(10)  NOT NULL,
    content     BYTEA,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    erased_at   TIMESTAMPTZ
);
CREATE INDEX ix_stored_file_child ON stored_file (child_id);
