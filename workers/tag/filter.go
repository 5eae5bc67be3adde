package tag

import "hash/maphash"

// wordFilter is a Bloom filter over words with two bit positions per word:
// maybe reports whether a word may be in the set, never missing a member.
// The matcher asks it before the phrase map, so most words of a text, which
// begin no name, cost one hash instead of a map lookup and compares.
type wordFilter struct {
	seed maphash.Seed
	bits []uint64
}

// filterBits is the filter's size: 2^20 bits (128 KB), well under one per
// cent of false positives for the gazetteer's thousands of first words.
const filterBits = 1 << 20

func newWordFilter() *wordFilter {
	return &wordFilter{seed: maphash.MakeSeed(), bits: make([]uint64, filterBits/64)}
}

func (f *wordFilter) positions(w string) (uint32, uint32) {
	h := maphash.String(f.seed, w)
	return uint32(h) % filterBits, uint32(h>>32) % filterBits
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
