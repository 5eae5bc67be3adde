package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/pipeline"
)

// composeFile is the part of docker-compose.yml the test checks.
type composeFile struct {
	Services map[string]struct {
		Image       string            `yaml:"image"`
		Build       any               `yaml:"build"`
		Command     []string          `yaml:"command"`
		Environment map[string]string `yaml:"environment"`
	} `yaml:"services"`
}

// TestComposeMatchesCLI parses docker-compose.yml (it cannot be started
// here) and checks that every polywire command, flag, stage and POLYWIRE_*
// variable it uses exists, and that the config it mounts is valid.
func TestComposeMatchesCLI(t *testing.T) {
	raw, err := os.ReadFile("../../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var cf composeFile
	if err := yaml.Unmarshal(raw, &cf); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	known := knownEnv(t)
	var stages []string
	polywireServices := 0
	for name, svc := range cf.Services {
		if svc.Image != "polywire:latest" {
			continue
		}
		polywireServices++
		t.Run(name, func(t *testing.T) {
			if len(svc.Command) == 0 {
				t.Fatal("no command")
			}
			c := findCommand(svc.Command[0])
			if c == nil {
				t.Fatalf("unknown command %q", svc.Command[0])
			}
			fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			fs.String("log-level", "", "")
			c.flags(fs)
			args, err := parseInterleaved(fs, svc.Command[1:])
			if err != nil {
				t.Fatalf("flags of %v: %v", svc.Command, err)
			}
			if c.name == "worker" {
				for _, s := range args {
					if !slices.Contains(pipeline.Stages, s) {
						t.Errorf("unknown stage %q", s)
					}
					stages = append(stages, s)
				}
			}
			for k := range svc.Environment {
				if strings.HasPrefix(k, "POLYWIRE_") && !known[k] {
					t.Errorf("environment variable %s is read nowhere in cmd/polywire", k)
				}
			}
		})
	}
	if polywireServices == 0 {
		t.Fatal("no polywire services found")
	}
	for _, s := range pipeline.Stages {
		if !slices.Contains(stages, s) {
			t.Errorf("stage %s has no worker service", s)
		}
	}
	if _, err := os.Stat("../../Dockerfile"); err != nil {
		t.Errorf("compose builds . but: %v", err)
	}
	if _, err := config.Load("../../deploy/config/polywire.yaml"); err != nil {
		t.Errorf("deploy/config/polywire.yaml mounted by compose is invalid: %v", err)
	}
}

// knownEnv collects the POLYWIRE_* names this package reads.
func knownEnv(t *testing.T) map[string]bool {
	files, _ := filepath.Glob("*.go")
	re := regexp.MustCompile(`"(POLYWIRE_[A-Z_]+)"`)
	known := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			known[m[1]] = true
		}
	}
	if len(known) == 0 {
		t.Fatal("found no POLYWIRE_ variables in the sources")
	}
	return known
}
