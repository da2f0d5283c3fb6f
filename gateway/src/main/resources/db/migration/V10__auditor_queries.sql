-- Every look an auditor (or administrator) takes in the audit console: who, when, from where, what they asked and
-- what came back. Rows are only ever added: updates and deletes are refused by the database itself.
CREATE TABLE auditor_query (
    query_id    BIGSERIAL PRIMARY KEY,
    asked_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    user_id     VARCHAR(64)  NOT NULL,
    user_name   VARCHAR(200) NOT NULL,
    user_role   VARCHAR(20)  NOT NULL,
    client_ip   VARCHAR(64),
    action      VARCHAR(40)  NOT NULL,
    parameters  JSONB        NOT NULL,
    outcome     VARCHAR(500) NOT NULL
);

CREATE INDEX ix_auditor_query_user ON auditor_query (user_id, asked_at DESC);
CREATE INDEX ix_auditor_query_time ON auditor_query (asked_at DESC);

CREATE FUNCTION auditor_query_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'auditor_query is append-only';
END
$$;

CREATE TRIGGER auditor_query_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON auditor_query
    FOR EACH STATEMENT EXECUTE FUNCTION auditor_query_append_only();
