// Package storetest owns the conformance suite that every khaldun.Store
// must pass: put and get, idempotency, filters, failures, full-text
// search, atomicity and concurrent writers.
//
// A store's own test calls Run with a function that opens an empty store:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) khaldun.Store { return openEmpty(t) })
//	}
package storetest
