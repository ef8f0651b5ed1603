package io.arxos.partitions.executor;

import io.arxos.partitions.architecture.ServiceArchitectureTest;

/** The house rules (module architecture-rules), checked on this service's classes. */
class ArchitectureTest extends ServiceArchitectureTest {

    @Override
    protected String basePackage() {
        return "io.arxos.partitions.executor";
    }
}
