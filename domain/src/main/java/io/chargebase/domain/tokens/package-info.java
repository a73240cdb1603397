/**
 * Tokens: what identifies a driver at a charger. An RFID card's UID (the OCPP idTag), its printed EMA-ID
 * (contract ID, with the eMI3 check character), its status, expiry and owner; and the authorisation decision the
 * OCPP adapter asks for on every Authorize and StartTransaction. Which idTags a caller sees is row-level security's
 * answer, so an OU admin starts, reserves and reads idTags only of their subtree's tokens.
 */
package io.chargebase.domain.tokens;
