package io.chargebase.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The operation names GraphQL timings are tagged with: those of ui-contracts only. */
class GraphQlOperationNamesTest {

    private final GraphQlOperationNames names = new GraphQlOperationNames();

    @Test
    void theClientsOperationsKeepTheirNames() {
        assertThat(names.bounded("OrganisationTree")).isEqualTo("OrganisationTree");
        assertThat(names.bounded("EvsePrice")).isEqualTo("EvsePrice");
    }

    @Test
    void unnamedAndUnknownOperationsShareOneValueEach() {
        assertThat(names.bounded(null)).isEqualTo("anonymous");
        assertThat(names.bounded(" ")).isEqualTo("anonymous");
        assertThat(names.bounded("AnythingACallerMakesUp")).isEqualTo("other");
    }
}
