-- Tamper evidence and audit lookups on the event store.
-- Each stream (aggregate) carries a hash chain: an event's chain_hash is the SHA-256 of the previous event's
-- chain_hash and of this event's identity, type, payload, metadata and time, each part length-prefixed. A trigger
-- computes it on insert (it sees the earlier rows of the same multi-row insert), so nothing in Java can forget it.
-- family_id and correlation_id are copied out of the JSON for the audit console's lookups.

ALTER TABLE domain_event_entry ADD COLUMN chain_hash BYTEA;
ALTER TABLE domain_event_entry ADD COLUMN family_id VARCHAR(64);
ALTER TABLE domain_event_entry ADD COLUMN correlation_id VARCHAR(255);

CREATE FUNCTION marelle_part(value BYTEA) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT int4send(coalesce(length(value), -1)) || coalesce(value, ''::bytea)
$$;

CREATE FUNCTION marelle_event_hash(previous BYTEA, aggregate_identifier VARCHAR, sequence_number BIGINT,
                                   event_identifier VARCHAR, payload_type VARCHAR, payload_revision VARCHAR,
                                   payload BYTEA, meta_data BYTEA, time_stamp VARCHAR)
    RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(marelle_part(previous)
                  || marelle_part(convert_to(aggregate_identifier, 'UTF8'))
                  || int8send(sequence_number)
                  || marelle_part(convert_to(event_identifier, 'UTF8'))
                  || marelle_part(convert_to(payload_type, 'UTF8'))
                  || marelle_part(convert_to(payload_revision, 'UTF8'))
                  || marelle_part(payload)
                  || marelle_part(meta_data)
                  || marelle_part(convert_to(time_stamp, 'UTF8')))
$$;

CREATE FUNCTION marelle_json(value BYTEA) RETURNS JSONB LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN convert_from(value, 'UTF8')::jsonb;
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$$;

CREATE FUNCTION marelle_before_event_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous BYTEA;
    metadata JSONB := marelle_json(NEW.meta_data);
BEGIN
    IF NEW.sequence_number > 0 THEN
        SELECT chain_hash INTO previous FROM domain_event_entry
        WHERE aggregate_identifier = NEW.aggregate_identifier AND sequence_number = NEW.sequence_number - 1;
    END IF;
    NEW.chain_hash := marelle_event_hash(previous, NEW.aggregate_identifier, NEW.sequence_number,
                                         NEW.event_identifier, NEW.payload_type, NEW.payload_revision, NEW.payload,
                                         NEW.meta_data, NEW.time_stamp);
    NEW.family_id := coalesce(marelle_json(NEW.payload) ->> 'familyId', metadata ->> 'familyId');
    NEW.correlation_id := metadata ->> 'correlationId';
    RETURN NEW;
END
$$;

CREATE TRIGGER domain_event_entry_chain BEFORE INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION marelle_before_event_insert();

-- Events stored before this migration: their chains, in stream order.
DO $$
DECLARE
    e domain_event_entry;
    previous BYTEA;
    stream VARCHAR(255) := NULL;
BEGIN
    FOR e IN SELECT * FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number LOOP
        IF stream IS DISTINCT FROM e.aggregate_identifier THEN
            previous := NULL;
            stream := e.aggregate_identifier;
        END IF;
        previous := marelle_event_hash(previous, e.aggregate_identifier, e.sequence_number, e.event_identifier,
                                       e.payload_type, e.payload_revision, e.payload, e.meta_data, e.time_stamp);
        UPDATE domain_event_entry
        SET chain_hash = previous,
            family_id = coalesce(marelle_json(e.payload) ->> 'familyId', marelle_json(e.meta_data) ->> 'familyId'),
            correlation_id = marelle_json(e.meta_data) ->> 'correlationId'
        WHERE global_index = e.global_index;
    END LOOP;
END
$$;

CREATE INDEX ix_domain_event_family ON domain_event_entry (family_id, global_index) WHERE family_id IS NOT NULL;
CREATE INDEX ix_domain_event_correlation ON domain_event_entry (correlation_id) WHERE correlation_id IS NOT NULL;
CREATE INDEX ix_domain_event_time ON domain_event_entry (time_stamp);
