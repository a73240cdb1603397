/**
 * A charging session's states as types (pure code: no Spring, JDBC or Jackson). Each state offers only the
 * transitions that are legal from it; a transition returns the next state, the write that stores it (checked against
 * the version the state was loaded with) and the events to publish. {@code SessionLifecycle} loads a state under the
 * charger's lock, lets it decide, and saves; a lost update (another writer changed the row meanwhile) is retried.
 *
 * <pre>
 *   (none) ──awaitCar──────────▶ Pending ──start──────────▶ Active ──stop───────────────────▶ Finished | Incomplete
 *   (none) ──begin─────────────▶ Active                     Active ──finishAfterInactivity──▶ FinishedAfterInactivity
 *   (none) ──refuse────────────▶ Refused                    FinishedAfterInactivity ──correct──▶ Finished | Incomplete
 *   (none) ──record (orphan)───▶ Orphan                     Refused ──stop──▶ Failed
 *   Pending ──failStart────────▶ Failed
 *   Failed, Finished, Incomplete, Orphan: no transitions (a repeated StopTransaction changes nothing)
 * </pre>
 */
package io.chargebase.domain.charging.lifecycle;
