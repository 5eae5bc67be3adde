package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/workers/tag"
	"github.com/polywire/polywire/workers/tag/gazetteer"
)

// gazStats are the cost of loading the default gazetteer.
type gazStats struct {
	load, index time.Duration // YAML to Gazetteer; Gazetteer to the Tagger's index
	heapMB      float64       // live heap after both, garbage collected
	tagger      *tag.Tagger
}

// measureGazetteer loads the embedded gazetteer and builds a Tagger, timing
// both, and reads the heap they keep (the process holds little else yet).
func measureGazetteer() (gazStats, error) {
	var s gazStats
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	t0 := time.Now()
	g, err := gazetteer.Load(config.DefaultGazetteer())
	if err != nil {
		return s, fmt.Errorf("nerbench: loading gazetteer: %w", err)
	}
	s.load = time.Since(t0)
	t1 := time.Now()
	s.tagger = tag.New(g)
	s.index = time.Since(t1)
	runtime.GC()
	runtime.ReadMemStats(&after)
	s.heapMB = float64(after.HeapAlloc) / (1 << 20)
	return s, nil
}

// tput is the result of the throughput run.
type tput struct {
	bytes      int64
	cpu, wall  time.Duration
	passes     int
	mbPerCPUs  float64
	mbPerWallS float64
}

// throughput tags the documents' texts over and over, in one goroutine,
// until the process has used at least budget of CPU time (user + system,
// garbage collection included), and divides the UTF-8 bytes tagged by it.
// It runs with GOMAXPROCS 1: one core's work, without the garbage
// collector's idle-time workers burning other cores a busy worker process
// would not leave idle.
func throughput(tg *tag.Tagger, docs []doc, budget time.Duration) tput {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var t tput
	c0, w0 := cpuTime(), time.Now()
	for t.passes == 0 || cpuTime()-c0 < budget {
		for _, d := range docs {
			tg.Tag(d.Text, d.Lang, time.Time{})
			t.bytes += int64(len(d.Text))
		}
		t.passes++
	}
	t.cpu, t.wall = cpuTime()-c0, time.Since(w0)
	mb := float64(t.bytes) / 1e6
	t.mbPerCPUs, t.mbPerWallS = mb/t.cpu.Seconds(), mb/t.wall.Seconds()
	return t
}

// cpuTime is the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// startProfile starts a CPU profile to path ("" for none) and returns the
// function that stops it.
func startProfile(path string) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("nerbench: creating profile %s: %w", path, err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("nerbench: starting profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
