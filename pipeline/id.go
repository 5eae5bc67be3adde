package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
)

// StoryID returns the stable id of a story: a hash of the source id and the
// item's identity (GUID, canonical URL or what the source's identity rule
// selects). The same item fetched again, or edited, keeps its id.
func StoryID(source, identity string) string {
	h := sha256.Sum256([]byte(source + "\x00" + identity))
	return hex.EncodeToString(h[:12])
}
