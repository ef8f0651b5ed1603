-- Online migrations of live tables into monthly partitions: one row per table, the phase it is in and the copy's
-- progress, written in the same transaction as each phase's DDL or copy batch, so a crash resumes exactly.
-- copy_until is the highest primary key when capture began: rows above it reached the copy through the trigger.
CREATE TABLE ${ledger_schema}.migrations (
    schema_name      text        NOT NULL,
    table_name       text        NOT NULL,
    migration_id     text        NOT NULL,
    partition_key    text        NOT NULL,
    primary_key      text        NOT NULL,
    primary_key_type text        NOT NULL,
    target_name      text        NOT NULL,
    backup_name      text        NOT NULL,
    capture_function text        NOT NULL,
    reverse_function text        NOT NULL,
    trigger_name     text        NOT NULL,
    sequences        text[]      NOT NULL DEFAULT '{}',
    sequence_columns text[]      NOT NULL DEFAULT '{}',
    identity_columns text[]      NOT NULL DEFAULT '{}',
    phase            text        NOT NULL CHECK (phase IN ('prepared', 'capturing', 'copied', 'verified', 'swapped',
                                                           'finalized', 'rolled_back')),
    copy_until       text,
    last_key         text,
    rows_copied      bigint      NOT NULL DEFAULT 0,
    rows_estimated   bigint      NOT NULL DEFAULT 0,
    started_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (schema_name, table_name)
);

-- The guide's rollback_partitioning_migration(): puts the original tables back, with every row written meanwhile.
-- Before the swap the original is still in place: drop the capture trigger and the partitioned copy. After it, the
-- reverse trigger has kept the backup up to date: swap the names back in one transaction, give the sequences back,
-- drop the partitioned table. Without arguments it rolls back every active migration of the database at once. A
-- finalized migration (reverse capture removed) is the table's new normal and is left alone.
CREATE FUNCTION ${ledger_schema}.rollback_partitioning_migration(p_schema text DEFAULT NULL, p_table text DEFAULT NULL)
RETURNS SETOF text
LANGUAGE plpgsql AS $rollback$
DECLARE
    m record;
    i int;
BEGIN
    FOR m IN
        SELECT * FROM ${ledger_schema}.migrations
        WHERE phase NOT IN ('rolled_back', 'finalized')
          AND (p_schema IS NULL OR schema_name = p_schema)
          AND (p_table IS NULL OR table_name = p_table)
        ORDER BY schema_name, table_name
        FOR UPDATE
    LOOP
        IF m.phase = 'swapped' THEN
            EXECUTE format('LOCK TABLE %I.%I, %I.%I IN ACCESS EXCLUSIVE MODE',
                           m.schema_name, m.table_name, m.schema_name, m.backup_name);
            EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I.%I', m.trigger_name, m.schema_name, m.table_name);
            EXECUTE format('DROP FUNCTION IF EXISTS %I.%I()', m.schema_name, m.reverse_function);
            EXECUTE format('ALTER TABLE %I.%I RENAME TO %I', m.schema_name, m.table_name, m.target_name);
            EXECUTE format('ALTER TABLE %I.%I RENAME TO %I', m.schema_name, m.backup_name, m.table_name);
            FOR i IN 1 .. coalesce(array_length(m.sequences, 1), 0) LOOP
                EXECUTE format('ALTER SEQUENCE %s OWNED BY %I.%I.%I', m.sequences[i]::regclass,
                               m.schema_name, m.table_name, m.sequence_columns[i]);
            END LOOP;
            -- identity columns have a sequence per table: the original's goes on from where either stopped
            FOR i IN 1 .. coalesce(array_length(m.identity_columns, 1), 0) LOOP
                PERFORM setval(pg_get_serial_sequence(format('%I.%I', m.schema_name, m.table_name),
                                                      m.identity_columns[i]),
                               greatest(coalesce(pg_sequence_last_value(pg_get_serial_sequence(
                                            format('%I.%I', m.schema_name, m.table_name),
                                            m.identity_columns[i])::regclass), 1),
                                        coalesce(pg_sequence_last_value(pg_get_serial_sequence(
                                            format('%I.%I', m.schema_name, m.target_name),
                                            m.identity_columns[i])::regclass), 1)));
            END LOOP;
            EXECUTE format('DROP TABLE %I.%I', m.schema_name, m.target_name);
        ELSE
            EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I.%I', m.trigger_name, m.schema_name, m.table_name);
            EXECUTE format('DROP FUNCTION IF EXISTS %I.%I()', m.schema_name, m.capture_function);
            EXECUTE format('DROP TABLE IF EXISTS %I.%I', m.schema_name, m.target_name);
        END IF;
        UPDATE ${ledger_schema}.migrations SET phase = 'rolled_back', updated_at = now()
        WHERE schema_name = m.schema_name AND table_name = m.table_name;
        RETURN NEXT format('%I.%I rolled back from %s', m.schema_name, m.table_name, m.phase);
    END LOOP;
END
$rollback$;
