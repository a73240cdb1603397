package io.chargebase.domain.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * A CSV file read whole: a header naming the columns and the rows under it (RFC 4180: commas, double-quoted fields
 * with doubled quotes, CRLF or LF). Column names are matched without regard to case, spaces or underscores.
 */
public final class CsvTable {

    private final List<String> header;
    private final Map<String, Integer> columns;
    private final List<List<String>> rows;

    private CsvTable(List<String> header, List<List<String>> rows) {
        this.header = header;
        this.rows = rows;
        this.columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(key(header.get(i)), i);
        }
    }

    /** Reads UTF-8 bytes (with or without a byte-order mark); anything else is refused with where it went wrong. */
    public static CsvTable parse(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new DomainException(ErrorCode.INVALID, "csv",
                    "The file is not UTF-8 text. Save it as 'CSV UTF-8' and try again.");
        }
        return parse(text.toString());
    }

    public static CsvTable parse(String text) {
        return parse(text, Integer.MAX_VALUE - 1);
    }

    /**
     * Reads at most {@code maxRows} data rows: the row after them stops the reading at once with a refusal, so that
     * an oversized file costs no more than the rows that are allowed.
     */
    public static CsvTable parse(String text, int maxRows) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> records = records(content, maxRows + 1);
        if (records.isEmpty() || records.getFirst().stream().allMatch(String::isBlank)) {
            throw new DomainException(ErrorCode.REQUIRED, "csv", "The file is empty: it needs a header row.");
        }
        List<String> header = records.getFirst().stream().map(String::strip).toList();
        return new CsvTable(header, records.subList(1, records.size()));
    }

    /** Refuses a header that lacks a required column or names one that is not known. */
    public CsvTable requireHeader(List<String> required, List<String> optional) {
        List<String> known = new ArrayList<>(required);
        known.addAll(optional);
        for (String name : required) {
            if (!columns.containsKey(key(name))) {
                throw new DomainException(ErrorCode.INVALID, "csv", "The header lacks the column '" + name + "' (it has "
                        + String.join(", ", header) + "). Expected columns: " + String.join(", ", known) + ".");
            }
        }
        for (String name : header) {
            if (known.stream().noneMatch(k -> key(k).equals(key(name)))) {
                throw new DomainException(ErrorCode.INVALID, "csv", "The header names an unknown column '" + name + "'. Expected columns: "
                        + String.join(", ", known) + ".");
            }
        }
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** The value of a column in a row (0-based data row), stripped; null when empty or absent. */
    public String get(int row, String column) {
        Integer index = columns.get(key(column));
        List<String> values = rows.get(row);
        if (index == null || index >= values.size()) {
            return null;
        }
        String value = values.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    /** The spreadsheet row number of a data row: the header is row 1. */
    public static int rowNumber(int row) {
        return row + 2;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
    }

    private static List<List<String>> records(String text, int maxRecords) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                if (!(record.size() == 1 && record.getFirst().isEmpty())) {
                    records.add(record);
                    if (records.size() > maxRecords) {
                        throw tooManyRows(maxRecords - 1);
                    }
                }
                record = new ArrayList<>();
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new DomainException(ErrorCode.INVALID, "csv", "A quoted field is never closed: check the quotes near the end of the file.");
        }
        if (fieldStarted || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
            if (records.size() > maxRecords) {
                throw tooManyRows(maxRecords - 1);
            }
        }
        return records;
    }

    public static DomainException tooManyRows(int maxRows) {
        return new DomainException(ErrorCode.INVALID, "csv", "At most " + maxRows + " rows at a time; split the file.");
    }
}
