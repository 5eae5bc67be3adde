package bus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// ErrDataDirInUse means another process runs an embedded server on the same
// data directory. Two servers on one JetStream store corrupt it, so the
// second is refused: connect to the first one's listener instead (--nats).
var ErrDataDirInUse = errors.New("bus: data directory in use by another polywire process")

// lockDataDir takes an exclusive, non-blocking lock on <dir>/nats.lock for
// the life of the embedded server; the kernel releases it if the process
// dies, so a crash never leaves a stale lock.
func lockDataDir(dir string) (*os.File, error) {
	if dir == "" {
		return nil, fmt.Errorf("bus: embedded server needs a data dir")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("bus: creating data dir %s: %w", dir, err)
	}
	path := filepath.Join(dir, "nats.lock")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("bus: opening %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w (%s)", ErrDataDirInUse, dir)
		}
		return nil, fmt.Errorf("bus: locking %s: %w", path, err)
	}
	return f, nil
}
