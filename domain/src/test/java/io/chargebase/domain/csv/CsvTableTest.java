package io.chargebase.domain.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.DomainException;

class CsvTableTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        CsvTable table = CsvTable.parse("Name,E-mail\r\n\"Jansen, Nora\",nora@example.com\r\n\"Say \"\"hi\"\"\",\"two\nlines\"\n\nlast,row");
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.get(0, "name")).isEqualTo("Jansen, Nora");
        assertThat(table.get(1, "name")).isEqualTo("Say \"hi\"");
        assertThat(table.get(1, "E-mail")).isEqualTo("two\nlines");
        assertThat(table.get(2, "e-mail")).isEqualTo("row");
        assertThat(CsvTable.rowNumber(0)).isEqualTo(2);
    }

    @Test
    void acceptsAByteOrderMarkAndRefusesWhatIsNotUtf8() {
        byte[] bom = "\uFEFFname\nNora".getBytes(StandardCharsets.UTF_8);
        assertThat(CsvTable.parse(bom).get(0, "name")).isEqualTo("Nora");
        byte[] latin1 = "name\nJos\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CsvTable.parse(latin1)).isInstanceOf(DomainException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void checksTheHeader() {
        CsvTable table = CsvTable.parse("name,email,shoe_size\nx,y,42");
        assertThatThrownBy(() -> table.requireHeader(List.of("name", "email"), List.of("phone")))
                .isInstanceOf(DomainException.class).hasMessageContaining("unknown column 'shoe_size'");
        assertThatThrownBy(() -> CsvTable.parse("name\nx").requireHeader(List.of("name", "email"), List.of()))
                .hasMessageContaining("lacks the column 'email'");
        assertThatThrownBy(() -> CsvTable.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> CsvTable.parse("name\n\"open")).hasMessageContaining("quoted field");
    }
}
