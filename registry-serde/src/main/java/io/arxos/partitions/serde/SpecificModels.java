package io.arxos.partitions.serde;

import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;

/**
 * SpecificData bound to the generated classes' own class loader, with every standard logical-type conversion
 * registered: union branches holding a logical type (e.g. {@code ["null", local-timestamp-micros]}) are resolved
 * through the model's conversions, not the record's, so a bare model cannot write them.
 */
final class SpecificModels {

    private SpecificModels() {
    }

    static SpecificData forLoader(ClassLoader loader) {
        SpecificData data = new SpecificData(loader);
        data.addLogicalTypeConversion(new Conversions.UUIDConversion());
        data.addLogicalTypeConversion(new Conversions.DecimalConversion());
        data.addLogicalTypeConversion(new TimeConversions.DateConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        return data;
    }
}
