-- The requirements policy's facts say which event last changed a kind's requirement (its identifier), so that the
-- policy, handling that same event after them, re-evaluates every child only when the requirement did change.
-- Derived from the events alone: a rebuild of the facts gives the same value.
ALTER TABLE req_kind ADD COLUMN requirement_event VARCHAR(64);
