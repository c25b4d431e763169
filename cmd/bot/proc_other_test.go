//go:build !linux

package main

import "os/exec"

// dieWithParent does nothing where the kernel cannot kill a child with
// its parent; the tests' cleanup kills the replicas.
func dieWithParent(*exec.Cmd) {}
