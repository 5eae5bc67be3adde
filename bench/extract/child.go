package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// childReport is what a child process measured for one extractor; it goes
// to the parent as JSON on stdout.
type childReport struct {
	Bodies      map[string]string `json:"bodies"`
	Errors      int               `json:"errors"`
	Pages       int               `json:"pages"` // pages extracted in the timed passes
	CPUSeconds  float64           `json:"cpu_seconds"`
	WallSeconds float64           `json:"wall_seconds"`
	// MaxRSSKiB is filled in by the parent from the child's rusage.
	MaxRSSKiB int64 `json:"-"`
}

// runChild is the child side: load the corpus, run the extractor once over
// every page to collect its output (this pass also warms caches and lazy
// initialisation), then time `passes` further passes with the process's own
// CPU clock. The "baseline" extractor only loads the corpus.
func runChild(name, dataDir string, passes int) error {
	c, err := loadCorpus(dataDir)
	if err != nil {
		return err
	}
	rep := childReport{Bodies: map[string]string{}}
	if name != baselineName {
		x, ok := extractorByName(name)
		if !ok {
			return fmt.Errorf("unknown extractor %q", name)
		}
		measure(x, c, passes, &rep)
	}
	return json.NewEncoder(os.Stdout).Encode(rep)
}

func measure(x extractor, c *corpus, passes int, rep *childReport) {
	for _, id := range c.ids {
		body, err := x.run(c.pages[id], c.truth[id].URL)
		if err != nil {
			rep.Errors++
		}
		rep.Bodies[id] = body
	}
	cpu0, wall0 := cpuSeconds(), time.Now()
	for range passes {
		for _, id := range c.ids {
			_, _ = x.run(c.pages[id], c.truth[id].URL)
			rep.Pages++
		}
	}
	rep.CPUSeconds = cpuSeconds() - cpu0
	rep.WallSeconds = time.Since(wall0).Seconds()
}

// cpuSeconds is the user plus system CPU time of this process so far, all
// threads included (the garbage collector's background workers too).
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return tvSeconds(ru.Utime) + tvSeconds(ru.Stime)
}

func tvSeconds(tv syscall.Timeval) float64 {
	return float64(tv.Sec) + float64(tv.Usec)/1e6
}

// spawn runs this binary as a child measuring one extractor and returns its
// report with the child's peak resident set size.
func spawn(name, dataDir string, passes int) (*childReport, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding own binary: %w", err)
	}
	cmd := exec.Command(self, "-child", name, "-data", dataDir, "-passes", fmt.Sprint(passes))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("child %s: %w", name, err)
	}
	var rep childReport
	if err := json.Unmarshal(out, &rep); err != nil {
		return nil, fmt.Errorf("child %s: reading report: %w", name, err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rep.MaxRSSKiB = ru.Maxrss // kilobytes on Linux
	}
	return &rep, nil
}
