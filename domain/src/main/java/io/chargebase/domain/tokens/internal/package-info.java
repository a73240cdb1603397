/** SQL for tokens and their history; private to the tokens context. */
package io.chargebase.domain.tokens.internal;
