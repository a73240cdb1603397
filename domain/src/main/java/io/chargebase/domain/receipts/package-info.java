/**
 * Receipts to drivers (the manual's Receipts and Company Details): the tenant's {@link
 * io.chargebase.domain.receipts.CompanyDetails}, and receipts and credit notes numbered without gaps per tenant, each
 * with the company, the driver, its sessions and a VAT breakdown per rate, issued per session or monthly as the
 * tenant's {@link io.chargebase.domain.receipts.ReceiptSettings} say, and mailed to the driver.
 */
package io.chargebase.domain.receipts;
