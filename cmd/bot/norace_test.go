//go:build !race

package main

// raceEnabled: the tests were built with -race, and so are the replicas
// they run.
const raceEnabled = false
