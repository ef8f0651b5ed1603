-- The operations ledger: one row per applied step and per failed attempt. A step's row is written in the same
-- transaction as the DDL it records, so the ledger and the schema never disagree.
CREATE TABLE ${ledger_schema}.operations (
    id              bigserial   PRIMARY KEY,
    command_id      text        NOT NULL,
    run_id          text        NOT NULL,
    operation       text        NOT NULL,
    step            text        NOT NULL,
    is_final        boolean     NOT NULL DEFAULT false,
    status          text        NOT NULL CHECK (status IN ('applied', 'failed')),
    table_schema    text        NOT NULL,
    table_name      text        NOT NULL,
    partition_name  text,
    range_from      timestamp,
    range_to        timestamp,
    attempt         integer     NOT NULL DEFAULT 1,
    sql             text[]      NOT NULL DEFAULT '{}',
    rows_moved      bigint      NOT NULL DEFAULT 0,
    error_class     text,
    sql_state       text,
    error_message   text,
    executor        text        NOT NULL,
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- a step is applied at most once per command and run; failed attempts may repeat, and a later run may redo a
-- step (e.g. after a failed command was cleaned up)
CREATE UNIQUE INDEX operations_applied_once ON ${ledger_schema}.operations (command_id, run_id, step)
    WHERE status = 'applied';
CREATE INDEX operations_by_partition ON ${ledger_schema}.operations (table_schema, table_name, partition_name, id);

COMMENT ON TABLE ${ledger_schema}.operations IS
    'Partition maintenance ledger (arxos-partitions executor): applied steps and failed attempts';
