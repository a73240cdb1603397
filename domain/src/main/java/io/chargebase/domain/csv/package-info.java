/**
 * CSV in and out: an RFC 4180 reader that refuses what is not UTF-8, and the row-level report imports answer with
 * (row number, field, message).
 */
package io.chargebase.domain.csv;
