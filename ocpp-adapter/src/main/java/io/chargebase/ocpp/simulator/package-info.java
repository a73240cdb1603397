/**
 * A simulated OCPP 1.6J charger over a real WebSocket, a one-session demo ({@link io.chargebase.ocpp.simulator.Simulate})
 * and a load harness ({@link io.chargebase.ocpp.simulator.LoadHarness}); used by end-to-end tests and by people
 * watching Chargebase work.
 */
package io.chargebase.ocpp.simulator;
