/**
 * Receipts as PDF documents: {@link io.chargebase.api.receipts.ReceiptPdf} renders one with the tenant's branding,
 * {@link io.chargebase.api.receipts.ReceiptLinks} signs short-lived download links that GraphQL hands out to those
 * who may read the receipt, and {@link io.chargebase.api.receipts.ReceiptDownload} serves them.
 */
package io.chargebase.api.receipts;
