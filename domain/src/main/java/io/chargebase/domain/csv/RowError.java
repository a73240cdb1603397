package io.chargebase.domain.csv;

/** What is wrong with one field of one row; rows are numbered as a spreadsheet shows them, the header being row 1. */
public record RowError(int row, String field, String message) {
}
