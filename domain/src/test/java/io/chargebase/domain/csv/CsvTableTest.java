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

    @Test
    void readingStopsAtTheRowAfterTheLimitWithoutReadingTheRest() {
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < 11; i++) {
            csv.append("Person ").append(i).append(",p").append(i).append("@example.com\n");
        }
        // never reached: a file read whole would be refused for this quote instead of for its length
        csv.append("\"an unclosed quote,x@example.com\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvTable.parse(csv.toString(), 10))
                .isInstanceOf(io.chargebase.domain.DomainException.class).hasMessage("At most 10 rows at a time; split the file.");
        org.assertj.core.api.Assertions.assertThat(CsvTable.parse("name,email\na,b\nc,d", 2).size()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvTable.parse("name,email\na,b\nc,d", 1))
                .hasMessage("At most 1 rows at a time; split the file.");
    }
}
