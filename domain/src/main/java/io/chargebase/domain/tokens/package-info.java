/**
 * Tokens: what identifies a driver at a charger. An RFID card's UID (the OCPP idTag), its printed EMA-ID
 * (contract ID, with the eMI3 check character), its status, expiry and owner; and the authorisation decision the
 * OCPP adapter asks for on every Authorize and StartTransaction.
 */
package io.chargebase.domain.tokens;
