package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void neutralisesFormulaStarts() {
        Map<String, String> cells = Map.of(
                "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"",
                "+1+cmd", "\"'+1+cmd\"",
                "-2+3", "\"'-2+3\"",
                "@SUM(A1)", "\"'@SUM(A1)\"",
                "-12.5", "-12.5",
                "ACME", "ACME");
        cells.forEach((value, expected) -> assertThat(CsvExport.quoted(value)).as(value).isEqualTo(expected));
    }

    @Test
    void neutralisesAFormulaAfterALeadingTabCarriageReturnOrLineFeed() {
        for (String prefix : List.of("\t", "\r", "\n")) {
            String value = prefix + "=HYPERLINK(1)";

            assertThat(CsvExport.quoted(value)).as(value).isEqualTo("\"'" + value + "\"");
        }
    }
}
