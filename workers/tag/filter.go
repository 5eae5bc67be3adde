package tag

import "hash/maphash"

// wordFilter is a Bloom filter over words with two bit positions per word:
// maybe reports whether a word may be in the set, never missing a member.
// The matcher asks it before the phrase map, so most words of a text, which
// begin no name, cost one hash instead of a map lookup and compares.
type wordFilter struct {
	seed maphash.Seed
	bits []uint64
	mask uint32 // bit count - 1
}

// filterBits is the size of the filter of all first words: 2^20 bits
// (128 KB), well under one per cent of false positives for the gazetteer's
// thousands of first words. lowerFilterBits sizes the filter of the few
// names written in lower case (2^16 bits, 8 KB), which stays in cache.
const (
	filterBits      = 1 << 20
	lowerFilterBits = 1 << 16
)

// newWordFilter returns an empty filter of bits bits, a power of two.
func newWordFilter(bits uint32) *wordFilter {
	return &wordFilter{seed: maphash.MakeSeed(), bits: make([]uint64, bits/64), mask: bits - 1}
}

func (f *wordFilter) positions(w string) (uint32, uint32) {
	h := maphash.String(f.seed, w)
	return uint32(h) & f.mask, uint32(h>>32) & f.mask
}

func (f *wordFilter) add(w string) {
	a, b := f.positions(w)
	f.bits[a/64] |= 1 << (a % 64)
	f.bits[b/64] |= 1 << (b % 64)
}

func (f *wordFilter) maybe(w string) bool {
	a, b := f.positions(w)
	return f.bits[a/64]&(1<<(a%64)) != 0 && f.bits[b/64]&(1<<(b%64)) != 0
}
