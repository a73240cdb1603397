package io.chargebase.api.receipts;

import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.chargebase.domain.receipts.Receipt;
import io.chargebase.domain.receipts.Receipts;
import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;

/**
 * Serves a receipt's PDF for a link {@link ReceiptLinks} signed: the signature is the authentication (no token), a
 * wrong or expired one is 403, a receipt that does not exist (or is another tenant's) 404. Never cached.
 */
@RestController
class ReceiptDownload {

    private final ReceiptLinks links;
    private final Receipts receipts;
    private final Tenants tenants;
    private final ReceiptPdf pdf;

    ReceiptDownload(ReceiptLinks links, Receipts receipts, Tenants tenants, ReceiptPdf pdf) {
        this.links = links;
        this.receipts = receipts;
        this.tenants = tenants;
        this.pdf = pdf;
    }

    @GetMapping("/receipts/{tenant}/{receipt}.pdf")
    ResponseEntity<byte[]> download(@PathVariable String tenant, @PathVariable String receipt, @RequestParam(required = false) Long expires,
            @RequestParam(required = false) String signature) {
        UUID tenantId;
        UUID receiptId;
        try {
            tenantId = UUID.fromString(tenant);
            receiptId = UUID.fromString(receipt);
        } catch (IllegalArgumentException malformed) {
            return ResponseEntity.notFound().build();
        }
        if (expires == null || !links.valid(tenantId, receiptId, expires, signature)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        TenantId id = new TenantId(tenantId);
        return TenantContext.callAs(TenantScope.of(id), () -> {
            Tenant owner = tenants.get(id).orElse(null);
            Receipt found = owner == null ? null : receipts.find(receiptId).orElse(null);
            if (found == null) {
                return ResponseEntity.notFound().<byte[]>build();
            }
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(found.numberText() + ".pdf").build().toString())
                    .body(pdf.render(found, owner));
        });
    }
}
