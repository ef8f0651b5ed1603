-- A command id is bound to its command: an applied step recorded under a (command id, run) that already holds
-- applied steps of a different operation, table, partition or bounds is refused, and with it the step's DDL, which
-- runs in the same transaction. Without this a forged or colliding id would run as a different command, or be
-- answered from the ledger with another command's change.
CREATE FUNCTION ${ledger_schema}.operations_bind_command_id() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    other record;
BEGIN
    IF NEW.status <> 'applied' THEN
        RETURN NEW;
    END IF;
    SELECT o.operation, o.table_schema, o.table_name, o.partition_name INTO other
      FROM ${ledger_schema}.operations o
     WHERE o.command_id = NEW.command_id AND o.run_id = NEW.run_id AND o.status = 'applied'
       AND ROW(o.operation, o.table_schema, o.table_name, o.partition_name, o.range_from, o.range_to)
           IS DISTINCT FROM ROW(NEW.operation, NEW.table_schema, NEW.table_name, NEW.partition_name, NEW.range_from,
                                NEW.range_to)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'PT409', MESSAGE = format(
            'command id %s of run %s was already used for %s of %I.%I%s; this %s of %I.%I%s is a different command '
            'under the same id: refused, nothing run', NEW.command_id, NEW.run_id, other.operation,
            other.table_schema, other.table_name, coalesce(' ' || other.partition_name, ''), NEW.operation,
            NEW.table_schema, NEW.table_name, coalesce(' ' || NEW.partition_name, ''));
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER operations_bind_command_id BEFORE INSERT ON ${ledger_schema}.operations
    FOR EACH ROW EXECUTE FUNCTION ${ledger_schema}.operations_bind_command_id();
