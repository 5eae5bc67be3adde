// Command polywire is Polywire's one binary: the whole pipeline in one
// process (run), single stages against an external NATS (worker), the web UI
// (serve), and the admin tools (sources, fetch, extract, tag, translate,
// search, dlq, replay). This package only wires flags, config and packages
// together; the work happens in pipeline/, workers/, search/ and web/.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// command is one subcommand. flags builds its flag set (also used by the
// docker-compose consistency test); run executes it with the parsed flags
// and the positional arguments.
type command struct {
	name    string
	usage   string
	summary string
	flags   func(fs *flag.FlagSet) any
	run     func(ctx context.Context, env *env, opts any, args []string) error
}

// env is what every command gets: standard streams and the logger.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
}

// errUsage marks a command-line mistake: usage is printed, exit status 2.
var errUsage = errors.New("usage")

func commands() []*command {
	return []*command{
		runCommand(), workerCommand(), serveCommand(), sourcesCommand(),
		fetchCommand(), extractCommand(), tagCommand(), translateCommand(),
		searchCommand(), dlqCommand(), replayCommand(),
	}
}

func findCommand(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := execute(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// execute runs one command line and returns the exit status.
func execute(ctx context.Context, argv []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(argv) == 0 || argv[0] == "-h" || argv[0] == "--help" || argv[0] == "help" {
		printUsage(stderr)
		if len(argv) == 0 {
			return 2
		}
		return 0
	}
	c := findCommand(argv[0])
	if c == nil {
		fmt.Fprintf(stderr, "polywire: unknown command %q\n\n", argv[0])
		printUsage(stderr)
		return 2
	}
	fs := flag.NewFlagSet("polywire "+c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	logLevel := fs.String("log-level", envOr("POLYWIRE_LOG_LEVEL", "info"), "log level: debug, info, warn, error")
	opts := c.flags(fs)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: polywire %s %s\n\n%s\n\nflags:\n", c.name, c.usage, c.summary)
		fs.PrintDefaults()
	}
	args, err := parseInterleaved(fs, argv[1:])
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, log: newLogger(stderr, *logLevel)}
	if err := c.run(ctx, e, opts, args); err != nil {
		if errors.Is(err, errUsage) {
			fmt.Fprintf(stderr, "polywire %s: %v\n", c.name, err)
			fs.Usage()
			return 2
		}
		fmt.Fprintf(stderr, "polywire %s: %v\n", c.name, err)
		return 1
	}
	return 0
}

// parseInterleaved parses flags that may come after positional arguments
// (`polywire worker fetch extract --nats URL`), which package flag alone
// does not allow. "--" ends flag parsing.
func parseInterleaved(fs *flag.FlagSet, argv []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(argv); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(argv) > 0 && len(rest) < len(argv) && argv[len(argv)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		argv = rest[1:]
	}
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "Polywire — multilingual wire-story ingest, tagging, translation and search.")
	fmt.Fprintln(w, "\nusage: polywire COMMAND [flags] [args]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\n'polywire COMMAND -h' shows a command's flags.")
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	switch strings.ToLower(level) {
	case "debug":
		l = slog.LevelDebug
	case "warn", "warning":
		l = slog.LevelWarn
	case "error":
		l = slog.LevelError
	default:
		l = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}

// envOr returns the environment variable key, or def when it is unset. Flags
// take their defaults from POLYWIRE_* variables so that containers can be
// wired by environment (see docker-compose.yml).
func envOr(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}
