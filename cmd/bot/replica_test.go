package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/clinicbot/aftercare/internal/fixture"
)

// This file runs the bot as replicas: separate processes of the real
// binary, built once per test with `go build`, so that one can be killed
// with SIGKILL. (Cancelling run's context in this process would not be
// honest: the adapters drain, claims are released, the store's
// connections close cleanly; a crash does none of that.)

// buildBot builds cmd/bot into a directory of the test's own and returns
// the binary's path. Under -race the binary is built with -race too.
func buildBot(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "bot")
	args := []string{"build", "-o", bin}
	if raceEnabled {
		args = append(args, "-race")
	}
	out, err := exec.Command("go", append(args, ".")...).CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// botProcess is one replica of the bot, a process on its own HTTP port.
type botProcess struct {
	t      *testing.T
	name   string
	addr   string // host:port of its HTTP server
	cmd    *exec.Cmd
	logs   *fixture.Buffer
	exited chan struct{}
	err    error // Wait's, once exited is closed
}

// startReplica starts the binary bin as replica name with env (and an
// HTTP_ADDR of its own). It is killed when the test ends, if still running.
func startReplica(t *testing.T, bin, name string, env map[string]string) *botProcess {
	t.Helper()
	r := &botProcess{t: t, name: name, addr: freeAddr(t), logs: &fixture.Buffer{}, exited: make(chan struct{})}
	r.cmd = exec.Command(bin)
	r.cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "HTTP_ADDR=" + r.addr}
	for k, v := range env {
		r.cmd.Env = append(r.cmd.Env, k+"="+v)
	}
	r.cmd.Stdout, r.cmd.Stderr = r.logs, r.logs
	dieWithParent(r.cmd)
	if err := r.cmd.Start(); err != nil {
		t.Fatalf("start replica %s: %v", name, err)
	}
	go func() { r.err = r.cmd.Wait(); close(r.exited) }()
	t.Cleanup(func() {
		r.cmd.Process.Kill()
		<-r.exited
		if strings.Contains(r.logs.String(), "WARNING: DATA RACE") { // a -race build's report
			t.Errorf("replica %s had a data race", name)
		}
		if t.Failed() {
			t.Logf("replica %s's log (last 40 lines):\n%s", name, tail(r.logs.String(), 40))
		}
	})
	return r
}

// base is the replica's HTTP base URL.
func (r *botProcess) base() string { return "http://" + r.addr }

// get requests path from the replica's HTTP server; 0 when it does not
// answer.
func (r *botProcess) get(path string) (int, string) {
	resp, err := http.Get(r.base() + path)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitReady waits until the replica's /readyz answers 200.
func (r *botProcess) waitReady() {
	r.t.Helper()
	deadline := time.Now().Add(60 * time.Second) // two replicas starting at once on two busy cores
	for {
		if code, _ := r.get("/readyz"); code == 200 {
			return
		}
		select {
		case <-r.exited:
			r.t.Fatalf("replica %s exited while starting: %v\n%s", r.name, r.err, tail(r.logs.String(), 40))
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("replica %s not ready after 60 s:\n%s", r.name, tail(r.logs.String(), 40))
		}
	}
}

// kill kills the replica with SIGKILL, as a crash or the OOM killer
// would, and waits for it to be gone.
func (r *botProcess) kill() {
	r.t.Helper()
	if err := r.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		r.t.Fatalf("kill replica %s: %v", r.name, err)
	}
	<-r.exited
}

// stop sends SIGTERM, as systemd or Kubernetes does, and returns the
// process's exit error (nil for exit 0), failing the test if it does not
// exit within 20 s.
func (r *botProcess) stop() error {
	r.t.Helper()
	r.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-r.exited:
		return r.err
	case <-time.After(20 * time.Second):
		r.t.Fatalf("replica %s did not exit within 20 s of SIGTERM", r.name)
		return nil
	}
}

// usage is a process's CPU time and memory, read from /proc.
type usage struct {
	CPU     time.Duration // user + system
	RSS     int64         // resident set, bytes
	PeakRSS int64         // high-water mark of the resident set, bytes
}

func (u usage) String() string {
	return fmt.Sprintf("cpu %.1f s, rss %.0f MiB, peak rss %.0f MiB", u.CPU.Seconds(), float64(u.RSS)/(1<<20), float64(u.PeakRSS)/(1<<20))
}

// clockTicks is the unit of /proc/PID/stat's times (USER_HZ, 100 on
// Linux on every architecture Go supports).
const clockTicks = 100

// procUsage reads pid's CPU time from /proc/PID/stat and its memory from
// /proc/PID/status.
func procUsage(pid int) (usage, error) {
	var u usage
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return u, err
	}
	// The fields after the command, which is in parentheses and may hold
	// spaces: utime and stime are the 12th and 13th of them.
	i := bytes.LastIndexByte(stat, ')')
	fields := strings.Fields(string(stat[i+1:]))
	if len(fields) < 13 {
		return u, errors.New("short /proc stat")
	}
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	u.CPU = time.Duration(utime+stime) * time.Second / clockTicks
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return u, err
	}
	sc := bufio.NewScanner(bytes.NewReader(status))
	for sc.Scan() {
		key, val, _ := strings.Cut(sc.Text(), ":")
		kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(val), " kB"), 10, 64)
		switch key {
		case "VmRSS":
			u.RSS = kb << 10
		case "VmHWM":
			u.PeakRSS = kb << 10
		}
	}
	return u, nil
}

// usage reads the replica's CPU time and memory.
func (r *botProcess) usage() usage {
	r.t.Helper()
	u, err := procUsage(r.cmd.Process.Pid)
	if err != nil {
		r.t.Errorf("replica %s: %v", r.name, err)
	}
	return u
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
