package tag

// wordFilter is a one-hash Bloom filter over words: maybe reports whether
// a word may be in the set, never missing a member. The matcher asks it
// before the phrase map, so most words of a text, which begin no name, cost
// a few arithmetic operations instead of a string hash and compare.
type wordFilter struct {
	bits []uint64
}

// filterBits is the filter's size: 2^20 bits (128 KB), a few per cent of
// false positives for the gazetteer's tens of thousands of forms.
const filterBits = 1 << 20

func newWordFilter() *wordFilter { return &wordFilter{bits: make([]uint64, filterBits/64)} }

// filterKey mixes a word's length and its first, second, next-to-last and
// last bytes.
func filterKey(w string) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	k := uint32(n)*0x9E3779B1 ^ uint32(w[0])<<24 ^ uint32(w[n-1])
	if n > 1 {
		k ^= uint32(w[1])<<16 ^ uint32(w[n-2])<<8
	}
	k *= 0x85EBCA6B
	return (k ^ k>>15) % filterBits
}

func (f *wordFilter) add(w string) {
	k := filterKey(w)
	f.bits[k/64] |= 1 << (k % 64)
}

func (f *wordFilter) maybe(w string) bool {
	k := filterKey(w)
	return f.bits[k/64]&(1<<(k%64)) != 0
}
