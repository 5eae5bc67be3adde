package apertium

import (
	"bufio"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// launcher runs APY's main with Tornado's bind defaulting to loopback:
// apertium-apy 0.11 has no listen-address option and binds every interface.
const launcher = `import sys
import tornado.httpserver as h
_bind = h.HTTPServer.bind
def _loopback(self, port, address=None, *a, **k):
    return _bind(self, port, address or "127.0.0.1", *a, **k)
h.HTTPServer.bind = _loopback
from apertium_apy.apy import main
sys.argv = ["apertium-apy"] + sys.argv[1:]
sys.exit(main())
`

// loopbackCommand returns the command running apertium-apy through the
// launcher with the Python interpreter of bin's #! line, or bin itself when
// that line names no Python.
func loopbackCommand(bin string, o StartOptions) *exec.Cmd {
	args := []string{"-p", strconv.Itoa(o.Port), o.ModesDir}
	py := interpreter(bin)
	if py == "" {
		return exec.Command(bin, args...)
	}
	return exec.Command(py, append([]string{"-c", launcher}, args...)...)
}

// interpreter returns the Python of a script's #! line ("" when none).
func interpreter(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	line, _ := bufio.NewReader(f).ReadString('\n')
	fields := strings.Fields(strings.TrimPrefix(line, "#!"))
	if !strings.HasPrefix(line, "#!") || len(fields) == 0 {
		return ""
	}
	if strings.HasSuffix(fields[0], "/env") && len(fields) > 1 {
		fields = fields[1:]
	}
	if !strings.Contains(fields[0], "python") {
		return ""
	}
	if p, err := exec.LookPath(fields[0]); err == nil {
		return p
	}
	return ""
}
